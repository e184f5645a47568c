package de.leitstand.prioritization.internal.optimizer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.google.ortools.Loader;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverSolutionCallback;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.Literal;

import de.leitstand.prioritization.internal.optimizer.OptimizationResult.Greedy;
import de.leitstand.prioritization.internal.optimizer.OptimizationResult.Status;
import de.leitstand.prioritization.internal.optimizer.OptimizationResult.Usage;

/**
 * Selects the portfolio of greatest total value that breaks no limit, with OR-Tools CP-SAT (one boolean per
 * candidate; a budget row per year, a capacity row per org unit and year; mandatory = 1, excluded = 0; requires
 * x_a ≤ x_b; excludes x_a + x_b ≤ 1). A pure function of the scenario: no Spring, no database.
 */
public final class PortfolioOptimizer {

	/**
	 * @param timeLimitSeconds for the main solve
	 * @param maxResolves how many what-if re-solves the explanations may use (0: explain by limits only)
	 * @param resolveSeconds time limit of each what-if re-solve
	 * @param workers CP-SAT search workers of the main solve (what-if re-solves use at most 2). Three (the
	 *        default) means the LP-based workers of {@link #LP_WORKERS} only; any other count runs CP-SAT's own
	 *        portfolio of strategies for that many workers
	 */
	public record Options(double timeLimitSeconds, int maxResolves, double resolveSeconds, int workers) {

		public static Options defaults() {
			return new Options(30, 200, 1, LP_WORKERS.size());
		}

		public Options withTimeLimit(double seconds) {
			return new Options(seconds, maxResolves, resolveSeconds, workers);
		}

		public Options withoutResolves() {
			return new Options(timeLimitSeconds, 0, resolveSeconds, workers);
		}
	}

	/** One point of the efficient frontier: the best value reachable with the budget scaled by factor. */
	public record FrontierPoint(int percent, long budget, Status status, long objective) {
	}

	/**
	 * The CP-SAT workers of the main solve: the three that keep a linear relaxation with cuts (max_lp: full
	 * linearisation; reduced_costs: branches by LP reduced costs; default_lp). A portfolio scenario is a
	 * multidimensional knapsack, where the LP with cuts both bounds the value closely and, once a near-optimal
	 * portfolio is known, fixes most candidates by their reduced costs; that is how the optimum gets proven. The
	 * default portfolio of eight workers on two cores gave these workers a quarter of a CPU each and left the
	 * large-neighbourhood and local-search helpers, which found no improving portfolio on these models, the rest:
	 * the optimum of the 2,000-candidate benchmark then took from 20 s to over 60 s to prove, with only these three
	 * 3–6 s (docs/benchmarks.md).
	 */
	static final List<String> LP_WORKERS = List.of("max_lp", "reduced_costs", "default_lp");

	/** The interleaved helpers CP-SAT would otherwise add beside the full-problem workers. */
	private static final List<String> HELPERS = List.of("graph_arc_lns", "graph_cst_lns", "graph_dec_lns",
			"graph_var_lns", "rnd_cst_lns", "rnd_var_lns", "rins/rens", "ls", "feasibility_pump");

	private static volatile boolean loaded;

	/** Loads the native OR-Tools library once per process. */
	static void ensureNativeLibraries() {
		if (!loaded) {
			synchronized (PortfolioOptimizer.class) {
				if (!loaded) {
					Loader.loadNativeLibraries();
					loaded = true;
				}
			}
		}
	}

	/** Checks the scenario without solving; throws a ScenarioException naming the problem. */
	public static void check(Scenario scenario) {
		Instance.of(scenario);
	}

