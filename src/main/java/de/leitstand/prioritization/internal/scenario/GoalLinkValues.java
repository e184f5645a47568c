package de.leitstand.prioritization.internal.scenario;

import java.math.BigDecimal;

import de.leitstand.portfolio.Contribution;
import de.leitstand.portfolio.ProjectSnapshot;
import de.leitstand.prioritization.CandidateValues;

/** Stand-in until scores exist: contribution to the strategic goals (hoch 3, mittel 2, gering 1) ×10, at most 100. */
class GoalLinkValues implements CandidateValues {

	@Override
	public BigDecimal valueOf(ProjectSnapshot project) {
		int sum = project.goals().values().stream().mapToInt(Contribution::weight).sum();
		return BigDecimal.valueOf(Math.min(100, sum * 10L));
	}

	@Override
	public String basisKey() {
		return "scenario.value.basis.goals";
	}
}
