package de.leitstand.prioritization.internal.optimizer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * CP-SAT against the greedy reference in the same run: a synthetic portfolio of 2,000 candidates, 4 years, 40 org
 * units, 300 prerequisites (seed 2027), and the OR-Library multidimensional knapsack problems with published
 * optima. Not part of the normal build; run with {@code ./mvnw -B verify -Pbenchmarks -DskipBrowserTests=true
 * -Dit.test=OptimizerBenchmark}. Writes {@code target/benchmarks/optimizer.md} (and the synthetic scenario as
 * {@code target/benchmarks/scenario-2000.json} for the command line). No assertions on timings.
 */
class OptimizerBenchmark {

	static final double TIME_LIMIT = Double.parseDouble(System.getProperty("benchmark.timeLimit", "60"));
	static final int RUNS = Integer.getInteger("benchmark.runs", 5);
	static final double ORLIB_LIMIT = Double.parseDouble(System.getProperty("benchmark.orlibLimit", "10"));

	@Test
	void benchmark() throws Exception {
		StringBuilder md = new StringBuilder();
		int workers = PortfolioOptimizer.Options.defaults().workers();
		md.append(String.format("Measured %s, JDK %s, %d CPUs, OR-Tools 9.12.4544 CP-SAT with %d LP-based workers "
				+ "(%s; main solve), start and proven upper bound from the LP relaxation (GLOP).%n%n",
				java.time.LocalDate.now(), System.getProperty("java.version"),
				Runtime.getRuntime().availableProcessors(), workers, String.join(", ", PortfolioOptimizer.LP_WORKERS)));
		Scenario scenario = synthetic(2000, 4, 40, 300, 2027);
		Path dir = Path.of("target/benchmarks");
		Files.createDirectories(dir);
		Files.writeString(dir.resolve("scenario-2000.json"), ScenarioJson.write(scenario));
		// warm-up: native library load and JIT, not measured
		PortfolioOptimizer.optimize(synthetic(200, 4, 40, 30, 1), PortfolioOptimizer.Options.defaults()
			.withTimeLimit(5).withoutResolves(), SolveControl.none());
		Instance in = Instance.of(scenario);
		long greedyStart = System.nanoTime();
		boolean[] greedy = GreedySelection.select(in);
		double greedySeconds = PortfolioOptimizer.seconds(greedyStart);
		md.append("### Synthetic portfolio (2,000 candidates, 4 years, 40 org units, 300 prerequisites)\n\n");
		md.append("Seed 2027; 24 mandatory projects, 60 exclusion pairs; budget per year 30 % and capacity per unit "
				+ "and year 45 % of the total demand. Main solve only (explanations off), time limit "
				+ fmt(TIME_LIMIT) + " s per run. CP-SAT with several workers is not deterministic, so the "
				+ "solve runs " + RUNS + " times; time = wall time of `PortfolioOptimizer.optimize` including the "
				+ "checks, greedy and the LP step.\n\n");
		md.append("| run | status | value | bound | selected | time (s) | breaks no limit |\n"
				+ "|---|---|---:|---:|---:|---:|---|\n");
		List<Double> proofTimes = new ArrayList<>();
		long optimum = -1;
		boolean sameOptimum = true;
		for (int run = 1; run <= RUNS; run++) {
			OptimizationResult r = PortfolioOptimizer.optimize(scenario,
					PortfolioOptimizer.Options.defaults().withTimeLimit(TIME_LIMIT).withoutResolves(),
					SolveControl.none());
			md.append(row(String.valueOf(run), r, in));
			if (r.status() == OptimizationResult.Status.OPTIMAL) {
				proofTimes.add(r.seconds());
				sameOptimum &= optimum < 0 || optimum == r.objective();
				optimum = r.objective();
			}
		}
		OptimizationResult reference = PortfolioOptimizer.optimize(scenario, new PortfolioOptimizer.Options(
				TIME_LIMIT, 0, 1, 8), SolveControl.none());
		md.append(row("reference: CP-SAT's default portfolio, 8 workers", reference, in));
		md.append(String.format("| Greedy (rank by value, take while it fits) | feasible | %s | | %d | %.3f | %s |%n%n",
				value(in.value(greedy)), in.ids(greedy).size(), greedySeconds, in.isFeasible(greedy)));
		java.util.Collections.sort(proofTimes);
		if (proofTimes.isEmpty()) {
			md.append("No run proved the optimum within the time limit.\n\n");
		}
		else {
			md.append(String.format("Optimum proven in %d of %d runs: time to proven optimum min %.2f s, median %.2f s, "
					+ "max %.2f s; %s. Optimum − greedy = %s (%.2f %%).%n%n", proofTimes.size(), RUNS,
					proofTimes.get(0), proofTimes.get(proofTimes.size() / 2), proofTimes.get(proofTimes.size() - 1),
					sameOptimum ? "every proving run found the same value" : "THE PROVING RUNS DISAGREE",
					value(optimum - in.value(greedy)), 100.0 * (optimum - in.value(greedy)) / Math.max(1, in.value(greedy))));
		}
		md.append("Other seeds of the same generator (one run each, same settings):\n\n");
		md.append("| seed | status | value | bound | selected | time (s) | breaks no limit | greedy |\n"
				+ "|---|---|---:|---:|---:|---:|---|---:|\n");
		for (long seed : new long[] { 2028, 2029 }) {
			Scenario other = synthetic(2000, 4, 40, 300, seed);
			Instance oi = Instance.of(other);
			OptimizationResult r = PortfolioOptimizer.optimize(other,
					PortfolioOptimizer.Options.defaults().withTimeLimit(TIME_LIMIT).withoutResolves(),
					SolveControl.none());
			md.append(row(String.valueOf(seed), r, oi).stripTrailing())
				.append(" ").append(value(oi.value(GreedySelection.select(oi)))).append(" |\n");
		}
		md.append("\n");
		long explainStart = System.nanoTime();
		OptimizationResult explained = PortfolioOptimizer.optimize(scenario,
				new PortfolioOptimizer.Options(TIME_LIMIT, 20, 2, workers), SolveControl.none());
		md.append(String.format("With explanations (every project; 20 what-if re-solves of at most 2 s): %.1f s, "
				+ "%d explanations.%n%n", PortfolioOptimizer.seconds(explainStart), explained.explanations().size()));
		for (String file : List.of("mknapcb1.txt", "mknapcb4.txt")) {
			if (!OrLibrary.available()) {
				md.append("OR-Library instances not present; skipped.\n");
				break;
			}
			List<OrLibrary.Problem> problems = OrLibrary.read(file);
			if (file.equals("mknapcb4.txt")) {
				problems = problems.subList(0, Integer.getInteger("benchmark.cb4", 10));
			}
			md.append(String.format("### OR-Library %s (%d problems), time limit %s s each%n%n", file,
					problems.size(), fmt(ORLIB_LIMIT)));
			md.append("| problem | best known | CP-SAT | status | time (s) | greedy |\n|---|---:|---:|---|---:|---:|\n");
			int equal = 0;
			int proven = 0;
			double gapSum = 0;
			double greedyGapSum = 0;
			for (OrLibrary.Problem p : problems) {
				OptimizationResult o = PortfolioOptimizer.optimize(p.scenario(),
						PortfolioOptimizer.Options.defaults().withTimeLimit(ORLIB_LIMIT).withoutResolves(),
						SolveControl.none());
				long v = o.objective() / Scenario.VALUE_SCALE;
				long g = o.greedy().objective() / Scenario.VALUE_SCALE;
				equal += v == p.best() ? 1 : 0;
				proven += o.status() == OptimizationResult.Status.OPTIMAL ? 1 : 0;
				gapSum += (p.best() - v) / (double) p.best();
				greedyGapSum += (p.best() - g) / (double) p.best();
				md.append(String.format("| %s | %d | %d | %s | %.1f | %d |%n", p.name(), p.best(), v, o.status(),
						o.seconds(), g));
			}
			md.append(String.format("%nBest known value reached: %d of %d; optimality proven by CP-SAT: %d; mean "
					+ "distance to best known: CP-SAT %.3f %%, greedy %.2f %%.%n%n", equal, problems.size(), proven,
					100 * gapSum / problems.size(), 100 * greedyGapSum / problems.size()));
		}
		Files.writeString(dir.resolve("optimizer.md"), md);
		System.out.println(md);
	}

