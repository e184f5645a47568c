package de.leitstand.prioritization.internal.optimizer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.leitstand.prioritization.internal.optimizer.Scenario.Candidate;

/**
 * A checked scenario in index form: the limits as rows of weights, prerequisites and exclusions as index lists.
 * Building it rejects what makes no sense (unknown ids, prerequisite cycles, negative numbers, unknown years) with a
 * {@link ScenarioException} naming the problem.
 */
final class Instance {

	enum Kind {
		BUDGET, CAPACITY
	}

	/** One limit: Σ use[i]·x[i] ≤ limit. */
	record Limit(Kind kind, String unit, String year, long limit, long[] use) {
	}

	final Scenario scenario;
	final int n;
	final String[] ids;
	final long[] value;
	final boolean[] mandatory;
	final boolean[] excluded;
	final int[][] requires;
	final List<int[]> exclusions = new ArrayList<>();
	final boolean[][] excludes;
	final List<Limit> limits = new ArrayList<>();
	final Map<String, Integer> index = new HashMap<>();

	private Instance(Scenario scenario) {
		this.scenario = scenario;
		List<Candidate> candidates = scenario.candidates();
		n = candidates.size();
		ids = new String[n];
		value = new long[n];
		mandatory = new boolean[n];
		excluded = new boolean[n];
		requires = new int[n][];
		excludes = new boolean[n][];
		Set<String> years = new HashSet<>(scenario.years());
		for (var entry : scenario.budget().entrySet()) {
			if (!years.contains(entry.getKey())) {
				throw new ScenarioException(Text.of("scenario.error.budgetYear", entry.getKey()));
			}
			nonNegative(entry.getValue(), "budget " + entry.getKey());
		}
		for (var unit : scenario.capacity().entrySet()) {
			for (var entry : unit.getValue().entrySet()) {
				if (!years.contains(entry.getKey())) {
					throw new ScenarioException(Text.of("scenario.error.capacityYear", unit.getKey(), entry.getKey()));
				}
				nonNegative(entry.getValue(), "capacity " + unit.getKey() + " " + entry.getKey());
			}
		}
		for (int i = 0; i < n; i++) {
			Candidate c = candidates.get(i);
			if (c.id() == null || c.id().isBlank()) {
				throw new ScenarioException(Text.of("scenario.error.missingId", String.valueOf(i + 1)));
			}
			if (index.put(c.id(), i) != null) {
				throw new ScenarioException(Text.of("scenario.error.duplicateId", c.id()));
			}
			ids[i] = c.id();
			value[i] = c.value();
			mandatory[i] = c.mandatory();
			excluded[i] = c.excluded();
			if (c.value() < 0) {
				throw new ScenarioException(Text.of("scenario.error.negative", c.id(), "value"));
			}
			for (var cost : c.cost().entrySet()) {
				if (!years.contains(cost.getKey())) {
					throw new ScenarioException(Text.of("scenario.error.unknownYear", c.id(), cost.getKey()));
				}
				if (cost.getValue() < 0) {
					throw new ScenarioException(Text.of("scenario.error.negative", c.id(), "cost " + cost.getKey()));
				}
			}
			for (var unit : c.effort().entrySet()) {
				for (var effort : unit.getValue().entrySet()) {
					if (!years.contains(effort.getKey())) {
						throw new ScenarioException(Text.of("scenario.error.unknownYear", c.id(), effort.getKey()));
					}
					if (effort.getValue() < 0) {
						throw new ScenarioException(
								Text.of("scenario.error.negative", c.id(), "effort " + unit.getKey()));
					}
				}
			}
		}
		for (int i = 0; i < n; i++) {
			Candidate c = candidates.get(i);
			requires[i] = c.requires().stream().distinct().mapToInt(r -> known(c.id(), r)).toArray();
			excludes[i] = null;
			for (String other : c.excludes()) {
				int j = known(c.id(), other);
				if (j == i) {
					throw new ScenarioException(Text.of("scenario.error.selfExclusion", c.id()));
				}
				exclusions.add(new int[] { Math.min(i, j), Math.max(i, j) });
			}
		}
		exclusions.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
		for (int k = exclusions.size() - 1; k > 0; k--) {
			if (Arrays.equals(exclusions.get(k), exclusions.get(k - 1))) {
				exclusions.remove(k);
			}
		}
		rejectCycles();
		for (String year : scenario.years()) {
			Long budget = scenario.budget().get(year);
			if (budget != null) {
				long[] use = new long[n];
				for (int i = 0; i < n; i++) {
					use[i] = candidates.get(i).cost().getOrDefault(year, 0L);
				}
				limits.add(new Limit(Kind.BUDGET, null, year, budget, use));
			}
		}
		for (String unit : new java.util.TreeSet<>(scenario.capacity().keySet())) {
			Map<String, Long> perYear = scenario.capacity().get(unit);
			for (String year : scenario.years()) {
				Long capacity = perYear.get(year);
				if (capacity != null) {
					long[] use = new long[n];
					for (int i = 0; i < n; i++) {
						use[i] = candidates.get(i).effort().getOrDefault(unit, Map.of()).getOrDefault(year, 0L);
					}
					limits.add(new Limit(Kind.CAPACITY, unit, year, capacity, use));
				}
			}
		}
	}

