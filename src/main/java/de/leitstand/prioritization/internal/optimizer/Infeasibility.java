package de.leitstand.prioritization.internal.optimizer;

import java.util.ArrayList;
import java.util.List;

/**
 * Explains an infeasible scenario in plain words. Because all uses are non-negative, the scenario is feasible
 * exactly when the mandatory projects with their prerequisites (the forced set) break nothing: then the forced set
 * itself is a valid portfolio. So these checks are complete; they name every conflicting limit, not just one.
 */
final class Infeasibility {

	private Infeasibility() {
	}

	static List<Text> conflicts(Instance in) {
		boolean[] forced = in.forced();
		List<Text> conflicts = new ArrayList<>();
		for (int i = 0; i < in.n; i++) {
			if (forced[i] && in.excluded[i]) {
				conflicts.add(in.mandatory[i] ? Text.of("scenario.infeasible.mandatoryExcluded", in.ids[i])
						: Text.of("scenario.infeasible.prerequisiteExcluded", in.ids[i], mandatoryNeeding(in, i)));
			}
		}
		for (int[] pair : in.exclusions) {
			if (forced[pair[0]] && forced[pair[1]]) {
				conflicts.add(Text.of("scenario.infeasible.exclusion", in.ids[pair[0]], in.ids[pair[1]]));
			}
		}
		for (Instance.Limit limit : in.limits) {
			long used = in.used(limit, forced);
			if (used > limit.limit()) {
				List<String> who = new ArrayList<>();
				for (int i = 0; i < in.n; i++) {
					if (forced[i] && limit.use()[i] > 0) {
						who.add(in.ids[i]);
					}
				}
				String names = String.join(", ", who);
				conflicts.add(limit.kind() == Instance.Kind.BUDGET
						? Text.of("scenario.infeasible.budget", limit.year(), used, limit.limit(), names)
						: Text.of("scenario.infeasible.capacity", limit.unit(), limit.year(),
								used / (double) Scenario.EFFORT_SCALE, limit.limit() / (double) Scenario.EFFORT_SCALE,
								names));
			}
		}
		return conflicts;
	}

	private static String mandatoryNeeding(Instance in, int prerequisite) {
		List<String> needing = new ArrayList<>();
		for (int i = 0; i < in.n; i++) {
			if (in.mandatory[i] && in.withPrerequisites(i).contains(prerequisite)) {
				needing.add(in.ids[i]);
			}
		}
		return String.join(", ", needing);
	}
}
