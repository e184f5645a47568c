package de.leitstand.monitoring.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import de.leitstand.monitoring.TrafficLight;
import de.leitstand.monitoring.internal.Dashboard;
import de.leitstand.monitoring.internal.Milestone;
import de.leitstand.monitoring.internal.MonitoringService;
import de.leitstand.monitoring.internal.ProjectVisibility;
import de.leitstand.monitoring.internal.ReportContent;
import de.leitstand.monitoring.internal.ReportSlot;
import de.leitstand.monitoring.internal.ReportingCycle;
import de.leitstand.monitoring.internal.Risk;
import de.leitstand.monitoring.internal.StatusReport;
import de.leitstand.portfolio.ProjectSnapshot;
import de.leitstand.shared.web.ApiController;

/**
 * Reporting cycles, status reports, milestones, risks and the dashboard figures as JSON. Records of a project the
 * caller may not see in the portfolio (another office's draft) are not disclosed: 404, or left out of lists.
 */
@ApiController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Monitoring", description = "Reporting cycles, status reports, milestones, risks, dashboard figures")
@SecurityRequirement(name = "basic")
class MonitoringApiController {

	private final MonitoringService service;
	private final Dashboard dashboard;
	private final ProjectVisibility visibility;

	MonitoringApiController(MonitoringService service, Dashboard dashboard, ProjectVisibility visibility) {
		this.service = service;
		this.dashboard = dashboard;
		this.visibility = visibility;
	}

	record CycleJson(UUID id, String label, ReportingCycle.Cadence cadence, LocalDate periodEnd, LocalDate dueDate,
			boolean closed) {

		static CycleJson of(ReportingCycle c) {
			return new CycleJson(c.getId(), c.getLabel(), c.getCadence(), c.getPeriodEnd(), c.getDueDate(),
					c.isClosed());
		}
	}

	record NewCycle(String label, ReportingCycle.Cadence cadence, LocalDate periodEnd, LocalDate dueDate) {
	}

	record ReportJson(UUID id, UUID cycleId, String projectKey, int reportVersion, StatusReport.State state,
			TrafficLight overall, TrafficLight scope, TrafficLight time, TrafficLight cost, TrafficLight risk,
			int progressPercent, String summary, String achievements, String nextSteps, String decisionNeeded,
			Map<Integer, BigDecimal> actualCosts, Instant submittedAt, Long version) {

		static ReportJson of(StatusReport r, String key) {
			return new ReportJson(r.getId(), r.getCycleId(), key, r.getReportVersion(), r.getState(), r.getOverall(),
					r.getScope(), r.getTime(), r.getCost(), r.getRisk(), r.getProgressPercent(), r.getSummary(),
					r.getAchievements(), r.getNextSteps(), r.getDecisionNeeded(), r.getActualCostsByYear(),
					r.getSubmittedAt(), r.getVersion());
		}
	}

	/**
	 * A report to save. {@code version}: the version of the draft the client read (its {@code version}), or -1 if
	 * there was no draft; a draft changed, started or submitted by someone else since then answers 409. Without
	 * it the draft is saved whatever happened meanwhile.
	 */
	record NewReport(UUID cycleId, TrafficLight overall, TrafficLight scope, TrafficLight time, TrafficLight cost,
			TrafficLight risk, Integer progressPercent, String summary, String achievements, String nextSteps,
			String decisionNeeded, Map<Integer, BigDecimal> actualCosts, Boolean submit, Long version) {

		ReportContent content() {
			return new ReportContent(overall, scope, time, cost, risk, progressPercent, summary, achievements,
					nextSteps, decisionNeeded, actualCosts);
		}
	}

	record SlotJson(String projectKey, UUID projectId, boolean submitted, boolean late, boolean overdue,
			ReportJson report) {
	}

	record MilestoneJson(UUID id, String title, LocalDate planned, LocalDate forecast, LocalDate actual,
			long slippageDays, boolean completion, boolean published, Long version) {

		static MilestoneJson of(Milestone m) {
			return new MilestoneJson(m.getId(), m.getTitle(), m.getPlanned(), m.getForecast(), m.getActual(),
					m.slippageDays(), m.isCompletion(), m.isPublished(), m.getVersion());
		}
	}

	record MilestoneInput(String title, LocalDate planned, LocalDate forecast, LocalDate actual, Boolean completion,
			Boolean published, Long version) {

		boolean isCompletion() {
			return Boolean.TRUE.equals(completion);
		}

		boolean isPublished() {
			return Boolean.TRUE.equals(published);
		}
	}

	record RiskJson(UUID id, String title, int probability, int impact, int score, String owner, String mitigation,
			Risk.Status status) {

		static RiskJson of(Risk r) {
			return new RiskJson(r.getId(), r.getTitle(), r.getProbability(), r.getImpact(), r.score(), r.getOwner(),
					r.getMitigation(), r.getStatus());
		}
	}

	record RiskInput(String title, Integer probability, Integer impact, String owner, String mitigation) {
	}

	@GetMapping("/cycles")
	@Operation(summary = "Reporting cycles, newest first")
	List<CycleJson> cycles() {
		return service.cycles().stream().map(CycleJson::of).toList();
	}

