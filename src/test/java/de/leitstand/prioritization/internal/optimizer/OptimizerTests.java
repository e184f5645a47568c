package de.leitstand.prioritization.internal.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.leitstand.prioritization.OptimizeCommand;
import de.leitstand.prioritization.internal.optimizer.OptimizationResult.Status;

class OptimizerTests {

	private static final PortfolioOptimizer.Options QUICK = new PortfolioOptimizer.Options(10, 20, 1, 1);

	/** The workers the application's main solve uses (the LP-based ones), with the limits of QUICK. */
	private static final PortfolioOptimizer.Options PRODUCTION = new PortfolioOptimizer.Options(10, 20, 1,
			PortfolioOptimizer.Options.defaults().workers());

	@Test
	void equalsExhaustiveSearchOnManySmallRandomScenarios() {
		int infeasible = 0;
		int greedyWorse = 0;
		for (long seed = 1; seed <= 300; seed++) {
			Scenario scenario = random(new Random(seed), seed);
			Instance in = Instance.of(scenario);
			long bruteForce = bruteForce(in);
			// every other scenario with the application's worker set, so both configurations meet the brute force
			OptimizationResult result = PortfolioOptimizer.optimize(scenario, seed % 2 == 0 ? QUICK : PRODUCTION,
					SolveControl.none());
			if (bruteForce < 0) {
				infeasible++;
				assertThat(result.status()).as("seed %d", seed).isEqualTo(Status.INFEASIBLE);
				assertThat(result.conflicts()).as("seed %d", seed).isNotEmpty();
				continue;
			}
			assertThat(result.status()).as("seed %d", seed).isEqualTo(Status.OPTIMAL);
			assertThat(result.objective()).as("seed %d", seed).isEqualTo(bruteForce);
			boolean[] x = in.selection(result.selected());
			assertThat(in.isFeasible(x)).as("seed %d: optimum breaks no limit", seed).isTrue();
			boolean[] greedy = in.selection(result.greedy().selected());
			assertThat(in.isFeasible(greedy)).as("seed %d: greedy breaks no limit", seed).isTrue();
			assertThat(result.greedy().objective()).as("seed %d", seed).isLessThanOrEqualTo(result.objective());
			if (result.greedy().objective() < result.objective()) {
				greedyWorse++;
			}
			long out = scenario.candidates().size() - result.selected().size();
			assertThat(result.explanations().stream().filter(e -> !e.selected())).hasSize((int) out)
				.allSatisfy(e -> assertThat(e.reasons()).isNotEmpty());
		}
		// the generator must exercise both the infeasible and the "greedy is not optimal" paths
		assertThat(infeasible).isPositive();
		assertThat(greedyWorse).isPositive();
	}

	@Test
	void noCandidatesGivesAnEmptyOptimalPortfolio() {
		Scenario scenario = new Scenario("leer", List.of("2027"), Map.of("2027", 1000L), Map.of(), List.of());
		OptimizationResult result = PortfolioOptimizer.optimize(scenario, QUICK, SolveControl.none());
		assertThat(result.status()).isEqualTo(Status.OPTIMAL);
		assertThat(result.selected()).isEmpty();
		assertThat(result.objective()).isZero();
	}

	@Test
	void zeroBudgetSelectsOnlyFreeProjectsAndExplainsTheRest() {
		Scenario scenario = new Scenario("null", List.of("2027"), Map.of("2027", 0L), Map.of(),
				List.of(candidate("P-1", 50, 1000, false), candidate("P-2", 20, 0, false)));
		OptimizationResult result = PortfolioOptimizer.optimize(scenario, QUICK, SolveControl.none());
		assertThat(result.status()).isEqualTo(Status.OPTIMAL);
		assertThat(result.selected()).containsExactly("P-2");
		OptimizationResult.Explanation p1 = result.explanations().stream().filter(e -> e.id().equals("P-1"))
			.findFirst().orElseThrow();
		assertThat(p1.reasons()).extracting(Text::key).contains("scenario.explain.budget", "scenario.remedy.budget");
		assertThat(p1.reasons().get(0).render(Locale.GERMAN)).isEqualTo("Budget 2027 ausgeschöpft (es fehlen 1.000 €).");
	}

	@Test
	void mandatoryProjectsAboveTheBudgetAreExplainedInPlainWords() {
		Scenario scenario = new Scenario("zu teuer", List.of("2027"), Map.of("2027", 100_000L), Map.of(),
				List.of(candidate("P-1", 50, 80_000, true), candidate("P-2", 20, 70_000, true)));
		OptimizationResult result = PortfolioOptimizer.optimize(scenario, QUICK, SolveControl.none());
		assertThat(result.status()).isEqualTo(Status.INFEASIBLE);
		assertThat(result.conflicts()).singleElement()
			.satisfies(t -> assertThat(t.render(Locale.GERMAN)).isEqualTo(
					"Budget 2027: Die Pflichtprojekte und ihre Voraussetzungen kosten 150.000 €, das Budget beträgt "
							+ "nur 100.000 € (P-1, P-2)."));
	}

