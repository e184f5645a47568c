package de.leitstand.prioritization;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A project's score under the active scoring model, for other modules (optimiser, board, reports).
 *
 * @param total 0–100 points: Σ weight × normalised criterion score
 * @param rank 1 = best among the {@code rankedAmong} assessed projects
 * @param netPresentValue EUR, from the project's cost plan and its benefit plan
 * @param qualitativeExternalScore 0–100, the weighted score of the qualitative/strategic and external criteria
 * @param disagreement whether the evaluators disagree strongly on at least one criterion
 */
public record ScoreSummary(UUID projectId, String projectKey, String projectTitle, BigDecimal total, int rank,
		int rankedAmong, int submittedAssessments, BigDecimal netPresentValue, BigDecimal qualitativeExternalScore,
		WibeVerdict verdict, boolean disagreement, List<CriterionScore> breakdown) {

	/**
	 * One criterion of the breakdown.
	 *
	 * @param score 0–100 (normalised mean level, or the derived value)
	 * @param contribution weight × score / 100, the points this criterion adds to the total
	 */
	public record CriterionScore(String code, String name, BigDecimal weight, boolean derived, BigDecimal score,
			BigDecimal contribution) {
	}
}