	public static OptimizationResult optimize(Scenario scenario, Options options, SolveControl control) {
		long start = System.nanoTime();
		Instance in = Instance.of(scenario);
		long greedyStart = System.nanoTime();
		List<Text> conflicts = Infeasibility.conflicts(in);
		if (!conflicts.isEmpty()) {
			return new OptimizationResult(Status.INFEASIBLE, 0, 0, List.of(), new Greedy(0, List.of(), 0),
					usage(in, new boolean[in.n], new boolean[in.n]), List.of(), conflicts, null, false,
					seconds(start));
		}
		boolean[] greedy = GreedySelection.select(in);
		Greedy greedyResult = new Greedy(in.value(greedy), in.ids(greedy), seconds(greedyStart));
		control.report(new SolveControl.Progress("solve", in.value(greedy), -1, 0, 1));
		// The LP relaxation gives a proven upper bound and a start far better than greedy on large instances.
		boolean[] hint = greedy;
		long cap = Long.MAX_VALUE;
		java.util.Optional<LpRelaxation.Result> relaxation = LpRelaxation.solve(in);
		if (relaxation.isPresent()) {
			cap = relaxation.get().bound();
			if (in.value(relaxation.get().start()) > in.value(greedy)) {
				hint = relaxation.get().start();
			}
		}
		Solution best = solve(in, options.timeLimitSeconds(), options.workers(), Map.of(), hint, control, true, cap);
		Text note = null;
		if (best.status == Status.FEASIBLE) {
			note = control.isCancelled() ? Text.of("scenario.note.cancelled")
					: Text.of("scenario.note.timeLimit", fmt(options.timeLimitSeconds()));
		}
		else if (best.status == Status.UNKNOWN) {
			note = control.isCancelled() ? Text.of("scenario.note.cancelled")
					: Text.of("scenario.note.nothingInTime", fmt(options.timeLimitSeconds()));
		}
		else if (best.status == Status.INFEASIBLE) {
			// cannot happen with non-negative uses once the forced set passed the checks; say so plainly
			return new OptimizationResult(Status.INFEASIBLE, 0, 0, List.of(), greedyResult, usage(in, greedy, greedy),
					List.of(), List.of(Text.of("scenario.infeasible.solver")), null, false, seconds(start));
		}
		boolean[] x = best.x == null ? greedy : best.x;
		List<OptimizationResult.Explanation> explanations = best.x == null ? List.of()
				: new Explainer(in, x, options, control).explain();
		return new OptimizationResult(best.status, best.x == null ? 0 : in.value(x), best.bound,
				best.x == null ? List.of() : in.ids(x), greedyResult, usage(in, x, greedy), explanations, List.of(),
				note, control.isCancelled(), seconds(start));
	}

