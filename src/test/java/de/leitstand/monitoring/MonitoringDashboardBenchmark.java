package de.leitstand.monitoring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

import de.leitstand.monitoring.internal.Dashboard;
import de.leitstand.monitoring.internal.ProjectCache;
import de.leitstand.organization.LeitstandUser;
import de.leitstand.organization.Role;
import de.leitstand.portfolio.ProjectSnapshot;
import de.leitstand.portfolio.internal.PortfolioGenerator;

/**
 * The portfolio-health dashboard over 10,000 projects and 200,000 status reports against a reference in the same
 * run: a plain SQL aggregate of the traffic lights by report state over the same report table. Not part of the
 * normal build; run with {@code ./mvnw -B verify -Pbenchmarks -DskipBrowserTests=true
 * -Dit.test=MonitoringDashboardBenchmark}. Writes {@code target/benchmarks/monitoring-dashboard.md}. No
 * assertions on timings.
 */
@SpringBootTest(properties = "spring.jpa.properties.hibernate.search.backend.directory.type=local-heap")
@ActiveProfiles("test")
class MonitoringDashboardBenchmark {

	static final int PROJECTS = Integer.getInteger("benchmark.projects", 10_000);
	static final int REPORTS = Integer.getInteger("benchmark.reports", 200_000);
	static final int RUNS = 200;
	static final int WARM_UP = 50;
	static final String[] LIGHTS = { "GREEN", "GREEN", "GREEN", "YELLOW", "YELLOW", "RED" };

	@Autowired
	PortfolioGenerator generator;

	@Autowired
	Dashboard dashboard;

	@Autowired
	ProjectCache projects;

	@Autowired
	DataSource dataSource;

