package de.leitstand.monitoring.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.leitstand.monitoring.TrafficLight;
import de.leitstand.organization.OrgUnitDirectory;
import de.leitstand.organization.OrgUnitView;
import de.leitstand.portfolio.ProjectSnapshot;
import de.leitstand.strategy.StrategyCatalog;

/**
 * The portfolio-health figures of one cycle and the records behind each of them (drill-down). Reads the counting
 * rows with plain SQL: one row per expected report with the version that counts. Rows of projects the signed-in
 * user may not see (another office's drafts) are left out of every list and every count ({@link ProjectVisibility}).
 */
@Service
@Transactional(readOnly = true)
public class Dashboard {

	private final JdbcTemplate jdbc;
	private final ReportingCycles cycles;
	private final ProjectCache projects;
	private final StrategyCatalog strategy;
	private final OrgUnitDirectory units;
	private final DependencyAnalysis dependencies;
	private final MonitoringService service;
	private final ProjectVisibility visibility;

	Dashboard(JdbcTemplate jdbc, ReportingCycles cycles, ProjectCache projects, StrategyCatalog strategy,
			OrgUnitDirectory units, DependencyAnalysis dependencies, MonitoringService service,
			ProjectVisibility visibility) {
		this.jdbc = jdbc;
		this.cycles = cycles;
		this.projects = projects;
		this.strategy = strategy;
		this.units = units;
		this.dependencies = dependencies;
		this.service = service;
		this.visibility = visibility;
	}

	/** One expected report with the version that counts (light null: nothing submitted). */
	public record Row(UUID projectId, String projectKey, String title, UUID unitId, String unitName,
			Set<UUID> fields, TrafficLight light, Integer progress, String decisionNeeded, Instant submittedAt,
			boolean late, boolean overdue) {
	}

	public record Group(String id, String label, int green, int yellow, int red, int none) {

		public int total() {
			return green + yellow + red + none;
		}
	}

	public record YearBudget(int year, BigDecimal plan, BigDecimal actual) {
	}

	public record RiskRow(UUID riskId, String projectKey, String title, int probability, int impact, String owner) {

		public int score() {
			return probability * impact;
		}
	}

	public record Figures(ReportingCycle cycle, int expected, int submitted, int late, int overdue, int green,
			int yellow, int red, List<Group> byField, List<Group> byUnit, List<YearBudget> budget, int milestonesDue,
			int milestonesOverdue, List<RiskRow> topRisks, int escalations, int endangered) {
	}

	public List<ReportingCycle> cycles() {
		MonitoringService.requireReader();
		return cycles.findAllByOrderByPeriodEndDescOpenedAtDesc();
	}

	public ReportingCycle cycleOrLatest(UUID cycleId) {
		if (cycleId != null) {
			return service.cycle(cycleId);
		}
		List<ReportingCycle> all = cycles();
		return all.isEmpty() ? null : all.get(0);
	}

	public Figures figures(UUID cycleId) {
		MonitoringService.requireReader();
		ReportingCycle cycle = cycleOrLatest(cycleId);
		LocalDate today = service.today();
		List<Row> rows = cycle == null ? List.of() : rows(cycle);
		int[] lights = new int[3];
		int submitted = 0;
		int late = 0;
		int overdue = 0;
		int escalations = 0;
		Map<String, int[]> byField = new LinkedHashMap<>();
		Map<String, int[]> byUnit = new TreeMap<>();
		Map<String, String> fieldLabels = new LinkedHashMap<>();
		strategy.activeFields().forEach(f -> {
			fieldLabels.put(f.id().toString(), f.number() + " " + f.name());
			byField.put(f.id().toString(), new int[4]);
		});
		Map<String, String> unitLabels = new HashMap<>();
		for (Row row : rows) {
			int idx = row.light() == null ? 3 : row.light().ordinal();
			if (row.light() != null) {
				lights[idx]++;
				submitted++;
			}
			late += row.late() ? 1 : 0;
			overdue += row.overdue() ? 1 : 0;
			escalations += row.decisionNeeded() != null ? 1 : 0;
			for (UUID field : row.fields()) {
				int[] counts = byField.get(field.toString());
				if (counts != null) {
					counts[idx]++;
				}
			}
			unitLabels.put(row.unitId().toString(), row.unitName());
			byUnit.computeIfAbsent(row.unitId().toString(), u -> new int[4])[idx]++;
		}
		List<Group> fields = byField.entrySet().stream().map(e -> group(e.getKey(), fieldLabels.get(e.getKey()), e.getValue())).toList();
		List<Group> unitGroups = byUnit.entrySet().stream().map(e -> group(e.getKey(), unitLabels.get(e.getKey()), e.getValue()))
			.sorted(Comparator.comparing(Group::label)).toList();
		return new Figures(cycle, rows.size(), submitted, late, overdue, lights[0], lights[1], lights[2], fields,
				unitGroups, cycle == null ? List.of() : budget(cycle), milestones(false).size(),
				milestones(true).size(), topRisks(10, null, null), escalations,
				dependencies.graph().chains().size());
	}

