package de.leitstand.prioritization.internal.scoring;

import java.math.BigDecimal;
import java.util.List;

import de.leitstand.portfolio.ProjectSnapshot;
import de.leitstand.prioritization.WibeVerdict;

/**
 * Everything behind one project's score: per criterion the ratings with their justifications, mean, spread and the
 * disagreement flag, or the derived value; the net present value; the total; the WiBe verdict.
 */
public record ProjectEvaluation(ScoringModel model, ProjectSnapshot project, List<CriterionResult> criteria,
		Wibe.Npv npv, BigDecimal total, BigDecimal qualitativeExternalScore, WibeVerdict verdict,
		List<Assessment> assessments, int submitted) {

	public boolean disagreement() {
		return criteria.stream().anyMatch(CriterionResult::disagreement);
	}

	/**
	 * One criterion. For rated criteria: score = mean level / highest level × 100; strong disagreement when at least
	 * two evaluators rated and their spread (max − min) is at least half the scale.
	 */
	public record CriterionResult(Criterion criterion, List<RatingView> ratings, BigDecimal mean, Integer min,
			Integer max, Integer spread, boolean disagreement, BigDecimal score, BigDecimal contribution) {
	}

	/** A submitted rating as the breakdown shows it. */
	public record RatingView(String evaluatorName, int level, String levelDescription, String justification,
			boolean exampleData) {
	}
}
