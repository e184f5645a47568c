package de.leitstand.monitoring.internal.kpi;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.leitstand.monitoring.KpiAchievement;
import de.leitstand.organization.LeitstandUser;
import de.leitstand.organization.Role;
import de.leitstand.shared.InvalidInput;
import de.leitstand.shared.InvalidInput.Problem;
import de.leitstand.shared.NotFoundException;
import de.leitstand.shared.StaleVersionException;
import de.leitstand.shared.validation.PlainText;
import de.leitstand.strategy.StrategyCatalog;
import de.leitstand.strategy.StrategyCatalog.FieldSummary;
import de.leitstand.strategy.StrategyCatalog.GoalSummary;
import de.leitstand.strategy.StrategyCatalog.KpiSummary;

/**
 * KPI measurements: who may enter them (portfolio office and admins), the rules a value must meet (the KPI's unit,
 * not in the future, not before the baseline, 0–100 for percentages), all-or-nothing imports, and the roll-up of
 * achievement to goals and fields of action.
 */
@Service
@Transactional(readOnly = true)
public class KpiService implements KpiAchievement {

	static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	private final KpiMeasurements measurements;
	private final StrategyCatalog catalog;
	private final Clock clock;

	KpiService(KpiMeasurements measurements, StrategyCatalog catalog, Optional<Clock> clock) {
		this.measurements = measurements;
		this.catalog = catalog;
		this.clock = clock.orElse(Clock.system(ZoneId.of("Europe/Berlin")));
	}

	/** A KPI of the active strategy with its goal. */
	public record KpiRef(KpiSummary kpi, GoalSummary goal) {
	}

	/** Input as typed (form, API, import row): parsed and checked by {@link #check}. */
	public record Entry(String measuredOn, String value, String unit, String source) {
	}

	public List<KpiRef> kpis() {
		List<KpiRef> all = new ArrayList<>();
		for (FieldSummary field : catalog.activeFields()) {
			for (GoalSummary goal : field.goals()) {
				goal.kpis().forEach(k -> all.add(new KpiRef(k, goal)));
			}
		}
		return all;
	}

	public KpiRef kpi(UUID kpiId) {
		return kpis().stream().filter(r -> r.kpi().id().equals(kpiId)).findFirst()
			.orElseThrow(() -> new NotFoundException("KPI " + kpiId));
	}

	public List<KpiMeasurement> measurementsOf(UUID kpiId) {
		return measurements.findByKpiIdOrderByMeasuredOnAscEnteredAtAsc(kpiId);
	}

	public static boolean mayEnter() {
		return LeitstandUser.current().map(u -> u.hasAny(Role.PORTFOLIO_MANAGER, Role.ADMIN)).orElse(false);
	}

	private static void requireEntryRight() {
		if (!mayEnter()) {
			throw new AccessDeniedException("KPI measurements are entered by the portfolio office");
		}
	}

