package de.leitstand.monitoring.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import de.leitstand.monitoring.TrafficLight;
import de.leitstand.portfolio.ProjectSnapshot;
import de.leitstand.shared.DemoMode;

/**
 * Demo mode: labelled example monitoring data, created once after the demo portfolio — a closed past cycle with
 * submitted reports (some late), an open cycle due in a few days with drafts, milestones (a prerequisite slips so
 * that its dependent is flagged), risks and issues.
 */
@Component
@Order(40)
class MonitoringDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(MonitoringDemoData.class);
	private static final TrafficLight[] LIGHTS = { TrafficLight.GREEN, TrafficLight.GREEN, TrafficLight.GREEN,
			TrafficLight.YELLOW, TrafficLight.YELLOW, TrafficLight.RED };

	private final DemoMode demo;
	private final ReportingCycles cycles;
	private final ReportSlots slots;
	private final StatusReports reports;
	private final Milestones milestones;
	private final Risks risks;
	private final Issues issues;
	private final ProjectCache projects;
	private final TransactionTemplate tx;

	MonitoringDemoData(DemoMode demo, ReportingCycles cycles, ReportSlots slots, StatusReports reports,
			Milestones milestones, Risks risks, Issues issues, ProjectCache projects, TransactionTemplate tx) {
		this.demo = demo;
		this.cycles = cycles;
		this.slots = slots;
		this.reports = reports;
		this.milestones = milestones;
		this.risks = risks;
		this.issues = issues;
		this.projects = projects;
		this.tx = tx;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!demo.isEnabled() || cycles.count() > 0) {
			return;
		}
		projects.invalidate();
		Map<UUID, ProjectSnapshot> active = projects.inImplementation();
		if (active.isEmpty()) {
			return;
		}
		tx.executeWithoutResult(s -> create(active));
		log.info("Created example monitoring data for {} projects in implementation", active.size());
	}

	private void create(Map<UUID, ProjectSnapshot> active) {
		Random r = new Random(2025);
		LocalDate today = LocalDate.now(MonitoringService.ZONE);
		LocalDate pastEnd = today.minusMonths(2).with(TemporalAdjusters.lastDayOfMonth());
		ReportingCycle past = new ReportingCycle("Beispieldaten: Bericht " + label(pastEnd), ReportingCycle.Cadence.MONTHLY,
				pastEnd, pastEnd.plusDays(14), "portfolio", at(pastEnd), true);
		past.close();
		cycles.save(past);
		LocalDate openEnd = today.minusMonths(1).with(TemporalAdjusters.lastDayOfMonth());
		ReportingCycle open = cycles.save(new ReportingCycle("Beispieldaten: Bericht " + label(openEnd),
				ReportingCycle.Cadence.MONTHLY, openEnd, today.plusDays(4), "portfolio", at(openEnd), true));
		Map<UUID, Integer> progress = new HashMap<>();
		for (ProjectSnapshot p : active.values()) {
			int base = 10 + r.nextInt(70);
			progress.put(p.id(), base);
			ReportSlot pastSlot = slots.save(new ReportSlot(past.getId(), p.id(), p.key(), p.leadUnitId()));
			if (r.nextInt(10) < 9) {
				boolean late = r.nextInt(6) == 0;
				submit(pastSlot, content(p, r, base, pastEnd), at(late ? past.getDueDate().plusDays(3) : past.getDueDate().minusDays(2)));
			}
			ReportSlot openSlot = slots.save(new ReportSlot(open.getId(), p.id(), p.key(), p.leadUnitId()));
			int choice = r.nextInt(10);
			if (choice < 3) {
				submit(openSlot, content(p, r, Math.min(100, base + 8), openEnd), at(today.minusDays(1)));
			}
			else if (choice < 5) {
				reports.save(new StatusReport(openSlot, 1, content(p, r, Math.min(100, base + 5), openEnd), "lead", at(today.minusDays(1))));
			}
			milestonesFor(p, r, today);
			if (r.nextInt(3) > 0) {
				risks.save(new Risk(p.id(), RISKS[r.nextInt(RISKS.length)], 1 + r.nextInt(5), 1 + r.nextInt(5),
						"Projektleitung", "Beispieldaten: Gegenmaßnahme mit dem Fachamt abstimmen"));
			}
			if (r.nextInt(4) == 0) {
				issues.save(new Issue(p.id(), "Beispieldaten: Schnittstelle zum Fachverfahren klären", "Projektleitung",
						today.plusDays(r.nextInt(40) - 10)));
			}
		}
		slipOnePrerequisite(active, today);
	}

	private static final String[] RISKS = { "Beispieldaten: Personalengpass im Fachamt",
			"Beispieldaten: Lieferverzug des Softwareanbieters", "Beispieldaten: Datenschutzprüfung dauert länger",
			"Beispieldaten: Schnittstelle zum Fachverfahren fehlt", "Beispieldaten: Akzeptanz bei den Nutzenden" };

	private void milestonesFor(ProjectSnapshot p, Random r, LocalDate today) {
		if (p.plannedStart() == null || p.plannedEnd() == null) {
			return;
		}
		LocalDate start = p.plannedStart();
		LocalDate end = p.plannedEnd();
		long span = Math.max(30, java.time.temporal.ChronoUnit.DAYS.between(start, end));
		String[] titles = { "Konzept abgenommen", "Pilotbetrieb gestartet", "Abschluss und Übergabe in den Betrieb" };
		for (int i = 0; i < 3; i++) {
			LocalDate planned = start.plusDays(span * (i + 1) / 3);
			int slip = r.nextInt(4) == 0 ? 20 + r.nextInt(60) : 0;
			LocalDate forecast = slip == 0 ? null : planned.plusDays(slip);
			LocalDate expected = forecast == null ? planned : forecast;
			LocalDate actual = expected.isBefore(today.minusDays(7)) ? expected : null;
			Milestone m = new Milestone(p.id());
			m.apply(titles[i], planned, actual == null ? forecast : null, actual, i == 2, i == 1);
			milestones.save(m);
		}
	}

	/** A dependent project with a prerequisite: the prerequisite's completion slips past the dependent's start. */
	private void slipOnePrerequisite(Map<UUID, ProjectSnapshot> active, LocalDate today) {
		for (ProjectSnapshot d : active.values()) {
			if (d.plannedStart() == null) {
				continue;
			}
			for (UUID pid : d.requires()) {
				if (!active.containsKey(pid)) {
					continue;
				}
				List<Milestone> ms = milestones.findByProjectIdOrderByPlanned(pid);
				Milestone completion = ms.stream().filter(Milestone::isCompletion).findFirst().orElse(null);
				LocalDate needed = d.plannedStart().plusDays(45);
				if (completion == null) {
					completion = new Milestone(pid);
					completion.apply("Abschluss und Übergabe in den Betrieb", d.plannedStart().minusDays(30), needed, null,
							true, false);
				}
				else if (completion.getActual() == null) {
					completion.apply(completion.getTitle(), completion.getPlanned(),
							completion.getPlanned().isAfter(needed) ? completion.getPlanned().plusDays(30) : needed, null,
							true, completion.isPublished());
				}
				else {
					continue;
				}
				milestones.save(completion);
				return;
			}
		}
	}

	private ReportContent content(ProjectSnapshot p, Random r, int progress, LocalDate periodEnd) {
		TrafficLight overall = LIGHTS[r.nextInt(LIGHTS.length)];
		Map<Integer, BigDecimal> costs = new HashMap<>();
		p.costs().stream().filter(c -> c.year() <= periodEnd.getYear()).forEach(c -> costs.put(c.year(),
				c.investment().add(c.running()).multiply(BigDecimal.valueOf(progress)).divide(BigDecimal.valueOf(100), 2,
						RoundingMode.HALF_UP)));
		return new ReportContent(overall, LIGHTS[r.nextInt(LIGHTS.length)], overall, LIGHTS[r.nextInt(LIGHTS.length)],
				LIGHTS[r.nextInt(LIGHTS.length)], progress,
				"Beispieldaten: Die Umsetzung läuft; " + progress + " % der geplanten Arbeitspakete sind erledigt.",
				"Beispieldaten: Anforderungen abgestimmt, Testumgebung bereitgestellt.",
				"Beispieldaten: Pilotbetrieb mit einem Bürgerbüro vorbereiten.",
				overall == TrafficLight.RED ? "Beispieldaten: Zusätzliche Mittel oder Verschiebung des Starttermins entscheiden" : null,
				costs);
	}

	private void submit(ReportSlot slot, ReportContent content, Instant at) {
		StatusReport report = new StatusReport(slot, 1, content, "lead", at.minusSeconds(3600));
		report.submit("lead", at);
		reports.save(report);
		slot.submitted(report);
	}

	private static Instant at(LocalDate date) {
		return date.atTime(10, 0).atZone(MonitoringService.ZONE).toInstant();
	}

	private static String label(LocalDate periodEnd) {
		return String.format("%02d/%d", periodEnd.getMonthValue(), periodEnd.getYear());
	}
}
