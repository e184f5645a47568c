package de.leitstand.prioritization.internal.scoring;

import java.util.List;

/**
 * The analytic hierarchy process (Saaty): weights as the principal eigenvector of a reciprocal pairwise comparison
 * matrix, found by power iteration, and the consistency ratio CR = CI / RI with CI = (λmax − n) / (n − 1). A CR
 * above 0.1 means the comparisons contradict each other too much to be trusted.
 */
public final class Ahp {

	/** Saaty's random consistency index for n = 1 … 15. */
	private static final double[] RANDOM_INDEX = { 0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51,
			1.48, 1.56, 1.57, 1.59 };

	/** The values of the Saaty scale a comparison may take, from 9 (extremely more important) to 1/9. */
	public static final List<String> SCALE = List.of("9", "8", "7", "6", "5", "4", "3", "2", "1", "1/2", "1/3",
			"1/4", "1/5", "1/6", "1/7", "1/8", "1/9");

	public static final double CR_LIMIT = 0.1;

	private Ahp() {
	}

	/** Weights (summing to 1), λmax, CI and CR of a reciprocal matrix. */
	public record Result(double[] weights, double lambdaMax, double consistencyIndex, double consistencyRatio) {

		public boolean consistent() {
			return consistencyRatio <= CR_LIMIT;
		}
	}

	/** Parses "3", "1/5" or "0.2" into a Saaty value; throws IllegalArgumentException outside 1/9 … 9. */
	public static double parse(String value) {
		String v = value == null ? "" : value.trim();
		double d;
		try {
			if (v.contains("/")) {
				String[] parts = v.split("/");
				d = Double.parseDouble(parts[0].trim()) / Double.parseDouble(parts[1].trim());
			}
			else {
				d = Double.parseDouble(v.replace(',', '.'));
			}
		}
		catch (RuntimeException e) {
			throw new IllegalArgumentException("not a Saaty value: " + value);
		}
		if (!(d >= 1.0 / 9 - 1e-9 && d <= 9 + 1e-9)) {
			throw new IllegalArgumentException("outside 1/9 … 9: " + value);
		}
		return d;
	}

	/** The Saaty scale entry closest to a ratio (for pre-filling the form from existing weights). */
	public static String nearest(double ratio) {
		String best = "1";
		double bestDistance = Double.MAX_VALUE;
		for (String s : SCALE) {
			double distance = Math.abs(Math.log(parse(s)) - Math.log(ratio));
			if (distance < bestDistance) {
				bestDistance = distance;
				best = s;
			}
		}
		return best;
	}

	/** Builds the full reciprocal matrix from the upper triangle: upper[i][j] for i < j says how much i beats j. */
	public static double[][] reciprocal(double[][] upper) {
		int n = upper.length;
		double[][] a = new double[n][n];
		for (int i = 0; i < n; i++) {
			a[i][i] = 1;
			for (int j = i + 1; j < n; j++) {
				a[i][j] = upper[i][j];
				a[j][i] = 1 / upper[i][j];
			}
		}
		return a;
	}

	public static Result solve(double[][] a) {
		int n = a.length;
		if (n == 0) {
			return new Result(new double[0], 0, 0, 0);
		}
		double[] w = new double[n];
		java.util.Arrays.fill(w, 1.0 / n);
		for (int iteration = 0; iteration < 1000; iteration++) {
			double[] next = multiply(a, w);
			double sum = 0;
			for (double x : next) {
				sum += x;
			}
			double change = 0;
			for (int i = 0; i < n; i++) {
				next[i] /= sum;
				change = Math.max(change, Math.abs(next[i] - w[i]));
			}
			w = next;
			if (change < 1e-12) {
				break;
			}
		}
		double[] aw = multiply(a, w);
		double lambda = 0;
		for (int i = 0; i < n; i++) {
			lambda += aw[i] / w[i];
		}
		lambda /= n;
		double ci = n <= 1 ? 0 : (lambda - n) / (n - 1);
		double ri = n <= RANDOM_INDEX.length ? RANDOM_INDEX[n - 1] : RANDOM_INDEX[RANDOM_INDEX.length - 1];
		double cr = ri == 0 ? 0 : Math.max(0, ci) / ri;
		return new Result(w, lambda, ci, cr);
	}

	private static double[] multiply(double[][] a, double[] w) {
		int n = w.length;
		double[] out = new double[n];
		for (int i = 0; i < n; i++) {
			double s = 0;
			for (int j = 0; j < n; j++) {
				s += a[i][j] * w[j];
			}
			out[i] = s;
		}
		return out;
	}

	/**
	 * Weights in percent with two decimals that sum to exactly 100: the rounding remainder goes to the largest
	 * weight, so the model passes the 100 % rule.
	 */
	public static java.math.BigDecimal[] percentages(double[] weights) {
		java.math.BigDecimal[] out = new java.math.BigDecimal[weights.length];
		java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
		int largest = 0;
		for (int i = 0; i < weights.length; i++) {
			out[i] = java.math.BigDecimal.valueOf(weights[i] * 100).setScale(2, java.math.RoundingMode.HALF_UP);
			sum = sum.add(out[i]);
			if (weights[i] > weights[largest]) {
				largest = i;
			}
		}
		if (weights.length > 0) {
			out[largest] = out[largest].add(java.math.BigDecimal.valueOf(100).subtract(sum));
		}
		return out;
	}
}
