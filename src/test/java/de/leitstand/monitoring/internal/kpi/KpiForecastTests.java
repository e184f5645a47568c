package de.leitstand.monitoring.internal.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import de.leitstand.monitoring.KpiAchievement.Point;
import de.leitstand.monitoring.KpiAchievement.Verdict;
import de.leitstand.strategy.KpiDirection;

class KpiForecastTests {

	static final LocalDate BASE = LocalDate.of(2024, 1, 1);

	static Point p(LocalDate date, String value) {
		return new Point(date, new BigDecimal(value));
	}

	@Test
	void aPerfectLineIsFoundAndExtendedToTheTargetDate() {
		// 10 per 100 days: 0 → 10 → 20; at day 400 the line gives 40.
		var result = KpiForecast.of(BigDecimal.ZERO, BASE, new BigDecimal("40"), BASE.plusDays(400),
				KpiDirection.HIGHER_IS_BETTER, List.of(p(BASE.plusDays(100), "10"), p(BASE.plusDays(200), "20")));
		assertThat(result.slopePerDay()).isCloseTo(0.1, within(1e-9));
		assertThat(result.intercept()).isCloseTo(0, within(1e-9));
		assertThat(result.forecast()).isCloseTo(40, within(1e-9));
		assertThat(result.verdict()).isEqualTo(Verdict.ON_TRACK);
	}

	@Test
	void leastSquaresThroughScatteredPoints() {
		// x = 0, 1, 2, 3 (days), y = 1, 3, 2, 4: slope 0.8, intercept 1.3 (textbook values).
		var result = KpiForecast.of(new BigDecimal("1"), BASE, new BigDecimal("10"), BASE.plusDays(10),
				KpiDirection.HIGHER_IS_BETTER,
				List.of(p(BASE.plusDays(1), "3"), p(BASE.plusDays(2), "2"), p(BASE.plusDays(3), "4")));
		assertThat(result.slopePerDay()).isCloseTo(0.8, within(1e-9));
		assertThat(result.intercept()).isCloseTo(1.3, within(1e-9));
		assertThat(result.forecast()).isCloseTo(9.3, within(1e-9));
		assertThat(result.verdict()).isEqualTo(Verdict.OFF_TRACK);
	}

	@Test
	void lowerIsBetterIsMetWhenTheForecastFallsToTheTarget() {
		// Waiting days 21 → 5: falling 2 per 100 days reaches 5 before day 800.
		var falling = KpiForecast.of(new BigDecimal("21"), BASE, new BigDecimal("5"), BASE.plusDays(800),
				KpiDirection.LOWER_IS_BETTER, List.of(p(BASE.plusDays(100), "19"), p(BASE.plusDays(200), "17")));
		assertThat(falling.forecast()).isCloseTo(5, within(1e-9));
		assertThat(falling.verdict()).isEqualTo(Verdict.ON_TRACK);
		var tooSlow = KpiForecast.of(new BigDecimal("21"), BASE, new BigDecimal("5"), BASE.plusDays(800),
				KpiDirection.LOWER_IS_BETTER, List.of(p(BASE.plusDays(100), "20"), p(BASE.plusDays(200), "19")));
		assertThat(tooSlow.verdict()).isEqualTo(Verdict.OFF_TRACK);
	}

	@Test
	void higherIsBetterMissesWhenTheTrendFallsShort() {
		var result = KpiForecast.of(new BigDecimal("35"), BASE, new BigDecimal("100"), BASE.plusDays(1000),
				KpiDirection.HIGHER_IS_BETTER, List.of(p(BASE.plusDays(365), "40")));
		assertThat(result.verdict()).isEqualTo(Verdict.OFF_TRACK);
		assertThat(result.forecast()).isLessThan(100);
	}

	@Test
	void withOnlyTheBaselineThereAreTooFewPoints() {
		var result = KpiForecast.of(new BigDecimal("35"), BASE, new BigDecimal("100"), BASE.plusDays(1000),
				KpiDirection.HIGHER_IS_BETTER, List.of());
		assertThat(result.verdict()).isEqualTo(Verdict.TOO_FEW_POINTS);
		assertThat(result.forecast()).isNull();
		var sameDay = KpiForecast.of(new BigDecimal("35"), BASE, new BigDecimal("100"), BASE.plusDays(1000),
				KpiDirection.HIGHER_IS_BETTER, List.of(p(BASE, "36")));
		assertThat(sameDay.verdict()).isEqualTo(Verdict.TOO_FEW_POINTS);
	}

	@Test
	void achievementIsTheShareOfTheWayClampedToZeroAndHundred() {
		assertThat(KpiForecast.achievement(new BigDecimal("20"), new BigDecimal("80"), new BigDecimal("50")))
			.isCloseTo(50, within(1e-9));
		// worse than the baseline → 0, beyond the target → 100
		assertThat(KpiForecast.achievement(new BigDecimal("20"), new BigDecimal("80"), new BigDecimal("10")))
			.isEqualTo(0);
		assertThat(KpiForecast.achievement(new BigDecimal("20"), new BigDecimal("80"), new BigDecimal("95")))
			.isEqualTo(100);
		// lower is better: 21 → 5 days, now 13 = half the way
		assertThat(KpiForecast.achievement(new BigDecimal("21"), new BigDecimal("5"), new BigDecimal("13")))
			.isCloseTo(50, within(1e-9));
		assertThat(KpiForecast.achievement(new BigDecimal("21"), new BigDecimal("5"), new BigDecimal("25")))
			.isEqualTo(0);
	}

	@Test
	void unitsAreComparedLeniently() {
		assertThat(KpiService.sameUnit(" % ", "%")).isTrue();
		assertThat(KpiService.sameUnit("Prozent", "%")).isTrue();
		assertThat(KpiService.sameUnit("tage", "Tage")).isTrue();
		assertThat(KpiService.sameUnit("Tage", "%")).isFalse();
		assertThat(KpiService.parseNumber("1.234,5")).isEqualByComparingTo("1234.5");
		assertThat(KpiService.parseNumber("3.5")).isEqualByComparingTo("3.5");
		assertThat(KpiService.parseNumber("drei")).isNull();
		assertThat(KpiService.parseDate("30.06.2026")).isEqualTo(LocalDate.of(2026, 6, 30));
	}
}