	@PostMapping(path = "/cycles", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Open a cycle (portfolio office): every project in implementation owes a report; leads are mailed")
	CycleJson open(@RequestBody NewCycle body) {
		return CycleJson.of(service.openCycle(body.label(), body.cadence(), body.periodEnd(), body.dueDate()));
	}

	@PostMapping("/cycles/{id}/close")
	@Operation(summary = "Close a cycle (portfolio office); afterwards no report can be saved in it")
	CycleJson close(@PathVariable UUID id) {
		service.closeCycle(id, service.cycle(id).getVersion());
		return CycleJson.of(service.cycle(id));
	}

	@GetMapping("/cycles/{id}/reports")
	@Operation(summary = "Every expected report of a cycle with the submitted version that counts")
	List<SlotJson> cycleReports(@PathVariable UUID id) {
		ReportingCycle cycle = service.cycle(id);
		List<ReportSlot> slots = visibility.filter(service.slotsOf(id), ReportSlot::getProjectId);
		Map<UUID, StatusReport> current = service.currentReports(slots);
		return slots.stream().map(s -> {
			StatusReport r = current.get(s.getId());
			return new SlotJson(s.getProjectKey(), s.getProjectId(), r != null, service.isLate(cycle, s),
					service.isOverdue(cycle, s), r == null ? null : ReportJson.of(r, s.getProjectKey()));
		}).toList();
	}

	@GetMapping("/projects/{key}/reports")
	@Operation(summary = "All report versions of a project, by cycle, newest version first")
	List<ReportJson> reports(@PathVariable String key) {
		ProjectSnapshot p = project(key);
		return service.slotsOfProject(p.id()).stream().flatMap(s -> service.versions(s.getId()).stream())
			.map(r -> ReportJson.of(r, p.key())).toList();
	}

	@PostMapping(path = "/projects/{key}/reports", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Save a draft (or the correction n+1) and, with submit=true, submit it (frozen)",
			description = "Send \"version\": the draft's version as read (-1: there was no draft) to be told of a "
					+ "parallel change (409) instead of overwriting it.")
	ReportJson report(@PathVariable String key, @RequestBody NewReport body) {
		ProjectSnapshot p = project(key);
		StatusReport r = Boolean.TRUE.equals(body.submit())
				? service.submit(body.cycleId(), p, body.content(), body.version())
				: service.saveDraft(body.cycleId(), p, body.content(), body.version());
		return ReportJson.of(r, p.key());
	}

	@GetMapping("/projects/{key}/milestones")
	@Operation(summary = "Milestones with slippage in days")
	List<MilestoneJson> milestones(@PathVariable String key) {
		return service.milestonesOf(project(key).id()).stream().map(MilestoneJson::of).toList();
	}

	@PostMapping(path = "/projects/{key}/milestones", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a milestone")
	MilestoneJson addMilestone(@PathVariable String key, @RequestBody MilestoneInput in) {
		return MilestoneJson.of(service.saveMilestone(project(key), null, null, in.title(), in.planned(),
				in.forecast(), in.actual(), in.isCompletion(), in.isPublished()));
	}

	@PutMapping(path = "/projects/{key}/milestones/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Change a milestone (forecast, actual); dependents are re-assessed at once")
	MilestoneJson changeMilestone(@PathVariable String key, @PathVariable UUID id, @RequestBody MilestoneInput in) {
		return MilestoneJson.of(service.saveMilestone(project(key), id, in.version(), in.title(), in.planned(),
				in.forecast(), in.actual(), in.isCompletion(), in.isPublished()));
	}

	@GetMapping("/projects/{key}/risks")
	@Operation(summary = "Risks with probability × impact")
	List<RiskJson> risks(@PathVariable String key) {
		return service.risksOf(project(key).id()).stream().map(RiskJson::of).toList();
	}

	@PostMapping(path = "/projects/{key}/risks", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a risk")
	RiskJson addRisk(@PathVariable String key, @RequestBody RiskInput in) {
		return RiskJson.of(service.addRisk(project(key), in.title(), in.probability(), in.impact(), in.owner(),
				in.mitigation()));
	}

	record DashboardJson(CycleJson cycle, int expected, int submitted, int late, int overdue, int green, int yellow,
			int red, List<Dashboard.Group> byField, List<Dashboard.Group> byUnit, List<Dashboard.YearBudget> budget,
			int milestonesDue, int milestonesOverdue, List<Dashboard.RiskRow> topRisks, int escalations,
			int endangeredByDependency) {
	}

	@GetMapping("/dashboard")
	@Operation(summary = "Portfolio-health figures of a cycle (default: the newest)")
	DashboardJson dashboard(@RequestParam(required = false) UUID cycle) {
		Dashboard.Figures f = dashboard.figures(cycle);
		return new DashboardJson(f.cycle() == null ? null : CycleJson.of(f.cycle()), f.expected(), f.submitted(),
				f.late(), f.overdue(), f.green(), f.yellow(), f.red(), f.byField(), f.byUnit(), f.budget(),
				f.milestonesDue(), f.milestonesOverdue(), f.topRisks(), f.escalations(), f.endangered());
	}

	private ProjectSnapshot project(String key) {
		return visibility.require(key);
	}
}