	static Instance of(Scenario scenario) {
		return new Instance(scenario);
	}

	boolean excludes(int a, int b) {
		for (int[] pair : exclusions) {
			if (pair[0] == Math.min(a, b) && pair[1] == Math.max(a, b)) {
				return true;
			}
		}
		return false;
	}

	/** The candidate with all prerequisites it needs, directly or indirectly. */
	Set<Integer> withPrerequisites(int i) {
		Set<Integer> closure = new java.util.LinkedHashSet<>();
		Deque<Integer> todo = new ArrayDeque<>(List.of(i));
		while (!todo.isEmpty()) {
			int k = todo.pop();
			if (closure.add(k)) {
				for (int r : requires[k]) {
					todo.push(r);
				}
			}
		}
		return closure;
	}

	/** Mandatory candidates and everything they need. */
	boolean[] forced() {
		boolean[] forced = new boolean[n];
		for (int i = 0; i < n; i++) {
			if (mandatory[i]) {
				for (int k : withPrerequisites(i)) {
					forced[k] = true;
				}
			}
		}
		return forced;
	}

	/** Whether a selection breaks no limit, prerequisite, exclusion, mandatory or excluded flag. */
	boolean isFeasible(boolean[] x) {
		for (int i = 0; i < n; i++) {
			if (mandatory[i] && !x[i] || excluded[i] && x[i]) {
				return false;
			}
			if (x[i]) {
				for (int r : requires[i]) {
					if (!x[r]) {
						return false;
					}
				}
			}
		}
		for (int[] pair : exclusions) {
			if (x[pair[0]] && x[pair[1]]) {
				return false;
			}
		}
		for (Limit limit : limits) {
			if (used(limit, x) > limit.limit()) {
				return false;
			}
		}
		return true;
	}

	long used(Limit limit, boolean[] x) {
		long sum = 0;
		for (int i = 0; i < n; i++) {
			if (x[i]) {
				sum += limit.use()[i];
			}
		}
		return sum;
	}

	long value(boolean[] x) {
		long sum = 0;
		for (int i = 0; i < n; i++) {
			if (x[i]) {
				sum += value[i];
			}
		}
		return sum;
	}

	boolean[] selection(List<String> selected) {
		boolean[] x = new boolean[n];
		selected.forEach(id -> x[index.get(id)] = true);
		return x;
	}

	List<String> ids(boolean[] x) {
		List<String> list = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			if (x[i]) {
				list.add(ids[i]);
			}
		}
		return list;
	}

	private int known(String owner, String id) {
		Integer i = index.get(id);
		if (i == null) {
			throw new ScenarioException(Text.of("scenario.error.unknownId", owner, id));
		}
		return i;
	}

	private static void nonNegative(Long number, String what) {
		if (number == null || number < 0) {
			throw new ScenarioException(Text.of("scenario.error.negativeLimit", what));
		}
	}

	private void rejectCycles() {
		int[] state = new int[n];
		for (int start = 0; start < n; start++) {
			if (state[start] != 0) {
				continue;
			}
			// iterative depth-first search; the path gives the cycle's members for the message
			Deque<int[]> stack = new ArrayDeque<>();
			List<Integer> path = new ArrayList<>();
			stack.push(new int[] { start, 0 });
			state[start] = 1;
			path.add(start);
			while (!stack.isEmpty()) {
				int[] top = stack.peek();
				int node = top[0];
				if (top[1] < requires[node].length) {
					int next = requires[node][top[1]++];
					if (state[next] == 1) {
						List<Integer> cycle = new ArrayList<>(path.subList(path.indexOf(next), path.size()));
						cycle.add(next);
						StringBuilder text = new StringBuilder();
						for (int k : cycle) {
							text.append(text.isEmpty() ? "" : " → ").append(ids[k]);
						}
						throw new ScenarioException(Text.of("scenario.error.cycle", text.toString()));
					}
					if (state[next] == 0) {
						state[next] = 1;
						path.add(next);
						stack.push(new int[] { next, 0 });
					}
				}
				else {
					state[node] = 2;
					path.remove(path.size() - 1);
					stack.pop();
				}
			}
		}
	}

	Map<String, Integer> indexCopy() {
		return new LinkedHashMap<>(index);
	}
}