	@Test
	void prerequisiteCycleIsRejectedNamingTheCycle() {
		Scenario scenario = new Scenario("kreis", List.of("2027"), Map.of("2027", 100L), Map.of(),
				List.of(new Scenario.Candidate("A", "", 1, Map.of(), Map.of(), false, false, List.of("B"), List.of()),
						new Scenario.Candidate("B", "", 1, Map.of(), Map.of(), false, false, List.of("A"), List.of())));
		assertThatThrownBy(() -> PortfolioOptimizer.optimize(scenario, QUICK, SolveControl.none()))
			.isInstanceOfSatisfying(ScenarioException.class, ex -> assertThat(ex.text().render(Locale.GERMAN))
				.isEqualTo("Die Voraussetzungen bilden einen Kreis: A → B → A."));
	}

	@Test
	void unknownIdInAFileIsNamed() {
		String json = """
				{"name": "x", "years": ["2027"], "budget": {"2027": 10},
				 "candidates": [{"id": "P-001", "value": 1, "requires": ["P-9999"]}]}""";
		assertThatThrownBy(() -> ScenarioJson.read(json)).isInstanceOfSatisfying(ScenarioException.class,
				ex -> assertThat(ex.text().render(Locale.GERMAN))
					.isEqualTo("Kandidat P-001 verweist auf das unbekannte Projekt „P-9999“."));
	}

	@Test
	void badNumbersAreNamed() {
		String json = """
				{"years": ["2027"], "budget": {"2027": -5}, "candidates": []}""";
		assertThatThrownBy(() -> ScenarioJson.read(json)).isInstanceOfSatisfying(ScenarioException.class,
				ex -> assertThat(ex.text().render(Locale.GERMAN)).contains("budget.2027").contains("negativ"));
		assertThatThrownBy(() -> ScenarioJson.read("{\"years\": [\"2027\"], \"budget\": {\"2027\": \"viel\"}}"))
			.isInstanceOfSatisfying(ScenarioException.class,
					ex -> assertThat(ex.text().render(Locale.GERMAN)).contains("budget.2027").contains("viel"));
	}

	@Test
	void fileRoundTripKeepsEverything() {
		String json = """
				{ "name": "Haushalt 2027/28", "years": ["2027", "2028"],
				  "budget": {"2027": 4000000, "2028": 3500000},
				  "capacity": {"AMT-17": {"2027": 900, "2028": 900}},
				  "extra": "allowed",
				  "candidates": [
				    {"id": "P-001", "value": 73.5, "cost": {"2027": 120000, "2028": 80000},
				     "effort": {"AMT-17": {"2027": 40, "2028": 20.5}}, "mandatory": false, "requires": ["P-007"],
				     "excludes": []},
				    {"id": "P-007", "value": 10, "cost": {"2027": 5000}, "mandatory": true} ] }""";
		Scenario scenario = ScenarioJson.read(json);
		assertThat(scenario.candidates().get(0).value()).isEqualTo(7350);
		assertThat(scenario.candidates().get(0).effort().get("AMT-17").get("2028")).isEqualTo(205);
		assertThat(ScenarioJson.read(ScenarioJson.write(scenario))).isEqualTo(scenario);
	}

	@Test
	void commandLinePrintsJsonAndExitsWithTwoOnBadInput(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("scenario.json");
		Files.writeString(file, """
				{"name": "cli", "years": ["2027"], "budget": {"2027": 100},
				 "candidates": [{"id": "A", "value": 5, "cost": {"2027": 60}},
				                {"id": "B", "value": 4, "cost": {"2027": 50}},
				                {"id": "C", "value": 4, "cost": {"2027": 50}}]}""");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = OptimizeCommand.run(List.of(file.toString(), "--time-limit", "5"), print(out), print(err));
		assertThat(code).isZero();
		String json = out.toString(StandardCharsets.UTF_8);
		assertThat(json).contains("\"status\" : \"OPTIMAL\"").contains("\"objective\" : 8")
			.contains("\"selected\" : [ \"B\", \"C\" ]").contains("\"greedy\"")
			.contains("Budget 2027 ausgeschöpft (es fehlen 60 €).");

		Files.writeString(file, """
				{"years": ["2027"], "candidates": [{"id": "A", "requires": ["P-9999"]}]}""");
		err.reset();
		assertThat(OptimizeCommand.run(List.of(file.toString()), print(out), print(err))).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("P-9999");
		assertThat(OptimizeCommand.run(List.of(file.toString(), "--time-limit", "x"), print(out), print(err)))
			.isEqualTo(2);
	}