	private static String row(String label, OptimizationResult r, Instance in) {
		return String.format("| %s | %s | %s | %s | %d | %.2f | %s |%n", label, r.status(), value(r.objective()),
				value(r.bound()), r.selected().size(), r.seconds(), in.isFeasible(in.selection(r.selected())));
	}

	private static String value(long hundredths) {
		return ScenarioJson.unscale(hundredths, Scenario.VALUE_SCALE).toString();
	}

	private static String fmt(double seconds) {
		return seconds == Math.floor(seconds) ? String.valueOf((long) seconds) : String.valueOf(seconds);
	}

	/** A synthetic portfolio; prerequisites point to lower indices, so there is no cycle. */
	static Scenario synthetic(int n, int yearCount, int unitCount, int prerequisites, long seed) {
		Random r = new Random(seed);
		List<String> years = new ArrayList<>();
		for (int y = 0; y < yearCount; y++) {
			years.add(String.valueOf(2027 + y));
		}
		List<String> units = new ArrayList<>();
		for (int u = 0; u < unitCount; u++) {
			units.add(String.format("AMT-%02d", 10 + u));
		}
		List<Map<String, Long>> costs = new ArrayList<>();
		List<Map<String, Map<String, Long>>> efforts = new ArrayList<>();
		Map<String, Long> costDemand = new HashMap<>();
		Map<String, Map<String, Long>> effortDemand = new HashMap<>();
		for (int i = 0; i < n; i++) {
			int first = r.nextInt(yearCount);
			int length = 1 + r.nextInt(yearCount - first);
			Map<String, Long> cost = new LinkedHashMap<>();
			Map<String, Map<String, Long>> effort = new LinkedHashMap<>();
			String lead = units.get(r.nextInt(unitCount));
			String partner = r.nextInt(3) == 0 ? units.get(r.nextInt(unitCount)) : null;
			for (int y = first; y < first + length; y++) {
				long euros = 10_000L * (1 + r.nextInt(40));
				cost.put(years.get(y), euros);
				costDemand.merge(years.get(y), euros, Long::sum);
				for (String unit : partner == null || partner.equals(lead) ? List.of(lead) : List.of(lead, partner)) {
					long tenths = 10L * (5 + r.nextInt(116));
					effort.computeIfAbsent(unit, k -> new LinkedHashMap<>()).put(years.get(y), tenths);
					effortDemand.computeIfAbsent(unit, k -> new HashMap<>()).merge(years.get(y), tenths, Long::sum);
				}
			}
			costs.add(cost);
			efforts.add(effort);
		}
		List<List<String>> requires = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			requires.add(new ArrayList<>());
		}
		Set<String> pairs = new HashSet<>();
		while (pairs.size() < prerequisites) {
			int a = 1 + r.nextInt(n - 1);
			int b = r.nextInt(a);
			if (pairs.add(a + ">" + b)) {
				requires.get(a).add(id(b));
			}
		}
		List<List<String>> excludes = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			excludes.add(new ArrayList<>());
		}
		for (int k = 0; k < 60; k++) {
			int a = r.nextInt(n);
			int b = r.nextInt(n);
			if (a != b) {
				excludes.get(a).add(id(b));
			}
		}
		Set<Integer> mandatory = new HashSet<>();
		while (mandatory.size() < 24) {
			mandatory.add(r.nextInt(n));
		}
		// a mandatory project must not exclude another mandatory one or what they need: drop such pairs
		List<Scenario.Candidate> candidates = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			long value = 100 + r.nextInt(9_901); // 1.00 … 100.00
			candidates.add(new Scenario.Candidate(id(i), "", value, costs.get(i), efforts.get(i),
					mandatory.contains(i), false, requires.get(i), excludes.get(i)));
		}
		Map<String, Long> budget = new LinkedHashMap<>();
		years.forEach(y -> budget.put(y, costDemand.getOrDefault(y, 0L) * 30 / 100));
		Map<String, Map<String, Long>> capacity = new LinkedHashMap<>();
		for (String unit : units) {
			Map<String, Long> perYear = new LinkedHashMap<>();
			for (String y : years) {
				perYear.put(y, effortDemand.getOrDefault(unit, Map.of()).getOrDefault(y, 0L) * 45 / 100);
			}
			capacity.put(unit, perYear);
		}
		Scenario scenario = new Scenario("Synthetisch " + n, years, budget, capacity, candidates);
		Instance in = Instance.of(scenario);
		if (!Infeasibility.conflicts(in).isEmpty()) {
			// keep the benchmark feasible: drop exclusions touching the forced set
			boolean[] forced = in.forced();
			List<Scenario.Candidate> fixed = new ArrayList<>();
			for (Scenario.Candidate c : candidates) {
				boolean cf = forced[in.index.get(c.id())];
				fixed.add(new Scenario.Candidate(c.id(), c.title(), c.value(), c.cost(), c.effort(), c.mandatory(),
						false, c.requires(), c.excludes().stream()
							.filter(o -> !(cf || forced[in.index.get(o)])).toList()));
			}
			scenario = new Scenario(scenario.name(), years, budget, capacity, fixed);
		}
		return scenario;
	}

	private static String id(int i) {
		return String.format("P-%04d", i + 1);
	}
}
