package de.leitstand.prioritization.internal.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import de.leitstand.portfolio.Contribution;
import de.leitstand.prioritization.WibeVerdict;

class NpvTests {

	private static BigDecimal eur(long value) {
		return BigDecimal.valueOf(value);
	}

	@Test
	void benefitsInLaterYearsAreDiscountedFromTheFirstYear() {
		// −100 000 + 60 000 / 1.03 + 60 000 / 1.03² = 14 808.18
		Wibe.Npv npv = Wibe.netPresentValue(Map.of(2026, eur(100_000)), Map.of(2027, eur(60_000), 2028, eur(60_000)),
				new BigDecimal("3"));
		assertThat(npv.value()).isEqualByComparingTo("14808.18");
		assertThat(npv.presentCosts()).isEqualByComparingTo("100000.00");
		assertThat(Wibe.economicScore(npv)).isEqualByComparingTo("57.4");
		assertThat(Wibe.verdict(npv.value(), BigDecimal.ZERO)).isEqualTo(WibeVerdict.ECONOMIC);
	}

	@Test
	void withoutDiscountTheNpvIsTheSumAndEqualBenefitsGiveFiftyPoints() {
		Wibe.Npv npv = Wibe.netPresentValue(Map.of(2026, eur(50_000), 2027, eur(50_000)),
				Map.of(2026, eur(50_000), 2027, eur(50_000)), BigDecimal.ZERO);
		assertThat(npv.value()).isEqualByComparingTo("0");
		assertThat(Wibe.economicScore(npv)).isEqualByComparingTo("50");
	}

	@Test
	void noBenefitGivesZeroPointsAndTheQualitativeRuleDecides() {
		Wibe.Npv npv = Wibe.netPresentValue(Map.of(2026, eur(80_000)), Map.of(), new BigDecimal("3"));
		assertThat(npv.value()).isEqualByComparingTo("-80000");
		assertThat(Wibe.economicScore(npv)).isEqualByComparingTo("0");
		assertThat(Wibe.verdict(npv.value(), new BigDecimal("50"))).isEqualTo(WibeVerdict.QUALITATIVE);
		assertThat(Wibe.verdict(npv.value(), new BigDecimal("49.9"))).isEqualTo(WibeVerdict.NOT_JUSTIFIED);
	}

	@Test
	void benefitsOfTwiceTheCostsAreCappedAtHundredPoints() {
		Wibe.Npv npv = Wibe.netPresentValue(Map.of(2026, eur(10_000)), Map.of(2026, eur(50_000)), BigDecimal.ZERO);
		assertThat(Wibe.economicScore(npv)).isEqualByComparingTo("100");
	}

	@Test
	void strategicValueCountsContributionPoints() {
		assertThat(Wibe.strategicScore(List.of(Contribution.HIGH, Contribution.HIGH))).isEqualByComparingTo("100");
		assertThat(Wibe.strategicScore(List.of(Contribution.HIGH))).isEqualByComparingTo("50");
		assertThat(Wibe.strategicScore(List.of(Contribution.LOW))).isEqualByComparingTo("16.7");
		assertThat(Wibe.strategicScore(List.of())).isEqualByComparingTo("0");
		assertThat(Wibe.strategicScore(List.of(Contribution.HIGH, Contribution.HIGH, Contribution.MEDIUM)))
			.isEqualByComparingTo("100");
	}

	@Test
	void aggregationShowsSpreadAndFlagsStrongDisagreement() {
		Aggregate agreed = Aggregate.of(List.of(3, 4), 4);
		assertThat(agreed.mean()).isEqualByComparingTo("3.5");
		assertThat(agreed.spread()).isEqualTo(1);
		assertThat(agreed.disagreement()).isFalse();
		assertThat(agreed.score()).isEqualByComparingTo("87.5");
		Aggregate split = Aggregate.of(List.of(0, 2, 4), 4);
		assertThat(split.spread()).isEqualTo(4);
		assertThat(split.disagreement()).isTrue();
		assertThat(Aggregate.of(List.of(1, 3), 4).disagreement()).as("spread 2 = half of 0–4").isTrue();
		assertThat(Aggregate.of(List.of(4), 4).disagreement()).as("one rating cannot disagree").isFalse();
	}
}
