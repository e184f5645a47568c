package de.leitstand.prioritization.internal.optimizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import de.leitstand.prioritization.internal.optimizer.OptimizationResult.Explanation;
import de.leitstand.prioritization.internal.optimizer.OptimizationResult.Status;

/**
 * Explains the chosen portfolio after solving. For a project left out: which limit it would break if added (with
 * the shortfall), which prerequisite or exclusion stands in the way, and what would bring it in (the extra budget
 * or capacity, or which selected projects it would displace — found by re-solving with the project forced in).
 * For a project in: what it displaces (re-solving with it forced out). Re-solves are bounded; when the bound is
 * reached the explanation says so.
 */
final class Explainer {

	private final Instance in;
	private final boolean[] x;
	private final PortfolioOptimizer.Options options;
	private final SolveControl control;
	private final boolean[] forced;
	private final long objective;
	private int resolvesLeft;

	Explainer(Instance in, boolean[] x, PortfolioOptimizer.Options options, SolveControl control) {
		this.in = in;
		this.x = x;
		this.options = options;
		this.control = control;
		this.forced = in.forced();
		this.objective = in.value(x);
		this.resolvesLeft = options.maxResolves();
	}

	List<Explanation> explain() {
		List<Explanation> explanations = new ArrayList<>();
		List<Integer> out = PortfolioOptimizer.byValueDescending(in, IntStream.range(0, in.n).filter(i -> !x[i]));
		List<Integer> selected = PortfolioOptimizer.byValueDescending(in, IntStream.range(0, in.n).filter(i -> x[i]));
		int step = 0;
		int steps = in.n;
		for (int i : out) {
			control.report(new SolveControl.Progress("explain", objective, -1, step++, steps));
			explanations.add(new Explanation(in.ids[i], in.scenario.candidates().get(i).title(), false, in.value[i],
					leftOut(i)));
		}
		for (int i : selected) {
			control.report(new SolveControl.Progress("explain", objective, -1, step++, steps));
			explanations.add(new Explanation(in.ids[i], in.scenario.candidates().get(i).title(), true, in.value[i],
					selected(i)));
		}
		return explanations;
	}

	private List<Text> leftOut(int p) {
		List<Text> reasons = new ArrayList<>();
		if (in.excluded[p]) {
			reasons.add(Text.of("scenario.explain.excluded"));
			return reasons;
		}
		Set<Integer> bundle = in.withPrerequisites(p);
		bundle.removeIf(k -> x[k]);
		boolean blocked = false;
		List<String> missing = new ArrayList<>();
		for (int k : bundle) {
			if (k == p) {
				continue;
			}
			if (in.excluded[k]) {
				reasons.add(Text.of("scenario.explain.prerequisiteExcluded", in.ids[k]));
				blocked = true;
			}
			missing.add(in.ids[k]);
		}
		if (!missing.isEmpty()) {
			reasons.add(Text.of("scenario.explain.prerequisitesMissing", String.join(", ", missing)));
		}
		for (int[] pair : in.exclusions) {
			for (int k : bundle) {
				int other = pair[0] == k ? pair[1] : pair[1] == k ? pair[0] : -1;
				if (other >= 0 && x[other]) {
					reasons.add(k == p ? Text.of("scenario.explain.exclusion", in.ids[other])
							: Text.of("scenario.explain.prerequisiteExclusion", in.ids[k], in.ids[other]));
					if (forced[other]) {
						blocked = true;
					}
				}
			}
		}
		List<Text> remedies = new ArrayList<>();
		for (Instance.Limit limit : in.limits) {
			long extra = 0;
			for (int k : bundle) {
				extra += limit.use()[k];
			}
			long shortfall = in.used(limit, x) + extra - limit.limit();
			if (shortfall > 0) {
				if (limit.kind() == Instance.Kind.BUDGET) {
					reasons.add(Text.of("scenario.explain.budget", limit.year(), shortfall));
					remedies.add(Text.of("scenario.remedy.budget", limit.year(), shortfall));
				}
				else {
					double days = Math.ceil(shortfall) / Scenario.EFFORT_SCALE;
					reasons.add(Text.of("scenario.explain.capacity", limit.unit(), limit.year(), days));
					remedies.add(Text.of("scenario.remedy.capacity", limit.unit(), limit.year(), days));
				}
			}
		}
		boolean exclusionConflict = reasons.stream().anyMatch(t -> t.key().contains("xclusion"));
		if (!blocked && !exclusionConflict && !remedies.isEmpty()) {
			reasons.addAll(remedies);
			reasons.add(Text.of(remedies.size() == 1 ? "scenario.remedy.thenIn" : "scenario.remedy.allThenIn"));
		}
		if (!blocked && !exclusionConflict && remedies.isEmpty()) {
			// nothing would be broken: it is out only because it adds no value, or optimality is not proven
			reasons.add(in.value[p] == 0 ? Text.of("scenario.explain.noValue") : Text.of("scenario.explain.fits"));
		}
		if (blocked) {
			reasons.add(Text.of("scenario.tradeoff.impossible"));
			return reasons;
		}
		reasons.add(whatIf(p, true));
		return reasons;
	}

	private List<Text> selected(int q) {
		if (in.mandatory[q]) {
			return List.of(Text.of("scenario.explain.mandatory"));
		}
		if (forced[q]) {
			return List.of(Text.of("scenario.explain.prerequisiteOfMandatory"));
		}
		return List.of(whatIf(q, false));
	}

	/** Re-solves with the candidate forced in (or out) and names the projects that leave (or enter). */
	private Text whatIf(int i, boolean forceIn) {
		if (resolvesLeft <= 0 || control.isCancelled()) {
			return Text.of("scenario.tradeoff.skipped", String.valueOf(options.maxResolves()));
		}
		resolvesLeft--;
		PortfolioOptimizer.Solution s = PortfolioOptimizer.solve(in, options.resolveSeconds(),
				Math.min(2, options.workers()), Map.of(i, forceIn), forceIn ? null : x, control, false);
		if (s.status() == Status.INFEASIBLE) {
			return Text.of("scenario.tradeoff.impossible");
		}
		if (s.x() == null) {
			return Text.of("scenario.tradeoff.unknown");
		}
		List<String> changed = new ArrayList<>();
		for (int k = 0; k < in.n; k++) {
			if (k != i && (forceIn ? x[k] && !s.x()[k] : !x[k] && s.x()[k])) {
				changed.add(in.ids[k]);
			}
		}
		double value = in.value(s.x()) / (double) Scenario.VALUE_SCALE;
		double loss = (objective - in.value(s.x())) / (double) Scenario.VALUE_SCALE;
		if (forceIn) {
			return changed.isEmpty() ? Text.of("scenario.tradeoff.inWithout", value, loss)
					: Text.of("scenario.tradeoff.in", String.join(", ", changed), value, loss);
		}
		return changed.isEmpty() ? Text.of("scenario.tradeoff.displacesNothing", value)
				: Text.of("scenario.tradeoff.displaces", String.join(", ", changed), value, loss);
	}
}