	private static Group group(String id, String label, int[] c) {
		return new Group(id, label, c[0], c[1], c[2], c[3]);
	}

	/** Every expected report of the cycle with the version that counts. */
	public List<Row> rows(ReportingCycle cycle) {
		MonitoringService.requireReader();
		Map<UUID, ProjectSnapshot> cache = projects.inImplementation();
		Map<UUID, String> unitNames = new HashMap<>();
		LocalDate today = service.today();
		boolean pastDue = today.isAfter(cycle.getDueDate());
		List<Row> rows = new ArrayList<>();
		jdbc.query("select s.project_id, s.project_key, s.lead_unit_id, s.first_submitted_at, r.overall_light, "
				+ "r.progress_percent, r.decision_needed from monitoring_slot s left join monitoring_report r "
				+ "on r.id = s.current_report_id where s.cycle_id = ? order by s.project_key", rs -> {
					UUID projectId = rs.getObject(1, UUID.class);
					UUID unitId = rs.getObject(3, UUID.class);
					Timestamp first = rs.getTimestamp(4);
					String light = rs.getString(5);
					ProjectSnapshot p = cache.get(projectId);
					Instant submittedAt = first == null ? null : first.toInstant();
					boolean late = submittedAt != null
							&& LocalDate.ofInstant(submittedAt, MonitoringService.ZONE).isAfter(cycle.getDueDate());
					rows.add(new Row(projectId, rs.getString(2), p == null ? "" : p.title(), unitId,
							unitNames.computeIfAbsent(unitId, u -> units.find(u).map(OrgUnitView::displayName).orElse("?")),
							p == null ? Set.of() : new LinkedHashSet<>(p.goalFields().values()),
							light == null ? null : TrafficLight.valueOf(light),
							light == null ? null : rs.getInt(6), rs.getString(7), submittedAt, late,
							light == null && pastDue));
				}, cycle.getId());
		return visibility.filter(rows, Row::projectId);
	}

	/** Planned cost of the projects in implementation against the actual costs their counting reports state. */
	public List<YearBudget> budget(ReportingCycle cycle) {
		Map<Integer, BigDecimal[]> years = new TreeMap<>();
		for (ProjectSnapshot p : projects.inImplementation().values()) {
			p.costs().forEach(c -> years.computeIfAbsent(c.year(), y -> zero())[0] = years.get(c.year())[0]
				.add(c.investment()).add(c.running()));
		}
		jdbc.query("select c.budget_year, sum(c.amount) from monitoring_slot s join monitoring_report_cost c "
				+ "on c.report_id = s.current_report_id where s.cycle_id = ? group by c.budget_year", rs -> {
					years.computeIfAbsent(rs.getInt(1), y -> zero())[1] = rs.getBigDecimal(2);
				}, cycle.getId());
		return years.entrySet().stream().map(e -> new YearBudget(e.getKey(), e.getValue()[0], e.getValue()[1]))
			.toList();
	}

