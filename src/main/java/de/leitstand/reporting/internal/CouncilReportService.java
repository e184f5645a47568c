package de.leitstand.reporting.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import de.leitstand.monitoring.KpiAchievement;
import de.leitstand.monitoring.KpiAchievement.FieldStatus;
import de.leitstand.monitoring.MonitoringFacts;
import de.leitstand.monitoring.MonitoringFacts.CycleReport;
import de.leitstand.monitoring.MonitoringFacts.CycleSummary;
import de.leitstand.monitoring.MonitoringFacts.ReportView;
import de.leitstand.monitoring.TrafficLight;
import de.leitstand.organization.LeitstandUser;
import de.leitstand.organization.OrgUnitDirectory;
import de.leitstand.organization.OrgUnitView;
import de.leitstand.organization.Role;
import de.leitstand.portfolio.ProjectDirectory;
import de.leitstand.portfolio.ProjectSnapshot;
import de.leitstand.reporting.internal.CouncilReport.BudgetYear;
import de.leitstand.reporting.internal.CouncilReport.FieldSection;
import de.leitstand.reporting.internal.CouncilReport.LightCount;
import de.leitstand.reporting.internal.CouncilReport.ProjectLine;
import de.leitstand.shared.NotFoundException;
import de.leitstand.strategy.StrategyCatalog;
import de.leitstand.strategy.StrategyCatalog.FieldSummary;

/**
 * Gathers the council report of a reporting cycle from the monitoring facts, the portfolio, the strategy and the
 * KPI achievement as of the cycle's end. Portfolio office, board, admins and readers may download it.
 */
@Service
public class CouncilReportService {

	private final ObjectProvider<MonitoringFacts> facts;
	private final ProjectDirectory projects;
	private final StrategyCatalog strategy;
	private final KpiAchievement achievement;
	private final OrgUnitDirectory units;
	private final String city;

	CouncilReportService(ObjectProvider<MonitoringFacts> facts, ProjectDirectory projects, StrategyCatalog strategy,
			KpiAchievement achievement, OrgUnitDirectory units,
			@Value("${leitstand.city:Landeshauptstadt Stuttgart}") String city) {
		this.facts = facts;
		this.projects = projects;
		this.strategy = strategy;
		this.achievement = achievement;
		this.units = units;
		this.city = city;
	}

	public static boolean mayRead() {
		return LeitstandUser.current()
			.map(u -> u.hasAny(Role.PORTFOLIO_MANAGER, Role.BOARD, Role.ADMIN, Role.READER))
			.orElse(false);
	}

	private static void requireReader() {
		if (!mayRead()) {
			throw new AccessDeniedException("council reports are for the portfolio office, board, admins, readers");
		}
	}

	/** The cycles to choose from, newest first; empty while monitoring has none (or is not there yet). */
	public List<CycleSummary> cycles() {
		requireReader();
		MonitoringFacts monitoring = facts.getIfAvailable();
		return monitoring == null ? List.of() : monitoring.cycles();
	}

	public CouncilReport build(UUID cycleId) {
		requireReader();
		MonitoringFacts monitoring = facts.getIfAvailable();
		CycleReport cycle = Optional.ofNullable(monitoring).flatMap(m -> m.cycle(cycleId))
			.orElseThrow(() -> new NotFoundException("cycle " + cycleId));
		List<ReportView> reports = cycle.reports();
		Map<UUID, ProjectSnapshot> byId = new LinkedHashMap<>();
		projects.findAll(reports.stream().map(ReportView::projectId).toList()).forEach(p -> byId.put(p.id(), p));

		List<ProjectLine> lines = new ArrayList<>();
		Map<UUID, ProjectLine> lineById = new LinkedHashMap<>();
		for (ReportView r : reports) {
			ProjectSnapshot p = byId.get(r.projectId());
			String title = p == null ? r.projectKey() : p.title();
			String office = p == null || p.leadUnitId() == null ? ""
					: units.find(p.leadUnitId()).map(OrgUnitView::displayName).orElse("");
			ProjectLine line = new ProjectLine(r.projectKey(), title, office, r.overall(), r.scope(), r.time(),
					r.cost(), r.risk(), r.progressPercent(), blankToNull(r.decisionNeeded()), r.late());
			lines.add(line);
			lineById.put(r.projectId(), line);
		}
		lines.sort(Comparator.comparing(ProjectLine::key));

		Map<TrafficLight, Long> counts = new EnumMap<>(TrafficLight.class);
		for (TrafficLight light : TrafficLight.values()) {
			counts.put(light, 0L);
		}
		reports.forEach(r -> counts.merge(r.overall(), 1L, Long::sum));
		List<LightCount> lights = counts.entrySet().stream().map(e -> new LightCount(e.getKey(), e.getValue()))
			.toList();

		List<FieldSection> sections = new ArrayList<>();
		List<ProjectLine> unassigned = new ArrayList<>(lines);
		for (FieldSummary field : strategy.activeFields()) {
			List<ProjectLine> inField = new ArrayList<>();
			for (ReportView r : reports) {
				ProjectSnapshot p = byId.get(r.projectId());
				if (p != null && p.goalFields().containsValue(field.id())) {
					inField.add(lineById.get(r.projectId()));
					unassigned.remove(lineById.get(r.projectId()));
				}
			}
			inField.sort(Comparator.comparing(ProjectLine::key));
			sections.add(new FieldSection(field.number() + " " + field.name(), inField));
		}
		if (!unassigned.isEmpty()) {
			sections.add(new FieldSection(null, unassigned));
		}

		Map<Integer, BigDecimal[]> years = new TreeMap<>();
		for (ReportView r : reports) {
			ProjectSnapshot p = byId.get(r.projectId());
			if (p != null) {
				p.costs().forEach(c -> years.computeIfAbsent(c.year(), y -> zeros())[0] = years.get(c.year())[0]
					.add(c.investment()).add(c.running()));
			}
			if (r.actualCosts() != null) {
				r.actualCosts().forEach((year, amount) -> years.computeIfAbsent(year, y -> zeros())[1] = years
					.get(year)[1].add(amount));
			}
		}
		List<BudgetYear> budget = years.entrySet().stream()
			.map(e -> new BudgetYear(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
		BudgetYear total = new BudgetYear(0,
				budget.stream().map(BudgetYear::plan).reduce(BigDecimal.ZERO, BigDecimal::add),
				budget.stream().map(BudgetYear::actual).reduce(BigDecimal.ZERO, BigDecimal::add));

		List<ProjectLine> escalations = lines.stream().filter(l -> l.decisionNeeded() != null).toList();
		List<FieldStatus> fields = achievement.fields(cycle.cycle().periodEnd());
		return new CouncilReport(cycleId, city, cycle.cycle().label(), cycle.cycle().periodEnd(),
				cycle.cycle().expected(), cycle.cycle().submitted(), lights, lines, sections, budget, total,
				escalations, fields,
				fields.stream().flatMap(f -> f.goals().stream()).flatMap(g -> g.kpis().stream()).toList());
	}

	private static BigDecimal[] zeros() {
		return new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO };
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}
}