	/** Stores one measurement, or throws InvalidInput naming each broken rule (nothing stored). */
	@Transactional
	public KpiMeasurement record(UUID kpiId, Entry entry) {
		requireEntryRight();
		KpiRef ref = kpi(kpiId);
		List<Problem> problems = new ArrayList<>();
		Checked checked = check(ref.kpi(), entry, "", problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return measurements.save(checked.toMeasurement(kpiId, LeitstandUser.currentName(), clock, false));
	}

	/** A measurement of the KPI; not found if it belongs to another KPI. */
	public KpiMeasurement measurement(UUID kpiId, UUID measurementId) {
		return measurements.findById(measurementId).filter(m -> m.getKpiId().equals(kpiId))
			.orElseThrow(() -> new NotFoundException("measurement " + measurementId));
	}

	/**
	 * Corrects a measurement under the same rules as a new one. Refuses a stale version (someone changed or
	 * corrected it after the user opened it) instead of overwriting; nothing is stored on any refusal.
	 */
	@Transactional
	public KpiMeasurement change(UUID kpiId, UUID measurementId, long version, Entry entry) {
		requireEntryRight();
		KpiRef ref = kpi(kpiId);
		KpiMeasurement m = measurement(kpiId, measurementId);
		StaleVersionException.require(m.getVersion(), version);
		List<Problem> problems = new ArrayList<>();
		Checked checked = check(ref.kpi(), entry, "", problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		m.change(checked.measuredOn(), checked.value(), checked.unit(), checked.source());
		return measurements.saveAndFlush(m);
	}

	/** Deletes a measurement if nobody changed it since the user saw it; the audit trail keeps its last state. */
	@Transactional
	public void delete(UUID kpiId, UUID measurementId, long version) {
		requireEntryRight();
		KpiMeasurement m = measurement(kpiId, measurementId);
		StaleVersionException.require(m.getVersion(), version);
		measurements.delete(m);
		measurements.flush();
	}

	/** A checked row, ready to store. */
	record Checked(LocalDate measuredOn, BigDecimal value, String unit, String source) {

		KpiMeasurement toMeasurement(UUID kpiId, String by, Clock clock, boolean example) {
			return new KpiMeasurement(kpiId, measuredOn, value, unit, source, by, clock.instant(), example);
		}
	}

	/**
	 * Checks one entry against the KPI; adds problems with field names prefixed by {@code prefix} (e.g. "Zeile 3: "
	 * is not used here — imports pass a row prefix in the field path).
	 */
	Checked check(KpiSummary kpi, Entry entry, String prefix, List<Problem> problems) {
		int before = problems.size();
		LocalDate date = null;
		if (blank(entry.measuredOn())) {
			problems.add(new Problem(prefix + "measuredOn", "validation.required"));
		}
		else {
			date = parseDate(entry.measuredOn().trim());
			if (date == null) {
				problems.add(new Problem(prefix + "measuredOn", "validation.date"));
			}
			else if (date.isAfter(LocalDate.now(clock))) {
				problems.add(new Problem(prefix + "measuredOn", "kpi.error.future"));
			}
			else if (date.isBefore(kpi.baselineDate())) {
				problems.add(new Problem(prefix + "measuredOn", "kpi.error.beforeBaseline",
						GERMAN_DATE.format(kpi.baselineDate())));
			}
		}
		String unit = entry.unit() == null ? "" : entry.unit().trim();
		if (unit.isEmpty()) {
			problems.add(new Problem(prefix + "unit", "validation.required"));
		}
		else if (PlainText.Validator.check(problems, prefix + "unit", unit) && !sameUnit(unit, kpi.unit())) {
			problems.add(new Problem(prefix + "unit", "kpi.error.unitMismatch", unit, kpi.unit()));
		}
		BigDecimal value = null;
		if (blank(entry.value())) {
			problems.add(new Problem(prefix + "value", "validation.required"));
		}
		else {
			value = parseNumber(entry.value().trim());
			if (value == null) {
				problems.add(new Problem(prefix + "value", "kpi.error.notNumber", entry.value().trim()));
			}
			else if (value.abs().compareTo(new BigDecimal("1000000000000")) > 0) {
				problems.add(new Problem(prefix + "value", "validation.number.range"));
			}
			else if (isPercent(kpi.unit())
					&& (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0)) {
				problems.add(new Problem(prefix + "value", "kpi.error.percentRange"));
			}
		}
		String source = entry.source() == null ? null : entry.source().trim();
		if (source != null && source.length() > 500) {
			problems.add(new Problem(prefix + "source", "validation.size.max.n", "500"));
		}
		PlainText.Validator.check(problems, prefix + "source", source);
		if (problems.size() > before) {
			return null;
		}
		return new Checked(date, value, kpi.unit(), source == null || source.isEmpty() ? null : source);
	}

	static boolean sameUnit(String entered, String expected) {
		return normaliseUnit(entered).equals(normaliseUnit(expected));
	}

	private static String normaliseUnit(String unit) {
		String u = unit.trim().replaceAll("\\s+", " ").toLowerCase(Locale.GERMAN);
		return switch (u) {
			case "prozent", "percent", "v. h.", "vh" -> "%";
			default -> u;
		};
	}

	static boolean isPercent(String unit) {
		return "%".equals(normaliseUnit(unit));
	}

	static LocalDate parseDate(String text) {
		try {
			if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
				return LocalDate.parse(text);
			}
			if (text.matches("\\d{1,2}\\.\\d{1,2}\\.\\d{4}")) {
				return LocalDate.parse(text, DateTimeFormatter.ofPattern("d.M.yyyy"));
			}
		}
		catch (RuntimeException ex) {
			return null;
		}
		return null;
	}

	/** German (3,5 / 1.234,5) or plain (3.5) notation. */
	static BigDecimal parseNumber(String text) {
		String t = text.replace(" ", "").replace("\u00a0", "");
		if (t.contains(",")) {
			t = t.replace(".", "").replace(',', '.');
		}
		try {
			return new BigDecimal(t);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	// --- import ---

	/** One row of an import file as read, with its line number (1-based, header = 1). */
	public record ImportRow(int line, String kpi, String measuredOn, String value, String unit, String source) {
	}

	/**
	 * Stores all rows or none. Problems name the row and column: field {@code Zeile 4, Wert}; the message key
	 * explains the reason.
	 */
	@Transactional
	public int importRows(List<ImportRow> rows) {
		requireEntryRight();
		List<KpiRef> all = kpis();
		List<Problem> problems = new ArrayList<>();
		List<KpiMeasurement> toSave = new ArrayList<>();
		if (rows.isEmpty()) {
			throw InvalidInput.of("file", "kpi.import.empty");
		}
		for (ImportRow row : rows) {
			String at = "Zeile " + row.line() + ", ";
			Optional<KpiRef> ref = resolve(all, row.kpi());
			if (ref.isEmpty()) {
				problems.add(new Problem(at + "KPI", "kpi.import.unknownKpi", String.valueOf(row.kpi())));
				continue;
			}
			List<Problem> rowProblems = new ArrayList<>();
			Checked checked = check(ref.get().kpi(),
					new Entry(row.measuredOn(), row.value(), row.unit(), row.source()), "", rowProblems);
			rowProblems.forEach(p -> problems.add(new Problem(at + COLUMN.get(p.field()), p.messageKey(), p.args())));
			if (checked != null) {
				toSave.add(checked.toMeasurement(ref.get().kpi().id(), LeitstandUser.currentName(), clock, false));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		measurements.saveAll(toSave);
		return toSave.size();
	}

	private static final Map<String, String> COLUMN = Map.of("measuredOn", "Datum", "value", "Wert", "unit",
			"Einheit", "source", "Quelle");

	/** A KPI by id, or by "goal code + name" (e.g. "Z1.1 Anteil der Ämter mit E-Akte"). */
	static Optional<KpiRef> resolve(List<KpiRef> all, String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		String t = text.trim().replaceAll("\\s+", " ");
		for (KpiRef ref : all) {
			if (ref.kpi().id().toString().equalsIgnoreCase(t)) {
				return Optional.of(ref);
			}
			String label = ref.goal().code() + " " + ref.kpi().name();
			if (label.equalsIgnoreCase(t)) {
				return Optional.of(ref);
			}
		}
		return Optional.empty();
	}

	// --- achievement ---

	@Override
	public List<FieldStatus> fields() {
		return fields(null);
	}

	@Override
	public List<FieldStatus> fields(LocalDate asOf) {
		Map<UUID, List<Point>> byKpi = new HashMap<>();
		for (KpiMeasurement m : measurements.findAllByOrderByMeasuredOnAscEnteredAtAsc()) {
			if (asOf == null || !m.getMeasuredOn().isAfter(asOf)) {
				byKpi.computeIfAbsent(m.getKpiId(), k -> new ArrayList<>())
					.add(new Point(m.getMeasuredOn(), m.getValue()));
			}
		}
		List<FieldStatus> fields = new ArrayList<>();
		for (FieldSummary field : catalog.activeFields()) {
			List<GoalStatus> goals = new ArrayList<>();
			for (GoalSummary goal : field.goals()) {
				List<KpiStatus> kpis = goal.kpis().stream()
					.map(k -> status(k, goal, byKpi.getOrDefault(k.id(), List.of())))
					.toList();
				List<Double> measured = kpis.stream().map(KpiStatus::achievementPercent)
					.filter(java.util.Objects::nonNull).toList();
				goals.add(new GoalStatus(goal.id(), goal.code(), goal.title(), mean(measured), measured.size(), kpis));
			}
			List<Double> measured = goals.stream().map(GoalStatus::achievementPercent)
				.filter(java.util.Objects::nonNull).toList();
			fields.add(new FieldStatus(field.id(), field.number(), field.name(), mean(measured), measured.size(),
					goals));
		}
		return fields;
	}

	public KpiStatus status(UUID kpiId) {
		KpiRef ref = kpi(kpiId);
		List<Point> points = measurementsOf(kpiId).stream().map(m -> new Point(m.getMeasuredOn(), m.getValue()))
			.toList();
		return status(ref.kpi(), ref.goal(), points);
	}

	static KpiStatus status(KpiSummary k, GoalSummary goal, List<Point> points) {
		List<Point> sorted = points.stream().sorted(Comparator.comparing(Point::date)).toList();
		KpiForecast.Result forecast = KpiForecast.of(k.baselineValue(), k.baselineDate(), k.targetValue(),
				k.targetDate(), k.direction(), sorted);
		Double achievement = sorted.isEmpty() ? null
				: KpiForecast.achievement(k.baselineValue(), k.targetValue(), sorted.get(sorted.size() - 1).value());
		return new KpiStatus(k.id(), k.name(), k.unit(), goal.id(), goal.code(), k.baselineValue(),
				k.baselineDate(), k.targetValue(), k.targetDate(), k.direction(), sorted, achievement,
				forecast.forecast(), forecast.verdict());
	}

	private static Double mean(List<Double> values) {
		return values.isEmpty() ? null : values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
	}

	/** KPI label for lists: "Z1.1 Anteil der Ämter mit E-Akte". */
	public static String label(KpiRef ref) {
		return ref.goal().code() + " " + ref.kpi().name();
	}

	static Map<UUID, String> labels(List<KpiRef> refs) {
		return refs.stream().collect(Collectors.toMap(r -> r.kpi().id(), KpiService::label, (a, b) -> a,
				LinkedHashMap::new));
	}
}