	private static BigDecimal[] zero() {
		return new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO };
	}

	private static String milestoneDue() {
		return " from monitoring_milestone where actual_date is null and coalesce(forecast_date, planned_date) >= ? "
				+ "and coalesce(forecast_date, planned_date) <= ?";
	}

	private static String milestoneOverdue() {
		return " from monitoring_milestone where actual_date is null and coalesce(forecast_date, planned_date) < ?";
	}

	public record MilestoneRow(UUID projectId, String projectKey, String title, LocalDate planned, LocalDate forecast,
			long slippageDays) {
	}

	/** Milestones due in the next 30 days ({@code overdue=false}) or overdue. */
	public List<MilestoneRow> milestones(boolean overdue) {
		MonitoringService.requireReader();
		LocalDate today = service.today();
		String sql = "select project_id, title, planned_date, forecast_date" + (overdue ? milestoneOverdue() : milestoneDue())
				+ " order by coalesce(forecast_date, planned_date)";
		Object[] args = overdue ? new Object[] { today } : new Object[] { today, today.plusDays(30) };
		List<MilestoneRow> rows = new ArrayList<>();
		jdbc.query(sql, rs -> {
			UUID pid = rs.getObject(1, UUID.class);
			LocalDate planned = rs.getObject(3, LocalDate.class);
			LocalDate forecast = rs.getObject(4, LocalDate.class);
			rows.add(new MilestoneRow(pid, null, rs.getString(2), planned, forecast,
					java.time.temporal.ChronoUnit.DAYS.between(planned, forecast == null ? planned : forecast)));
		}, args);
		List<MilestoneRow> visible = visibility.filter(rows, MilestoneRow::projectId);
		Map<UUID, ProjectSnapshot> byId = projects.findAll(visible.stream().map(MilestoneRow::projectId).toList());
		return visible.stream().map(r -> new MilestoneRow(r.projectId(),
				byId.containsKey(r.projectId()) ? byId.get(r.projectId()).key() : "?", r.title(), r.planned(),
				r.forecast(), r.slippageDays())).toList();
	}

	/** Open risks by score (probability × impact), optionally one cell of the matrix. */
	public List<RiskRow> topRisks(int limit, Integer probability, Integer impact) {
		MonitoringService.requireReader();
		StringBuilder sql = new StringBuilder("select id, project_id, title, probability, impact, owner from monitoring_risk where status = 'OPEN'");
		List<Object> args = new ArrayList<>();
		if (probability != null) {
			sql.append(" and probability = ?");
			args.add(probability);
		}
		if (impact != null) {
			sql.append(" and impact = ?");
			args.add(impact);
		}
		sql.append(" order by probability * impact desc, impact desc, title, id limit ");
		int wanted = Math.max(1, limit);
		// Rows of invisible projects drop out after the query: fetch more until enough are left or none remain.
		for (int fetch = wanted;; fetch = fetch * 4) {
			List<UUID[]> ids = new ArrayList<>();
			List<Object[]> raw = new ArrayList<>();
			jdbc.query(sql.toString() + fetch, rs -> {
				ids.add(new UUID[] { rs.getObject(1, UUID.class), rs.getObject(2, UUID.class) });
				raw.add(new Object[] { rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getString(6) });
			}, args.toArray());
			java.util.Set<UUID> visible = visibility.visible(ids.stream().map(i -> i[1]).toList());
			Map<UUID, ProjectSnapshot> byId = projects.findAll(visible);
			List<RiskRow> rows = new ArrayList<>();
			for (int i = 0; i < ids.size() && rows.size() < wanted; i++) {
				UUID pid = ids.get(i)[1];
				if (visible.contains(pid)) {
					Object[] r = raw.get(i);
					rows.add(new RiskRow(ids.get(i)[0], byId.containsKey(pid) ? byId.get(pid).key() : "?",
							(String) r[0], (Integer) r[1], (Integer) r[2], (String) r[3]));
				}
			}
			if (rows.size() >= wanted || ids.size() < fetch || fetch > 100_000) {
				return rows;
			}
		}
	}
}
