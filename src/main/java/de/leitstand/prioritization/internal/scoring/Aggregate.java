package de.leitstand.prioritization.internal.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The ratings of one criterion taken together: mean, min, max, spread (max − min) and the normalised score 0–100
 * (mean / highest level × 100). Strong disagreement: at least two ratings whose spread is at least half the scale
 * (e.g. 2 or more on a 0–4 scale) — the portfolio office should then ask the evaluators before deciding.
 */
public record Aggregate(BigDecimal mean, Integer min, Integer max, Integer spread, boolean disagreement,
		BigDecimal score) {

	public static Aggregate of(List<Integer> levels, int maxLevel) {
		if (levels.isEmpty() || maxLevel <= 0) {
			return new Aggregate(null, null, null, null, false, BigDecimal.ZERO);
		}
		int min = levels.stream().mapToInt(Integer::intValue).min().orElse(0);
		int max = levels.stream().mapToInt(Integer::intValue).max().orElse(0);
		double mean = levels.stream().mapToInt(Integer::intValue).average().orElse(0);
		int spread = max - min;
		boolean disagreement = levels.size() >= 2 && spread * 2 >= maxLevel;
		return new Aggregate(BigDecimal.valueOf(mean).setScale(2, RoundingMode.HALF_UP), min, max, spread,
				disagreement, Wibe.points(mean / maxLevel * 100));
	}
}
