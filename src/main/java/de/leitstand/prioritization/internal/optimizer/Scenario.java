package de.leitstand.prioritization.internal.optimizer;

import java.util.List;
import java.util.Map;

/**
 * A portfolio scenario as the optimiser sees it, in whole numbers: money in euros, staff effort and capacity in
 * tenths of a person-day, values in hundredths (CP-SAT needs integer coefficients). A year without a budget and
 * an org unit (or year) without a capacity are not limited.
 *
 * @param years free labels (e.g. "2027"), in display order
 * @param budget euros per year label
 * @param capacity tenths of person-days per org unit code and year label
 */
public record Scenario(String name, List<String> years, Map<String, Long> budget,
		Map<String, Map<String, Long>> capacity, List<Candidate> candidates) {

	/** Factor between a value as users see it and the integer the solver uses. */
	public static final int VALUE_SCALE = 100;

	/** Factor between person-days and the integer the solver uses. */
	public static final int EFFORT_SCALE = 10;

	public Scenario {
		years = List.copyOf(years);
		budget = Map.copyOf(budget);
		capacity = Map.copyOf(capacity);
		candidates = List.copyOf(candidates);
	}

	/**
	 * One candidate project.
	 *
	 * @param value hundredths of the value (score or override)
	 * @param cost euros per year label
	 * @param effort tenths of person-days per org unit code and year label
	 * @param excluded left out by decision of the portfolio manager
	 * @param requires ids of candidates this one needs (a project only with the projects it requires)
	 * @param excludes ids of candidates that cannot be selected together with this one
	 */
	public record Candidate(String id, String title, long value, Map<String, Long> cost,
			Map<String, Map<String, Long>> effort, boolean mandatory, boolean excluded, List<String> requires,
			List<String> excludes) {

		public Candidate {
			title = title == null ? "" : title;
			cost = Map.copyOf(cost);
			effort = Map.copyOf(effort);
			requires = List.copyOf(requires);
			excludes = List.copyOf(excludes);
		}

		public String label() {
			return title.isBlank() ? id : id + " " + title;
		}
	}
}
