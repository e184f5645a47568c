package de.leitstand.prioritization.internal.optimizer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads OR-Library multidimensional knapsack files (Chu and Beasley) as scenarios: items are candidates, profits
 * their values, each constraint one budget "year".
 */
final class OrLibrary {

	static final Path DIR = Path.of(System.getProperty("leitstand.orlib", "/work/shared/reference/orlib"));

	record Problem(String name, Scenario scenario, long best) {
	}

	static boolean available() {
		return Files.isRegularFile(DIR.resolve("mknapcb1.txt"));
	}

	static List<Problem> read(String file) throws IOException {
		String[] t = Files.readString(DIR.resolve(file)).trim().split("\\s+");
		Map<String, Long> best = bestKnown();
		int p = 0;
		int count = Integer.parseInt(t[p++]);
		List<Problem> problems = new ArrayList<>();
		for (int k = 0; k < count; k++) {
			int n = Integer.parseInt(t[p++]);
			int m = Integer.parseInt(t[p++]);
			p++; // best in file, often 0
			long[] profit = new long[n];
			for (int i = 0; i < n; i++) {
				profit[i] = Long.parseLong(t[p++]);
			}
			long[][] w = new long[m][n];
			for (int j = 0; j < m; j++) {
				for (int i = 0; i < n; i++) {
					w[j][i] = Long.parseLong(t[p++]);
				}
			}
			List<String> years = new ArrayList<>();
			Map<String, Long> budget = new LinkedHashMap<>();
			for (int j = 0; j < m; j++) {
				years.add("c" + j);
				budget.put("c" + j, Long.parseLong(t[p++]));
			}
			List<Scenario.Candidate> candidates = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				Map<String, Long> cost = new HashMap<>();
				for (int j = 0; j < m; j++) {
					cost.put("c" + j, w[j][i]);
				}
				candidates.add(new Scenario.Candidate("i" + i, "", profit[i] * Scenario.VALUE_SCALE, cost, Map.of(),
						false, false, List.of(), List.of()));
			}
			String name = m + "." + n + "-" + String.format("%02d", k);
			problems.add(new Problem(name, new Scenario(name, years, budget, Map.of(), candidates),
					best.getOrDefault(name, 0L)));
		}
		return problems;
	}

	private static Map<String, Long> bestKnown() throws IOException {
		Map<String, Long> best = new HashMap<>();
		for (String line : Files.readAllLines(DIR.resolve("chu-beasley-best.txt"))) {
			String[] parts = line.trim().split("\\s+");
			if (parts.length == 2 && parts[1].matches("\\d+")) {
				best.put(parts[0], Long.parseLong(parts[1]));
			}
		}
		return best;
	}
}