	/** Best value per budget level: every year's budget scaled from 40 % to 140 % in 10 % steps. */
	public static List<FrontierPoint> frontier(Scenario scenario, double secondsPerPoint, SolveControl control) {
		Instance base = Instance.of(scenario);
		List<FrontierPoint> points = new ArrayList<>();
		long total = scenario.budget().values().stream().mapToLong(Long::longValue).sum();
		for (int percent = 40; percent <= 140 && !control.isCancelled(); percent += 10) {
			int p = percent;
			Map<String, Long> scaled = scenario.budget().entrySet().stream()
				.collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue() * p / 100));
			Instance in = Instance.of(new Scenario(scenario.name(), scenario.years(), scaled, scenario.capacity(),
					scenario.candidates()));
			control.report(new SolveControl.Progress("frontier", -1, -1, (percent - 40) / 10, 11));
			if (!Infeasibility.conflicts(in).isEmpty()) {
				points.add(new FrontierPoint(percent, total * p / 100, Status.INFEASIBLE, 0));
				continue;
			}
			Solution s = solve(in, secondsPerPoint, 2, Map.of(), GreedySelection.select(in), control, false);
			points.add(new FrontierPoint(percent, total * p / 100, s.status, s.x == null ? 0 : in.value(s.x)));
		}
		assert base.n >= 0;
		return points;
	}

	record Solution(Status status, boolean[] x, long bound) {
	}

	/** Solves with some candidates fixed (index → in or out); the hint speeds up the many small what-ifs. */
	static Solution solve(Instance in, double seconds, int workers, Map<Integer, Boolean> fixed, boolean[] hint,
			SolveControl control, boolean reportProgress) {
		return solve(in, seconds, workers, fixed, hint, control, reportProgress, Long.MAX_VALUE);
	}

	/**
	 * As above; valueCap is a proven upper bound on the value of any feasible portfolio (from the LP relaxation),
	 * added as a redundant row so that CP-SAT's objective bound starts there.
	 */
	static Solution solve(Instance in, double seconds, int workers, Map<Integer, Boolean> fixed, boolean[] hint,
			SolveControl control, boolean reportProgress, long valueCap) {
		ensureNativeLibraries();
		CpModel model = new CpModel();
		BoolVar[] x = new BoolVar[in.n];
		for (int i = 0; i < in.n; i++) {
			x[i] = model.newBoolVar(in.ids[i]);
			if (hint != null) {
				model.addHint(x[i], hint[i] ? 1 : 0);
			}
		}
		for (int i = 0; i < in.n; i++) {
			if (in.mandatory[i]) {
				model.addEquality(x[i], 1);
			}
			if (in.excluded[i]) {
				model.addEquality(x[i], 0);
			}
			for (int r : in.requires[i]) {
				model.addImplication(x[i], x[r]);
			}
		}
		fixed.forEach((i, in1) -> model.addEquality(x[i], in1 ? 1 : 0));
		for (int[] pair : in.exclusions) {
			model.addAtMostOne(new Literal[] { x[pair[0]], x[pair[1]] });
		}
		for (Instance.Limit limit : in.limits) {
			List<BoolVar> vars = new ArrayList<>();
			List<Long> coefficients = new ArrayList<>();
			for (int i = 0; i < in.n; i++) {
				if (limit.use()[i] != 0) {
					vars.add(x[i]);
					coefficients.add(limit.use()[i]);
				}
			}
			if (!vars.isEmpty()) {
				model.addLessOrEqual(LinearExpr.weightedSum(vars.toArray(new BoolVar[0]),
						coefficients.stream().mapToLong(Long::longValue).toArray()), limit.limit());
			}
		}
		model.maximize(LinearExpr.weightedSum(x, in.value));
		if (valueCap != Long.MAX_VALUE) {
			model.addLessOrEqual(LinearExpr.weightedSum(x, in.value), valueCap);
		}
		CpSolver solver = new CpSolver();
		solver.getParameters().setMaxTimeInSeconds(seconds).setNumWorkers(Math.max(1, workers));
		if (workers == LP_WORKERS.size()) {
			solver.getParameters().addAllSubsolvers(LP_WORKERS).addAllIgnoreSubsolvers(HELPERS);
		}
		long[] bestSoFar = { -1 };
		CpSolverSolutionCallback callback = new CpSolverSolutionCallback() {
			@Override
			public void onSolutionCallback() {
				bestSoFar[0] = (long) Math.round(objectiveValue());
				if (control.isCancelled()) {
					stopSearch();
				}
				if (reportProgress) {
					control.report(new SolveControl.Progress("solve", bestSoFar[0], Math.round(bestObjectiveBound()),
							0, 1));
				}
			}
		};
		if (control.isCancelled()) {
			return new Solution(Status.UNKNOWN, null, 0);
		}
		control.attach(solver);
		CpSolverStatus status;
		try {
			status = solver.solve(model, callback);
		}
		finally {
			control.detach();
		}
		return switch (status) {
			case OPTIMAL -> new Solution(Status.OPTIMAL, values(solver, x), Math.round(solver.objectiveValue()));
			case FEASIBLE -> new Solution(Status.FEASIBLE, values(solver, x),
					(long) Math.floor(solver.bestObjectiveBound() + 1e-6));
			case INFEASIBLE -> new Solution(Status.INFEASIBLE, null, 0);
			case MODEL_INVALID -> throw new IllegalStateException("CP-SAT model invalid: " + solver.responseStats());
			default -> new Solution(Status.UNKNOWN, null, (long) Math.floor(solver.bestObjectiveBound() + 1e-6));
		};
	}

	private static boolean[] values(CpSolver solver, BoolVar[] x) {
		boolean[] v = new boolean[x.length];
		for (int i = 0; i < x.length; i++) {
			v[i] = solver.booleanValue(x[i]);
		}
		return v;
	}

	private static List<Usage> usage(Instance in, boolean[] optimal, boolean[] greedy) {
		return in.limits.stream()
			.map(l -> new Usage(l.kind().name(), l.unit(), l.year(), l.limit(), in.used(l, optimal),
					in.used(l, greedy)))
			.toList();
	}

	static double seconds(long startNanos) {
		return (System.nanoTime() - startNanos) / 1e9;
	}

	private static String fmt(double seconds) {
		return seconds == Math.floor(seconds) ? String.valueOf((long) seconds) : String.valueOf(seconds);
	}

	static List<Integer> byValueDescending(Instance in, IntStream indices) {
		return indices.boxed()
			.sorted(Comparator.<Integer>comparingLong(i -> -in.value[i]).thenComparing(i -> in.ids[i]))
			.toList();
	}
}
