package de.leitstand.prioritization.internal.optimizer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

/**
 * The linear relaxation of a scenario (0 ≤ x ≤ 1, every row as in the CP-SAT model), solved with GLOP, for two
 * things CP-SAT's own search finds slowly on large tight instances:
 * <ul>
 * <li>an upper bound on the value of every feasible portfolio. It is not the LP optimum as reported but the
 * Lagrangian bound Σ y·b + Σ max(0, v − yᵀA) recomputed from the duals y (clipped to ≥ 0), which is valid for any
 * y ≥ 0 however inexact the LP solve was; a margin covers floating-point rounding;</li>
 * <li>a good starting portfolio: the candidates at 1 in the LP solution (a feasible set, since every row has
 * non-negative weights or is a prerequisite/exclusion row the integral part satisfies), filled up in the order of
 * their LP value and reduced profit.</li>
 * </ul>
 */
final class LpRelaxation {

	/** bound: no feasible portfolio is worth more (in value units); start: a feasible portfolio. */
	record Result(long bound, boolean[] start) {
	}

	private LpRelaxation() {
	}

	/** Empty if GLOP fails; the caller then goes on without. */
	static java.util.Optional<Result> solve(Instance in) {
		if (in.n == 0) {
			return java.util.Optional.empty();
		}
		PortfolioOptimizer.ensureNativeLibraries();
		MPSolver lp = MPSolver.createSolver("GLOP");
		if (lp == null) {
			return java.util.Optional.empty();
		}
		try {
			boolean[] forced = in.forced();
			MPVariable[] x = new MPVariable[in.n];
			for (int i = 0; i < in.n; i++) {
				x[i] = lp.makeNumVar(forced[i] ? 1 : 0, in.excluded[i] ? 0 : 1, "x" + i);
			}
			List<MPConstraint> rows = new ArrayList<>();
			List<int[]> index = new ArrayList<>();
			List<long[]> weight = new ArrayList<>();
			List<Long> rhs = new ArrayList<>();
			for (int i = 0; i < in.n; i++) {
				for (int r : in.requires[i]) {
					row(lp, x, rows, index, weight, rhs, new int[] { i, r }, new long[] { 1, -1 }, 0);
				}
			}
			for (int[] pair : in.exclusions) {
				row(lp, x, rows, index, weight, rhs, pair, new long[] { 1, 1 }, 1);
			}
			for (Instance.Limit limit : in.limits) {
				int[] idx = IntStream.range(0, in.n).filter(i -> limit.use()[i] != 0).toArray();
				long[] w = IntStream.of(idx).mapToLong(i -> limit.use()[i]).toArray();
				row(lp, x, rows, index, weight, rhs, idx, w, limit.limit());
			}
			MPObjective objective = lp.objective();
			for (int i = 0; i < in.n; i++) {
				objective.setCoefficient(x[i], in.value[i]);
			}
			objective.setMaximization();
			MPSolver.ResultStatus status = lp.solve();
			if (status != MPSolver.ResultStatus.OPTIMAL && status != MPSolver.ResultStatus.FEASIBLE) {
				return java.util.Optional.empty();
			}
			double[] reduced = new double[in.n];
			for (int i = 0; i < in.n; i++) {
				reduced[i] = in.value[i];
			}
			double bound = 0;
			for (int k = 0; k < rows.size(); k++) {
				double y = Math.max(0, rows.get(k).dualValue());
				if (y == 0) {
					continue;
				}
				bound += y * rhs.get(k);
				int[] idx = index.get(k);
				long[] w = weight.get(k);
				for (int t = 0; t < idx.length; t++) {
					reduced[idx[t]] -= y * w[t];
				}
			}
			double magnitude = Math.abs(bound);
			for (int i = 0; i < in.n; i++) {
				if (forced[i]) {
					bound += reduced[i];
				}
				else if (!in.excluded[i]) {
					bound += Math.max(0, reduced[i]);
				}
				magnitude += Math.abs(reduced[i]);
			}
			long safeBound = (long) Math.floor(bound + 1 + 1e-9 * magnitude);

			boolean[] start = forced.clone();
			double[] level = new double[in.n];
			for (int i = 0; i < in.n; i++) {
				level[i] = x[i].solutionValue();
				if (level[i] > 1 - 1e-9 && !in.excluded[i]) {
					start[i] = true;
				}
			}
			if (!in.isFeasible(start)) {
				start = forced;
			}
			List<Integer> order = IntStream.range(0, in.n).boxed()
				.sorted(Comparator.<Integer>comparingDouble(i -> -level[i]).thenComparingDouble(i -> -reduced[i])
					.thenComparing(i -> in.ids[i]))
				.toList();
			boolean[] filled = GreedySelection.fill(in, start, order);
			if (!in.isFeasible(filled) || in.value(filled) > safeBound) {
				// cannot happen; rather no help than a wrong bound
				return java.util.Optional.empty();
			}
			return java.util.Optional.of(new Result(safeBound, filled));
		}
		finally {
			lp.delete();
		}
	}

	private static void row(MPSolver lp, MPVariable[] x, List<MPConstraint> rows, List<int[]> index,
			List<long[]> weight, List<Long> rhs, int[] idx, long[] w, long limit) {
		MPConstraint c = lp.makeConstraint(Double.NEGATIVE_INFINITY, limit);
		for (int t = 0; t < idx.length; t++) {
			c.setCoefficient(x[idx[t]], w[t]);
		}
		rows.add(c);
		index.add(idx);
		weight.add(w);
		rhs.add(limit);
	}
}
