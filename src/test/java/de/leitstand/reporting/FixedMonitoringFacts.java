package de.leitstand.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import de.leitstand.monitoring.MonitoringFacts;
import de.leitstand.monitoring.TrafficLight;
import de.leitstand.portfolio.ProjectDirectory;
import de.leitstand.portfolio.ProjectSnapshot;

/**
 * A fixed reporting cycle over the first demo projects, standing in for the monitoring module in the report tests
 * (primary, so it wins over a real implementation when both exist).
 */
@TestConfiguration
class FixedMonitoringFacts {

	static final UUID CYCLE = UUID.fromString("0c0c0c0c-2026-4003-9000-000000000001");
	static final String LABEL = "Q3/2026 (Test)";

	@Bean
	@Primary
	MonitoringFacts fixedMonitoringFacts(ProjectDirectory projects) {
		return new MonitoringFacts() {

			final CycleSummary summary = new CycleSummary(CYCLE, LABEL, LocalDate.of(2026, 9, 30),
					LocalDate.of(2026, 10, 15), true, 8, 6);

			@Override
			public List<CycleSummary> cycles() {
				return List.of(summary);
			}

			@Override
			public Optional<CycleReport> cycle(UUID cycleId) {
				if (!CYCLE.equals(cycleId)) {
					return Optional.empty();
				}
				TrafficLight[] lights = { TrafficLight.GREEN, TrafficLight.GREEN, TrafficLight.YELLOW,
						TrafficLight.RED, TrafficLight.GREEN, TrafficLight.YELLOW };
				List<ReportView> reports = new ArrayList<>();
				List<UUID> missing = new ArrayList<>();
				for (int i = 1; i <= 8; i++) {
					Optional<ProjectSnapshot> p = projects.findByKey(String.format("P-%04d", i));
					if (p.isEmpty()) {
						continue;
					}
					if (i > 6) {
						missing.add(p.get().id());
						continue;
					}
					TrafficLight l = lights[i - 1];
					reports.add(new ReportView(p.get().id(), p.get().key(), l, l, TrafficLight.GREEN, l,
							TrafficLight.YELLOW, 10 * i + 5, "Zusammenfassung " + i, "Erreicht " + i, "Nächstes " + i,
							i == 4 ? "Zusätzliche Mittel für die Schnittstelle freigeben" : null,
							Map.of(2025, new BigDecimal(10000 * i), 2026, new BigDecimal(5000 * i)),
							Instant.parse("2026-10-10T10:00:00Z"), i == 6, 1));
				}
				return Optional.of(new CycleReport(summary, reports, missing));
			}

			@Override
			public List<MilestoneView> milestonesOf(UUID projectId) {
				return List.of();
			}
		};
	}
}
