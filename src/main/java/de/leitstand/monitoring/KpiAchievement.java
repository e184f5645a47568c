package de.leitstand.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import de.leitstand.strategy.KpiDirection;

/**
 * How far the active strategy has come, from the KPI measurements (Messwerte): per KPI a linear trend with a
 * forecast at the target date and a verdict, rolled up to goals and fields of action. Read-only; used by the
 * dashboards and the council report.
 *
 * <p>
 * Rules: a KPI's achievement is {@code (latest − baseline) / (target − baseline)}, clamped to 0–100 %; a goal's is
 * the mean of its measured KPIs, a field's the mean of its measured goals. KPIs without measurements do not count
 * (the counts say how many did).
 */
public interface KpiAchievement {

	/** The roll-up with all measurements. */
	List<FieldStatus> fields();

	/** The roll-up with only the measurements taken on or before the given day (for a report on a past cycle). */
	List<FieldStatus> fields(LocalDate asOf);

	enum Verdict {
		/** The forecast at the target date reaches the target. */
		ON_TRACK,
		/** The forecast at the target date misses the target. */
		OFF_TRACK,
		/** Fewer than two points (baseline + measurements) to draw a line through. */
		TOO_FEW_POINTS
	}

	record Point(LocalDate date, BigDecimal value) {
	}

	/**
	 * @param achievementPercent null without measurements
	 * @param forecastAtTarget value of the trend line at the target date; null with too few points
	 */
	record KpiStatus(UUID kpiId, String name, String unit, UUID goalId, String goalCode, BigDecimal baselineValue,
			LocalDate baselineDate, BigDecimal targetValue, LocalDate targetDate, KpiDirection direction,
			List<Point> measurements, Double achievementPercent, Double forecastAtTarget, Verdict verdict) {

		public Point latest() {
			return measurements.isEmpty() ? null : measurements.get(measurements.size() - 1);
		}
	}

	/** @param achievementPercent mean of the measured KPIs; null if none is measured */
	record GoalStatus(UUID goalId, String code, String title, Double achievementPercent, int measuredKpis,
			List<KpiStatus> kpis) {
	}

	/** @param achievementPercent mean of the measured goals; null if none is measured */
	record FieldStatus(UUID fieldId, int number, String name, Double achievementPercent, int measuredGoals,
			List<GoalStatus> goals) {
	}
}
