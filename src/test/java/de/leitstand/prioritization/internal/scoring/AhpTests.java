package de.leitstand.prioritization.internal.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class AhpTests {

	@Test
	void aConsistentMatrixGivesBackTheWeightsItWasBuiltFromWithCrZero() {
		double[] w = { 0.5, 0.3, 0.2 };
		double[][] a = new double[3][3];
		for (int i = 0; i < 3; i++) {
			for (int j = 0; j < 3; j++) {
				a[i][j] = w[i] / w[j];
			}
		}
		Ahp.Result r = Ahp.solve(a);
		assertThat(r.weights()[0]).isCloseTo(0.5, within(1e-9));
		assertThat(r.weights()[1]).isCloseTo(0.3, within(1e-9));
		assertThat(r.weights()[2]).isCloseTo(0.2, within(1e-9));
		assertThat(r.lambdaMax()).isCloseTo(3.0, within(1e-9));
		assertThat(r.consistencyRatio()).isCloseTo(0.0, within(1e-9));
		assertThat(r.consistent()).isTrue();
	}

	@Test
	void saatysTextbookMatrixGivesTheKnownWeightsAndConsistencyRatio() {
		// 1 vs 2: 3, 1 vs 3: 5, 2 vs 3: 3 — eigenvector ≈ (0.637, 0.258, 0.105), λmax ≈ 3.039, CR ≈ 0.033.
		double[][] a = Ahp.reciprocal(new double[][] { { 1, 3, 5 }, { 0, 1, 3 }, { 0, 0, 1 } });
		Ahp.Result r = Ahp.solve(a);
		assertThat(r.weights()[0]).isCloseTo(0.637, within(0.001));
		assertThat(r.weights()[1]).isCloseTo(0.258, within(0.001));
		assertThat(r.weights()[2]).isCloseTo(0.105, within(0.001));
		assertThat(r.lambdaMax()).isCloseTo(3.039, within(0.001));
		assertThat(r.consistencyRatio()).isCloseTo(0.033, within(0.001));
		assertThat(r.consistent()).isTrue();
	}

	@Test
	void aContradictoryMatrixIsFlaggedAboveTheLimit() {
		// A beats B strongly, B beats C strongly, but C beats A strongly: a circle.
		double[][] a = Ahp.reciprocal(new double[][] { { 1, 9, 1.0 / 9 }, { 0, 1, 9 }, { 0, 0, 1 } });
		Ahp.Result r = Ahp.solve(a);
		assertThat(r.consistencyRatio()).isGreaterThan(Ahp.CR_LIMIT);
		assertThat(r.consistent()).isFalse();
		assertThat(Arrays.stream(r.weights()).sum()).isCloseTo(1.0, within(1e-9));
	}

	@Test
	void fourCriteriaOfEqualImportanceGetAQuarterEach() {
		Ahp.Result r = Ahp.solve(Ahp.reciprocal(new double[][] { { 1, 1, 1, 1 }, { 0, 1, 1, 1 }, { 0, 0, 1, 1 },
				{ 0, 0, 0, 1 } }));
		assertThat(r.weights()).containsExactly(new double[] { 0.25, 0.25, 0.25, 0.25 }, within(1e-9));
	}

	@Test
	void percentagesAlwaysAddUpToExactlyHundred() {
		BigDecimal[] p = Ahp.percentages(new double[] { 1.0 / 3, 1.0 / 3, 1.0 / 3 });
		assertThat(Arrays.stream(p).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("100");
	}

	@Test
	void saatyValuesAreParsedAndCheckedAndTheNearestIsFound() {
		assertThat(Ahp.parse("1/5")).isCloseTo(0.2, within(1e-12));
		assertThat(Ahp.parse("7")).isEqualTo(7.0);
		assertThatThrownBy(() -> Ahp.parse("12")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Ahp.parse("abc")).isInstanceOf(IllegalArgumentException.class);
		assertThat(Ahp.nearest(2.0)).isEqualTo("2");
		assertThat(Ahp.nearest(0.34)).isEqualTo("1/3");
	}
}
