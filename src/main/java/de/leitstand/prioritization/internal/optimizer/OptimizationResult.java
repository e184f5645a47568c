package de.leitstand.prioritization.internal.optimizer;

import java.util.List;

/**
 * What the optimiser found. Values and bounds are in hundredths ({@link Scenario#VALUE_SCALE}); money in euros,
 * effort in tenths of person-days ({@link Scenario#EFFORT_SCALE}).
 *
 * @param status OPTIMAL (proven), FEASIBLE (a portfolio, optimality not proven), INFEASIBLE, UNKNOWN (no portfolio
 *        found in time)
 * @param note why optimality is not proven (time limit, cancelled) or null
 * @param conflicts for an infeasible scenario: which limits conflict, in plain words
 */
public record OptimizationResult(Status status, long objective, long bound, List<String> selected, Greedy greedy,
		List<Usage> usage, List<Explanation> explanations, List<Text> conflicts, Text note, boolean cancelled,
		double seconds) {

	public enum Status {
		OPTIMAL, FEASIBLE, INFEASIBLE, UNKNOWN
	}

	public OptimizationResult {
		selected = List.copyOf(selected);
		usage = List.copyOf(usage);
		explanations = List.copyOf(explanations);
		conflicts = List.copyOf(conflicts);
	}

	/** Relative gap between the best portfolio and the proven bound (0 when optimal). */
	public double gap() {
		if (status == Status.OPTIMAL || bound <= 0) {
			return 0;
		}
		return Math.max(0, (bound - objective) / (double) bound);
	}

	public boolean hasPortfolio() {
		return status == Status.OPTIMAL || status == Status.FEASIBLE;
	}

	/** The greedy reference: rank by value, take while it fits. */
	public record Greedy(long objective, List<String> selected, double seconds) {
		public Greedy {
			selected = List.copyOf(selected);
		}
	}

	/**
	 * Use of one limit by the optimal and the greedy portfolio.
	 *
	 * @param unit org unit code for a capacity, null for a budget
	 */
	public record Usage(String kind, String unit, String year, long limit, long optimal, long greedy) {
	}

	/** Why a project is in or out, and what would change that. */
	public record Explanation(String id, String title, boolean selected, long value, List<Text> reasons) {
		public Explanation {
			reasons = List.copyOf(reasons);
		}
	}
}
