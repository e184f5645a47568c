package de.leitstand.monitoring.internal.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import de.leitstand.monitoring.KpiAchievement.Point;
import de.leitstand.monitoring.KpiAchievement.Verdict;
import de.leitstand.strategy.KpiDirection;

/**
 * Trend of a KPI: a least-squares line through the baseline and the measurements (x = days since the baseline),
 * its value at the target date, and whether that reaches the target in the KPI's direction.
 */
public final class KpiForecast {

	private KpiForecast() {
	}

	/** The result; {@code forecast} is null with fewer than two points. */
	public record Result(Double slopePerDay, Double intercept, Double forecast, Verdict verdict) {
	}

	public static Result of(BigDecimal baseline, LocalDate baselineDate, BigDecimal target, LocalDate targetDate,
			KpiDirection direction, List<Point> measurements) {
		List<Point> points = new ArrayList<>();
		points.add(new Point(baselineDate, baseline));
		points.addAll(measurements);
		if (points.size() < 2) {
			return new Result(null, null, null, Verdict.TOO_FEW_POINTS);
		}
		int n = points.size();
		double sx = 0, sy = 0;
		for (Point p : points) {
			sx += x(baselineDate, p.date());
			sy += p.value().doubleValue();
		}
		double mx = sx / n, my = sy / n;
		double sxx = 0, sxy = 0;
		for (Point p : points) {
			double dx = x(baselineDate, p.date()) - mx;
			sxx += dx * dx;
			sxy += dx * (p.value().doubleValue() - my);
		}
		if (sxx == 0) {
			// All points on the same day: no trend can be drawn.
			return new Result(null, null, null, Verdict.TOO_FEW_POINTS);
		}
		double slope = sxy / sxx;
		double intercept = my - slope * mx;
		double forecast = intercept + slope * x(baselineDate, targetDate);
		double goal = target.doubleValue();
		boolean reached = direction == KpiDirection.LOWER_IS_BETTER ? forecast <= goal + 1e-9 : forecast >= goal - 1e-9;
		return new Result(slope, intercept, forecast, reached ? Verdict.ON_TRACK : Verdict.OFF_TRACK);
	}

	/**
	 * Share of the way from baseline to target covered by the latest value, 0–100 % (clamped: a KPI that got worse
	 * counts 0, one beyond its target 100). Works for both directions because target − baseline carries the sign.
	 */
	public static double achievement(BigDecimal baseline, BigDecimal target, BigDecimal latest) {
		double span = target.doubleValue() - baseline.doubleValue();
		if (span == 0) {
			return 100;
		}
		double share = (latest.doubleValue() - baseline.doubleValue()) / span * 100;
		return Math.max(0, Math.min(100, share));
	}

	/** Value of a trend line on a day, or null. */
	public static Double valueAt(Result result, LocalDate baselineDate, LocalDate day) {
		return result.slopePerDay() == null ? null : result.intercept() + result.slopePerDay() * x(baselineDate, day);
	}

	private static double x(LocalDate origin, LocalDate day) {
		return day.toEpochDay() - origin.toEpochDay();
	}
}
