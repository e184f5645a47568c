package de.leitstand.monitoring.internal.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import de.leitstand.shared.DemoMode;

/**
 * Example measurements (Beispieldaten) for the demo strategy's KPIs, 2025–2026: two of three KPIs progress at or
 * above the pace their target needs, every third lags behind — so the dashboard shows both verdicts. Demo mode
 * only, once.
 */
@Component
@Order(40)
class KpiDemoData implements ApplicationRunner {

	static final String SOURCE = "Beispieldaten";

	private static final List<LocalDate> DATES = List.of(LocalDate.of(2025, 6, 30), LocalDate.of(2025, 12, 31),
			LocalDate.of(2026, 6, 30), LocalDate.of(2026, 9, 30));

	private final DemoMode demo;
	private final KpiService kpis;
	private final KpiMeasurements measurements;

	KpiDemoData(DemoMode demo, KpiService kpis, KpiMeasurements measurements) {
		this.demo = demo;
		this.kpis = kpis;
		this.measurements = measurements;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!demo.isEnabled() || measurements.count() > 0) {
			return;
		}
		List<KpiMeasurement> rows = new ArrayList<>();
		int i = 0;
		for (KpiService.KpiRef ref : kpis.kpis()) {
			var k = ref.kpi();
			double pace = i % 3 == 2 ? 0.45 : 1.15;
			double total = k.targetDate().toEpochDay() - k.baselineDate().toEpochDay();
			double span = k.targetValue().doubleValue() - k.baselineValue().doubleValue();
			for (int d = 0; d < DATES.size(); d++) {
				LocalDate day = DATES.get(d);
				if (day.isBefore(k.baselineDate())) {
					continue;
				}
				double share = (day.toEpochDay() - k.baselineDate().toEpochDay()) / total;
				// A little wobble so the points do not lie exactly on a line.
				double wobble = (d % 2 == 0 ? 0.03 : -0.02) * span;
				double value = k.baselineValue().doubleValue() + span * share * pace + wobble;
				if (KpiService.isPercent(k.unit())) {
					value = Math.max(0, Math.min(100, value));
				}
				int scale = "Anzahl".equals(k.unit()) || "Blatt".equals(k.unit()) ? 0 : 1;
				rows.add(new KpiMeasurement(k.id(), day, BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP),
						k.unit(), SOURCE, "system", Instant.parse("2026-10-01T08:00:00Z"), true));
			}
			i++;
		}
		measurements.saveAll(rows);
	}
}
