package de.leitstand.prioritization.internal.scoring;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import java.util.TreeSet;

import de.leitstand.portfolio.Contribution;
import de.leitstand.prioritization.WibeVerdict;

/**
 * The calculations of the economic assessment (WiBe) and the two derived criteria. Documented mappings:
 * <ul>
 * <li><b>Net present value</b> NPV = Σ (benefit_y − cost_y) / (1 + r)^(y − y0), y0 = the first year of the cost or
 * benefit plan, r = the model's discount rate.</li>
 * <li><b>Economic score</b> (0–100) = 50 + 50 × NPV / PV(costs), clamped to 0…100: NPV 0 gives 50 points, benefits
 * worth twice the costs (NPV = PV(costs)) give 100, no benefit at all gives 0. Without any costs: 100 if the NPV is
 * positive, else 0.</li>
 * <li><b>Strategic score</b> (0–100) = (sum of contribution points of the goal links: high 3, medium 2, low 1) × 100
 * / 6, capped at 100 — two high contributions (or three medium ones) reach the maximum, one low gives 17.</li>
 * <li><b>WiBe decision rule</b>: economically justified if NPV > 0, otherwise justified by qualitative or external
 * effects if the weighted score of the strategic/qualitative and external criteria is at least 50 points, otherwise
 * not justified.</li>
 * </ul>
 */
public final class Wibe {

	public static final BigDecimal QUALITATIVE_THRESHOLD = BigDecimal.valueOf(50);

	private Wibe() {
	}

	/** NPV and the present value of the costs alone (both EUR). */
	public record Npv(BigDecimal value, BigDecimal presentCosts) {
	}

	public static Npv netPresentValue(Map<Integer, BigDecimal> costs, Map<Integer, BigDecimal> benefits,
			BigDecimal ratePercent) {
		TreeSet<Integer> years = new TreeSet<>(costs.keySet());
		years.addAll(benefits.keySet());
		if (years.isEmpty()) {
			return new Npv(BigDecimal.ZERO, BigDecimal.ZERO);
		}
		int y0 = years.first();
		double r = ratePercent.doubleValue() / 100;
		double npv = 0;
		double pvCosts = 0;
		for (int y : years) {
			double factor = Math.pow(1 + r, y - y0);
			double cost = costs.getOrDefault(y, BigDecimal.ZERO).doubleValue();
			double benefit = benefits.getOrDefault(y, BigDecimal.ZERO).doubleValue();
			npv += (benefit - cost) / factor;
			pvCosts += cost / factor;
		}
		return new Npv(money(npv), money(pvCosts));
	}

	public static BigDecimal economicScore(Npv npv) {
		if (npv.presentCosts().signum() == 0) {
			return npv.value().signum() > 0 ? BigDecimal.valueOf(100) : BigDecimal.ZERO;
		}
		double score = 50 + 50 * npv.value().doubleValue() / npv.presentCosts().doubleValue();
		return points(Math.max(0, Math.min(100, score)));
	}

	public static BigDecimal strategicScore(Iterable<Contribution> contributions) {
		int sum = 0;
		for (Contribution c : contributions) {
			sum += c.weight();
		}
		return points(Math.min(100, sum * 100.0 / 6));
	}

	public static WibeVerdict verdict(BigDecimal npv, BigDecimal qualitativeExternalScore) {
		if (npv != null && npv.signum() > 0) {
			return WibeVerdict.ECONOMIC;
		}
		if (qualitativeExternalScore != null && qualitativeExternalScore.compareTo(QUALITATIVE_THRESHOLD) >= 0) {
			return WibeVerdict.QUALITATIVE;
		}
		return WibeVerdict.NOT_JUSTIFIED;
	}

	static BigDecimal points(double value) {
		return new BigDecimal(value, MathContext.DECIMAL64).setScale(1, java.math.RoundingMode.HALF_UP);
	}

	private static BigDecimal money(double value) {
		return new BigDecimal(value, MathContext.DECIMAL64).setScale(2, java.math.RoundingMode.HALF_UP);
	}
}