	@Test
	void cancellingKeepsTheBestPortfolioSoFar() {
		SolveControl control = SolveControl.none();
		control.cancel();
		Scenario scenario = new Scenario("abgebrochen", List.of("2027"), Map.of("2027", 100L), Map.of(),
				List.of(candidate("P-1", 5, 60, false), candidate("P-2", 4, 50, false)));
		OptimizationResult result = PortfolioOptimizer.optimize(scenario, QUICK, control);
		assertThat(result.cancelled()).isTrue();
		assertThat(result.note().key()).isEqualTo("scenario.note.cancelled");
		assertThat(result.greedy().selected()).containsExactly("P-1");
	}

	@Test
	void reachesTheProvenOptimaOfOrLibrary5x100() throws Exception {
		assumeTrue(OrLibrary.available(), "OR-Library instances not present");
		// the first five 5×100 problems (tightness 0.25), 10 s each on two cores; all 30 run in the benchmark
		int reached = 0;
		for (OrLibrary.Problem problem : OrLibrary.read("mknapcb1.txt").subList(0, 5)) {
			OptimizationResult result = PortfolioOptimizer.optimize(problem.scenario(),
					new PortfolioOptimizer.Options(10, 0, 1, 2), SolveControl.none());
			System.out.printf("OR-Library %s: %d (best known %d) %s in %.1f s%n", problem.name(),
					result.objective() / Scenario.VALUE_SCALE, problem.best(), result.status(), result.seconds());
			Instance in = Instance.of(problem.scenario());
			assertThat(in.isFeasible(in.selection(result.selected()))).isTrue();
			long value = result.objective() / Scenario.VALUE_SCALE;
			assertThat(value).as(problem.name()).isLessThanOrEqualTo(problem.best());
			// quality, not speed: within 1 % of the published optimum even when the time limit stops the search
			// early on a loaded machine (how many reach it exactly is reported in docs/benchmarks.md)
			assertThat(value).as(problem.name()).isGreaterThanOrEqualTo(Math.round(problem.best() * 0.99));
			if (value == problem.best()) {
				reached++;
			}
		}
		System.out.printf("OR-Library: %d of 5 reached the published optimum%n", reached);
	}

	private static PrintStream print(ByteArrayOutputStream out) {
		return new PrintStream(out, true, StandardCharsets.UTF_8);
	}

	private static Scenario.Candidate candidate(String id, long value, long cost, boolean mandatory) {
		return new Scenario.Candidate(id, "", value * Scenario.VALUE_SCALE, Map.of("2027", cost), Map.of(), mandatory,
				false, List.of(), List.of());
	}

	/** Small scenario: 3–12 candidates, 1–3 years, one or two units, acyclic prerequisites (to lower index). */
	static Scenario random(Random r, long seed) {
		int n = 3 + r.nextInt(10);
		int years = 1 + r.nextInt(3);
		List<String> labels = new ArrayList<>();
		Map<String, Long> budget = new LinkedHashMap<>();
		for (int y = 0; y < years; y++) {
			labels.add(String.valueOf(2027 + y));
			budget.put(labels.get(y), (long) r.nextInt(400));
		}
		Map<String, Map<String, Long>> capacity = new HashMap<>();
		capacity.put("AMT-1", Map.of(labels.get(0), (long) r.nextInt(300)));
		List<Scenario.Candidate> candidates = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			Map<String, Long> cost = new HashMap<>();
			for (String y : labels) {
				if (r.nextInt(4) > 0) {
					cost.put(y, (long) r.nextInt(150));
				}
			}
			Map<String, Map<String, Long>> effort = r.nextBoolean()
					? Map.of("AMT-1", Map.of(labels.get(0), (long) r.nextInt(120)))
					: Map.of();
			List<String> requires = new ArrayList<>();
			List<String> excludes = new ArrayList<>();
			if (i > 0 && r.nextInt(4) == 0) {
				requires.add("P" + r.nextInt(i));
			}
			if (i > 0 && r.nextInt(6) == 0) {
				excludes.add("P" + r.nextInt(i));
			}
			candidates.add(new Scenario.Candidate("P" + i, "", r.nextInt(10_000), cost, effort, r.nextInt(12) == 0,
					r.nextInt(15) == 0, requires, excludes));
		}
		return new Scenario("random " + seed, labels, budget, capacity, candidates);
	}

	/** Best value over all 2^n selections, or -1 if none is feasible. */
	static long bruteForce(Instance in) {
		long best = -1;
		boolean[] x = new boolean[in.n];
		for (int mask = 0; mask < 1 << in.n; mask++) {
			for (int i = 0; i < in.n; i++) {
				x[i] = (mask >> i & 1) == 1;
			}
			if (in.isFeasible(x)) {
				best = Math.max(best, in.value(x));
			}
		}
		return best;
	}
}
