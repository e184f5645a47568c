package de.leitstand.monitoring.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;

import io.swagger.v3.oas.annotations.Operation;
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
import de.leitstand.shared.web.ApiController;
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

	record Measurement(UUID id, UUID kpiId, LocalDate measuredOn, BigDecimal value, String unit, String source,
			String enteredBy, Instant enteredAt, boolean exampleData) {

		static Measurement of(KpiMeasurement m) {
			return new Measurement(m.getId(), m.getKpiId(), m.getMeasuredOn(), m.getValue(), m.getUnit(),
					m.getSource(), m.getEnteredBy(), m.getEnteredAt(), m.isExampleData());
		}
	}

	/** @param value a number (JSON number or German/plain text such as "3,5") */
	record MeasurementInput(String measuredOn, String value, String unit, String source) {
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

	@GetMapping("/achievement")
	@Operation(summary = "Strategy achievement: fields of action → goals → KPIs",
			description = "KPI achievement = (latest − baseline) / (target − baseline), clamped to 0–100 %; goal = mean "
					+ "of its measured KPIs; field = mean of its measured goals.")
	List<FieldStatus> achievement() {
		return kpis.fields();
	}
}
