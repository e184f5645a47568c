package de.leitstand.prioritization.internal.optimizer;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The reference the optimiser is measured against: mandatory projects first, then rank by value (ties by id) and
 * take each candidate, together with prerequisites not yet taken, while every limit and exclusion still holds.
 */
final class GreedySelection {

	private GreedySelection() {
	}

	static boolean[] select(Instance in) {
		List<Integer> order = IntStream.range(0, in.n).boxed()
			.sorted(Comparator.<Integer>comparingLong(i -> -in.value[i]).thenComparing(i -> in.ids[i]))
			.toList();
		return fill(in, in.forced(), order);
	}

	/**
	 * Starting from a feasible selection, takes the candidates in the given order, each together with prerequisites
	 * not yet taken, while every limit and exclusion still holds.
	 */
	static boolean[] fill(Instance in, boolean[] start, List<Integer> order) {
		boolean[] x = start.clone();
		long[] used = new long[in.limits.size()];
		for (int l = 0; l < used.length; l++) {
			used[l] = in.used(in.limits.get(l), x);
		}
		for (int i : order) {
			if (x[i]) {
				continue;
			}
			Set<Integer> bundle = in.withPrerequisites(i);
			bundle.removeIf(k -> x[k]);
			if (fits(in, x, bundle, used)) {
				for (int l = 0; l < used.length; l++) {
					for (int k : bundle) {
						used[l] += in.limits.get(l).use()[k];
					}
				}
				bundle.forEach(k -> x[k] = true);
			}
		}
		return x;
	}

	private static boolean fits(Instance in, boolean[] x, Set<Integer> bundle, long[] used) {
		for (int k : bundle) {
			if (in.excluded[k]) {
				return false;
			}
		}
		for (int[] pair : in.exclusions) {
			boolean a = x[pair[0]] || bundle.contains(pair[0]);
			boolean b = x[pair[1]] || bundle.contains(pair[1]);
			if (a && b) {
				return false;
			}
		}
		for (int l = 0; l < used.length; l++) {
			long extra = 0;
			for (int k : bundle) {
				extra += in.limits.get(l).use()[k];
			}
			if (used[l] + extra > in.limits.get(l).limit()) {
				return false;
			}
		}
		return true;
	}
}
