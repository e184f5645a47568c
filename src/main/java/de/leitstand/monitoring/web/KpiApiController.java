package de.leitstand.monitoring.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import de.leitstand.monitoring.KpiAchievement;
import de.leitstand.monitoring.KpiAchievement.FieldStatus;
import de.leitstand.monitoring.KpiAchievement.KpiStatus;
import de.leitstand.monitoring.internal.kpi.KpiMeasurement;
import de.leitstand.monitoring.internal.kpi.KpiService;
import de.leitstand.shared.StaleVersionException;
import de.leitstand.shared.web.ApiController;
import de.leitstand.shared.web.PreconditionFailed;
import de.leitstand.strategy.KpiDirection;

/** KPI measurements and the strategy achievement figures as JSON; entering needs the portfolio office or admin. */
@ApiController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "KPIs", description = "KPI measurements (Messwerte), trend, forecast and strategy achievement")
@SecurityRequirement(name = "basic")
@ApiResponse(responseCode = "200", description = "OK")
@ApiResponse(responseCode = "401", description = "Not signed in",
		content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
class KpiApiController {

	private final KpiService kpis;

	KpiApiController(KpiService kpis) {
		this.kpis = kpis;
	}

	record Latest(LocalDate date, BigDecimal value) {
	}

	record Kpi(UUID id, String goalCode, String name, String unit, BigDecimal baselineValue, LocalDate baselineDate,
			BigDecimal targetValue, LocalDate targetDate, KpiDirection direction, Latest latest, int measurements,
			Double achievementPercent, Double forecastAtTarget, KpiAchievement.Verdict verdict) {

		static Kpi of(KpiStatus s) {
			return new Kpi(s.kpiId(), s.goalCode(), s.name(), s.unit(), s.baselineValue(), s.baselineDate(),
					s.targetValue(), s.targetDate(), s.direction(),
					s.latest() == null ? null : new Latest(s.latest().date(), s.latest().value()), s.measurements().size(),
					KpiController.round(s.achievementPercent()), KpiController.round(s.forecastAtTarget()), s.verdict());
		}
	}

	/** @param version the version to send back (If-Match or {@code version}) when correcting or deleting it */
	record Measurement(UUID id, UUID kpiId, LocalDate measuredOn, BigDecimal value, String unit, String source,
			String enteredBy, Instant enteredAt, boolean exampleData, Long version) {

		static Measurement of(KpiMeasurement m) {
			return new Measurement(m.getId(), m.getKpiId(), m.getMeasuredOn(), m.getValue(), m.getUnit(),
					m.getSource(), m.getEnteredBy(), m.getEnteredAt(), m.isExampleData(), m.getVersion());
		}
	}

	/**
	 * @param value a number (JSON number or German/plain text such as "3,5")
	 * @param version for a correction: the version it starts from, unless sent as If-Match
	 */
	record MeasurementInput(String measuredOn, String value, String unit, String source, Long version) {
	}

	@GetMapping("/kpis")
	@Operation(summary = "KPIs of the active strategy with latest value, achievement, forecast and verdict")
	List<Kpi> list() {
		return kpis.fields().stream().flatMap(f -> f.goals().stream()).flatMap(g -> g.kpis().stream()).map(Kpi::of)
			.toList();
	}

	@GetMapping("/kpis/{id}/measurements")
	@Operation(summary = "Measurements of a KPI, oldest first")
	@ApiResponse(responseCode = "404", description = "No such KPI in the active strategy",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
	List<Measurement> measurements(@PathVariable UUID id) {
		kpis.kpi(id);
		return kpis.measurementsOf(id).stream().map(Measurement::of).toList();
	}

	@PostMapping(path = "/kpis/{id}/measurements", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Record a measurement",
			description = "e.g. {\"measuredOn\": \"2026-06-30\", \"value\": 47.5, \"unit\": \"%\", \"source\": \"…\"}; "
					+ "the unit must be the KPI's, the date neither in the future nor before the baseline, "
					+ "percentages 0–100.")
	@ApiResponse(responseCode = "201", description = "Stored")
	@ApiResponse(responseCode = "403", description = "Only the portfolio office and admins enter measurements",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
	@ApiResponse(responseCode = "404", description = "No such KPI",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
	@ApiResponse(responseCode = "422", description = "Invalid measurement; errors names each field, nothing stored",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
	ResponseEntity<Measurement> record(@PathVariable UUID id, @RequestBody MeasurementInput input) {
		KpiMeasurement m = kpis.record(id,
				new KpiService.Entry(input.measuredOn(), input.value(), input.unit(), input.source()));
		return ResponseEntity.created(URI.create("/api/v1/kpis/" + id + "/measurements")).body(Measurement.of(m));
	}

	@PutMapping(path = "/kpis/{id}/measurements/{measurementId}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Correct a measurement",
			description = "The same rules as a new one. The version it starts from comes as If-Match: \"<version>\" "
					+ "or as {\"version\": n} in the body; a stale one is refused, nothing is overwritten.")
	@Parameter(name = HttpHeaders.IF_MATCH, in = ParameterIn.HEADER, description = "\"<version>\" from the ETag or the list")
	@ApiResponse(responseCode = "200", description = "Corrected", headers = @Header(name = "ETag", description = "\"<version>\""))
	@ApiResponse(responseCode = "403", description = "Only the portfolio office and admins correct measurements",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
	@ApiResponse(responseCode = "404", description = "No such KPI or measurement",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
	@ApiResponse(responseCode = "409", description = "The version in the body is stale",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
	@ApiResponse(responseCode = "412", description = "If-Match does not name the current version",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
	@ApiResponse(responseCode = "422", description = "Invalid measurement; errors names each field, nothing stored",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
	@ApiResponse(responseCode = "428", description = "Neither If-Match nor a version was sent",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
	ResponseEntity<Measurement> change(@PathVariable UUID id, @PathVariable UUID measurementId,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestBody MeasurementInput input) {
		requireEntryRight();
		boolean fromHeader = input.version() == null;
		long expected = expectedVersion(ifMatch, input.version());
		try {
			KpiMeasurement m = kpis.change(id, measurementId, expected,
					new KpiService.Entry(input.measuredOn(), input.value(), input.unit(), input.source()));
			return ResponseEntity.ok().eTag("\"" + m.getVersion() + "\"").body(Measurement.of(m));
		}
		catch (StaleVersionException ex) {
			if (fromHeader) {
				throw PreconditionFailed.stale(ex.currentVersion());
			}
			throw ex;
		}
	}

	@DeleteMapping("/kpis/{id}/measurements/{measurementId}")
	@Operation(summary = "Delete a measurement",
			description = "Needs If-Match: \"<version>\" (or ?version=n); a measurement changed meanwhile is not deleted.")
	@Parameter(name = HttpHeaders.IF_MATCH, in = ParameterIn.HEADER, description = "\"<version>\" from the ETag or the list")
	@ApiResponse(responseCode = "204", description = "Deleted")
	@ApiResponse(responseCode = "403", description = "Only the portfolio office and admins delete measurements",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
	@ApiResponse(responseCode = "404", description = "No such KPI or measurement",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
	@ApiResponse(responseCode = "409", description = "The version in the query is stale",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
	@ApiResponse(responseCode = "412", description = "If-Match does not name the current version",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
	@ApiResponse(responseCode = "428", description = "Neither If-Match nor a version was sent",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
	ResponseEntity<Void> delete(@PathVariable UUID id, @PathVariable UUID measurementId,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestParam(required = false) Long version) {
		requireEntryRight();
		boolean fromHeader = version == null;
		long expected = expectedVersion(ifMatch, version);
		try {
			kpis.delete(id, measurementId, expected);
		}
		catch (StaleVersionException ex) {
			if (fromHeader) {
				throw PreconditionFailed.stale(ex.currentVersion());
			}
			throw ex;
		}
		return ResponseEntity.noContent().build();
	}

	/** Refused before the request is looked at further (a missing If-Match is no news to someone not allowed). */
	private static void requireEntryRight() {
		if (!KpiService.mayEnter()) {
			throw new AccessDeniedException("KPI measurements are corrected by the portfolio office");
		}
	}

	/** The version a change starts from: the body's or query's, else If-Match ("3", W/"3" or 3). */
	private static long expectedVersion(String ifMatch, Long version) {
		if (version != null) {
			return version;
		}
		if (ifMatch == null || ifMatch.isBlank()) {
			throw PreconditionFailed.required();
		}
		String tag = ifMatch.strip();
		if (tag.startsWith("W/")) {
			tag = tag.substring(2);
		}
		tag = tag.replace("\"", "");
		try {
			return Long.parseLong(tag);
		}
		catch (NumberFormatException ex) {
			// An ETag of something else can never name this measurement's version.
			throw PreconditionFailed.stale(-1);
		}
	}

	@GetMapping("/achievement")
	@Operation(summary = "Strategy achievement: fields of action → goals → KPIs",
			description = "KPI achievement = (latest − baseline) / (target − baseline), clamped to 0–100 %; goal = mean "
					+ "of its measured KPIs; field = mean of its measured goals.")
	List<FieldStatus> achievement() {
		return kpis.fields();
	}
}