	@Test
	void dashboardAgainstAPlainAggregate() throws IOException {
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
				new LeitstandUser(UUID.randomUUID(), "benchmark", "Benchmark", null, true,
						Set.of(Role.PORTFOLIO_MANAGER), null), null, List.of()));
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		long existing = jdbc.queryForObject("select count(*) from portfolio_project", Long.class);
		long t0 = System.nanoTime();
		generator.synthetic((int) Math.max(0, PROJECTS - existing), 2025);
		double generateSeconds = (System.nanoTime() - t0) / 1e9;
		long rows = jdbc.queryForObject("select count(*) from portfolio_project", Long.class);
		projects.invalidate();
		long c0 = System.nanoTime();
		List<ProjectSnapshot> active = new ArrayList<>(projects.inImplementation().values());
		double cacheSeconds = (System.nanoTime() - c0) / 1e9;

		long existingReports = jdbc.queryForObject("select count(*) from monitoring_report", Long.class);
		long i0 = System.nanoTime();
		int cycles = insertReports(jdbc, active, (int) Math.max(0, REPORTS - existingReports));
		insertMilestonesAndRisks(jdbc, active);
		double insertSeconds = (System.nanoTime() - i0) / 1e9;
		long reportRows = jdbc.queryForObject("select count(*) from monitoring_report", Long.class);
		// The newest generated cycle (all projects in implementation), not a small demo cycle that may be newer.
		UUID latest = jdbc.queryForObject("select id from monitoring_cycle where label like 'Benchmark%' "
				+ "order by period_end desc limit 1", UUID.class);

		for (int i = 0; i < WARM_UP; i++) {
			dashboard.figures(latest);
			reference(jdbc);
		}
		long[] dash = new long[RUNS];
		long[] ref = new long[RUNS];
		int submitted = 0;
		for (int i = 0; i < RUNS; i++) {
			long a = System.nanoTime();
			submitted = dashboard.figures(latest).submitted();
			long b = System.nanoTime();
			reference(jdbc);
			long c = System.nanoTime();
			dash[i] = b - a;
			ref[i] = c - b;
		}
		String db = jdbc.execute((java.sql.Connection con) -> con.getMetaData().getDatabaseProductName() + " "
				+ con.getMetaData().getDatabaseProductVersion());
		StringBuilder md = new StringBuilder();
		md.append("## Monitoring dashboard (10,000 projects, 200,000 status reports)\n\n");
		md.append("Measured ").append(LocalDate.now()).append(" by `MonitoringDashboardBenchmark` (")
			.append("`./mvnw -B verify -Pbenchmarks -DskipBrowserTests=true -Dit.test=MonitoringDashboardBenchmark`), JDK ")
			.append(System.getProperty("java.version")).append(", ").append(Runtime.getRuntime().availableProcessors())
			.append(" CPUs, ").append(db).append(" in memory (profile `test`).\n\n");
		md.append(String.format(Locale.ROOT, "- Portfolio: %d projects (%.1f s to generate), %d in implementation "
				+ "(snapshot cache filled once in %.2f s; it is refilled after a project change or after a minute).%n",
				rows, generateSeconds, active.size(), cacheSeconds));
		md.append(String.format(Locale.ROOT, "- Reports: %d status reports in %d cycles (one submitted version per "
				+ "project and cycle, one actual-cost row each), plus 3 milestones and 1 risk per project in "
				+ "implementation, inserted by JDBC batch in %.1f s.%n", reportRows, cycles, insertSeconds));
		md.append("- Dashboard: `Dashboard.figures(newest cycle)` as the board sees it — lights by field of action and by "
				+ "office, submitted/late/overdue/escalations, budget plan against actual per year, milestones due and "
				+ "overdue, top 10 risks, and the dependency analysis (projects at risk through a prerequisite). "
				+ "Counted figure: " + submitted + " submitted reports in the newest cycle.\n");
		md.append("- Reference: `select state, overall_light, count(*) from monitoring_report group by state, overall_light` "
				+ "via JDBC — the lights by status over the same report table, nothing else.\n\n");
		md.append("| | p50 | p95 | p99 | mean |\n|---|---:|---:|---:|---:|\n");
		md.append(row("Portfolio-health dashboard figures", dash));
		md.append(row("Reference: SQL aggregate of lights by state", ref));
		md.append(String.format(Locale.ROOT, "%nTimes in milliseconds, one thread, in-process (no HTTP), after %d "
				+ "warm-up runs of each, %d measured runs. Target: p95 under 200 ms server time.%n", WARM_UP, RUNS));
		System.out.println(md);
		Path out = Path.of("target/benchmarks/monitoring-dashboard.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, md.toString());
	}

	static void reference(JdbcTemplate jdbc) {
		jdbc.queryForList("select state, overall_light, count(*) from monitoring_report group by state, overall_light");
	}

	/** Cycles of one report per project in implementation, oldest first, until {@code reports} are written. */
	static int insertReports(JdbcTemplate jdbc, List<ProjectSnapshot> active, int reports) {
		if (active.isEmpty() || reports == 0) {
			return 0;
		}
		Random r = new Random(11);
		int cycles = (reports + active.size() - 1) / active.size();
		int written = 0;
		LocalDate start = LocalDate.now().minusMonths(cycles + 1L);
		for (int c = 0; c < cycles; c++) {
			UUID cycleId = UUID.randomUUID();
			LocalDate periodEnd = start.plusMonths(c);
			LocalDate due = periodEnd.plusDays(14);
			jdbc.update("insert into monitoring_cycle (id, label, cadence, period_end, due_date, closed, opened_by, "
					+ "opened_at, example_data, version) values (?, ?, 'MONTHLY', ?, ?, ?, 'benchmark', ?, true, 0)",
					cycleId, "Benchmark " + periodEnd, periodEnd, due, c < cycles - 1, Timestamp.from(Instant.now()));
			int n = Math.min(active.size(), reports - written);
			List<Object[]> slots = new ArrayList<>(n);
			List<Object[]> rows = new ArrayList<>(n);
			List<Object[]> costs = new ArrayList<>(n);
			for (int i = 0; i < n; i++) {
				ProjectSnapshot p = active.get(i);
				UUID slotId = UUID.randomUUID();
				UUID reportId = UUID.randomUUID();
				Timestamp submitted = Timestamp.from(due.minusDays(r.nextInt(10) - 2).atStartOfDay()
					.toInstant(java.time.ZoneOffset.UTC));
				slots.add(new Object[] { slotId, cycleId, p.id(), p.key(), p.leadUnitId(), reportId, submitted });
				String light = LIGHTS[r.nextInt(LIGHTS.length)];
				rows.add(new Object[] { reportId, slotId, cycleId, p.id(), light, LIGHTS[r.nextInt(6)], light,
						LIGHTS[r.nextInt(6)], LIGHTS[r.nextInt(6)], r.nextInt(101), "Benchmark",
						"RED".equals(light) ? "Entscheidung" : null, submitted, submitted });
				costs.add(new Object[] { reportId, periodEnd.getYear(), r.nextInt(100_000) });
			}
			jdbc.batchUpdate("insert into monitoring_slot (id, cycle_id, project_id, project_key, lead_unit_id, "
					+ "current_report_id, first_submitted_at, version) values (?, ?, ?, ?, ?, ?, ?, 0)", slots);
			jdbc.batchUpdate("insert into monitoring_report (id, slot_id, cycle_id, project_id, report_version, state, "
					+ "overall_light, scope_light, time_light, cost_light, risk_light, progress_percent, summary, "
					+ "decision_needed, created_by, created_at, submitted_by, submitted_at, version) values "
					+ "(?, ?, ?, ?, 1, 'SUBMITTED', ?, ?, ?, ?, ?, ?, ?, ?, 'benchmark', ?, 'benchmark', ?, 0)", rows);
			jdbc.batchUpdate("insert into monitoring_report_cost (report_id, budget_year, amount) values (?, ?, ?)",
					costs);
			written += n;
		}
		return cycles;
	}

	static void insertMilestonesAndRisks(JdbcTemplate jdbc, List<ProjectSnapshot> active) {
		Random r = new Random(13);
		List<Object[]> milestones = new ArrayList<>();
		List<Object[]> risks = new ArrayList<>();
		LocalDate today = LocalDate.now();
		for (ProjectSnapshot p : active) {
			for (int i = 0; i < 3; i++) {
				LocalDate planned = today.plusDays(r.nextInt(400) - 200);
				LocalDate forecast = r.nextInt(4) == 0 ? planned.plusDays(r.nextInt(90)) : null;
				milestones.add(new Object[] { UUID.randomUUID(), p.id(), "Meilenstein " + i, planned, forecast, i == 2 });
			}
			risks.add(new Object[] { UUID.randomUUID(), p.id(), "Risiko", 1 + r.nextInt(5), 1 + r.nextInt(5) });
		}
		jdbc.batchUpdate("insert into monitoring_milestone (id, project_id, title, planned_date, forecast_date, "
				+ "completion, published, version) values (?, ?, ?, ?, ?, ?, false, 0)", milestones);
		jdbc.batchUpdate("insert into monitoring_risk (id, project_id, title, probability, impact, owner, status, "
				+ "version) values (?, ?, ?, ?, ?, 'Benchmark', 'OPEN', 0)", risks);
	}

	static String row(String name, long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
		return String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f |%n", name, pct(sorted, 50), pct(sorted, 95),
				pct(sorted, 99), mean);
	}

	static double pct(long[] sorted, int p) {
		int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
	}
}
