package de.leitstand.monitoring.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.leitstand.monitoring.TrafficLight;
import de.leitstand.monitoring.internal.Dashboard;
import de.leitstand.monitoring.internal.DependencyAnalysis;
import de.leitstand.monitoring.internal.Milestone;
import de.leitstand.monitoring.internal.MonitoringService;
import de.leitstand.monitoring.internal.ProjectVisibility;
import de.leitstand.monitoring.internal.ReportSlot;
import de.leitstand.monitoring.internal.ReportingCycle;
import de.leitstand.monitoring.internal.Risk;
import de.leitstand.monitoring.internal.StatusReport;
import de.leitstand.organization.OrgUnitDirectory;
import de.leitstand.organization.OrgUnitView;
import de.leitstand.portfolio.ProjectSnapshot;
import de.leitstand.shared.InvalidInput;
import de.leitstand.shared.StaleVersionException;
import de.leitstand.shared.web.ConflictPage;

/**
 * The monitoring pages: cycles, report forms, a project's milestones, risks and issues, drill-down lists. A project
 * the user may not see in the portfolio (another office's draft) answers 404 here too; lists leave its rows out.
 */
@Controller
class MonitoringController {

	static final String CYCLES = "monitoring/cycles";
	static final String CYCLE = "monitoring/cycle";
	static final String PROJECT = "monitoring/project";
	static final String REPORT = "monitoring/report";
	static final String REPORTS = "monitoring/reports";
	static final String MILESTONES = "monitoring/milestones";
	static final String RISKS = "monitoring/risks";

	private final MonitoringService service;
	private final Dashboard dashboard;
	private final DependencyAnalysis dependencies;
	private final OrgUnitDirectory units;
	private final ProjectVisibility visibility;

	MonitoringController(MonitoringService service, Dashboard dashboard, DependencyAnalysis dependencies,
			OrgUnitDirectory units, ProjectVisibility visibility) {
		this.service = service;
		this.dashboard = dashboard;
		this.dependencies = dependencies;
		this.units = units;
		this.visibility = visibility;
	}

	@InitBinder
	void binder(WebDataBinder binder) {
		binder.setDisallowedFields("id", "version");
	}

	@GetMapping("/monitoring/cycles")
	String cycles(Model model) {
		List<ReportingCycle> all = service.cycles();
		Map<UUID, int[]> counts = new HashMap<>();
		for (ReportingCycle c : all) {
			List<ReportSlot> slots = service.slotsOf(c.getId());
			counts.put(c.getId(), new int[] { slots.size(),
					(int) slots.stream().filter(s -> s.getCurrentReportId() != null).count() });
		}
		model.addAttribute("cycles", all);
		model.addAttribute("counts", counts);
		model.addAttribute("mayManage", MonitoringService.mayManageCycles());
		model.addAttribute("today", service.today());
		return CYCLES;
	}

	@PostMapping("/monitoring/cycles")
	String open(@RequestParam(defaultValue = "") String label, @RequestParam(defaultValue = "") String cadence,
			@RequestParam(defaultValue = "") String periodEnd, @RequestParam(defaultValue = "") String dueDate,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		if (!MonitoringService.mayManageCycles()) {
			throw new AccessDeniedException("only the portfolio office opens cycles");
		}
		List<InvalidInput.Problem> unreadable = new ArrayList<>();
		ReportingCycle.Cadence cadenceValue = FormValues.cadence(cadence, unreadable);
		LocalDate periodEndDate = FormValues.date("periodEnd", periodEnd, unreadable);
		LocalDate dueDateValue = FormValues.date("dueDate", dueDate, unreadable);
		try {
			if (!unreadable.isEmpty()) {
				service.checkCycle(label, cadenceValue, periodEndDate, dueDateValue);
				throw new InvalidInput(unreadable);
			}
			ReportingCycle cycle = service.openCycle(label, cadenceValue, periodEndDate, dueDateValue);
			redirect.addFlashAttribute("success", "cycle.opened");
			return "redirect:/monitoring/cycles/" + cycle.getId();
		}
		catch (InvalidInput invalid) {
			response.setStatus(422);
			model.addAttribute("problems", FieldProblem.of(unreadable, invalid, "", ""));
			model.addAttribute("label", label);
			model.addAttribute("cadence", cadenceValue);
			model.addAttribute("periodEnd", periodEnd);
			model.addAttribute("dueDate", dueDate);
			return cycles(model);
		}
	}

	@GetMapping("/monitoring/cycles/{id}")
	String cycle(@PathVariable UUID id, Model model) {
		ReportingCycle cycle = service.cycle(id);
		model.addAttribute("cycle", cycle);
		model.addAttribute("rows", dashboard.rows(cycle));
		model.addAttribute("mayManage", MonitoringService.mayManageCycles());
		return CYCLE;
	}

	@PostMapping("/monitoring/cycles/{id}/close")
	String close(@PathVariable UUID id, @RequestParam long version, RedirectAttributes redirect) {
		service.closeCycle(id, version);
		redirect.addFlashAttribute("success", "cycle.closedMessage");
		return "redirect:/monitoring/cycles/" + id;
	}

	@GetMapping("/monitoring/reports")
	String reports(@RequestParam(required = false) UUID cycle, @RequestParam(required = false) TrafficLight light,
			@RequestParam(required = false) String unit, @RequestParam(required = false) String field,
			@RequestParam(required = false) String filter, Model model) {
		ReportingCycle c = dashboard.cycleOrLatest(cycle);
		List<Dashboard.Row> rows = c == null ? List.of() : dashboard.rows(c).stream()
			.filter(r -> unit == null || r.unitId().toString().equals(unit))
			.filter(r -> field == null || r.fields().stream().anyMatch(f -> f.toString().equals(field)))
			.filter(r -> light == null || light == r.light())
			.filter(r -> !"none".equals(filter) || r.light() == null)
			.filter(r -> !"late".equals(filter) || r.late())
			.filter(r -> !"overdue".equals(filter) || r.overdue())
			.filter(r -> !"submitted".equals(filter) || r.light() != null)
			.filter(r -> !"escalation".equals(filter) || r.decisionNeeded() != null)
			.toList();
		model.addAttribute("cycle", c);
		model.addAttribute("rows", rows);
		model.addAttribute("light", light);
		model.addAttribute("filter", filter);
		return REPORTS;
	}

	@GetMapping("/monitoring/milestones")
	String milestones(@RequestParam(defaultValue = "due") String filter, Model model) {
		model.addAttribute("overdue", "overdue".equals(filter));
		model.addAttribute("rows", dashboard.milestones("overdue".equals(filter)));
		return MILESTONES;
	}

	@GetMapping("/monitoring/risks")
	String risks(@RequestParam(required = false) Integer probability, @RequestParam(required = false) Integer impact,
			Model model) {
		model.addAttribute("rows", dashboard.topRisks(500, probability, impact));
		model.addAttribute("probability", probability);
		model.addAttribute("impact", impact);
		return RISKS;
	}

	// --- a project's monitoring page ---

	@GetMapping("/monitoring/projects/{key}")
	String project(@PathVariable String key, Model model) {
		ProjectSnapshot p = project(key);
		showProject(p, model);
		return PROJECT;
	}

	private void showProject(ProjectSnapshot p, Model model) {
		model.addAttribute("project", p);
		model.addAttribute("unitName", units.find(p.leadUnitId()).map(OrgUnitView::displayName).orElse(""));
		model.addAttribute("mayReport", MonitoringService.mayReport(p));
		List<ReportSlot> slots = service.slotsOfProject(p.id());
		Map<UUID, ReportingCycle> cycles = new HashMap<>();
		slots.forEach(s -> cycles.put(s.getCycleId(), service.cycle(s.getCycleId())));
		model.addAttribute("slots", slots);
		model.addAttribute("slotCycles", cycles);
		model.addAttribute("currentReports", service.currentReports(slots));
		model.addAttribute("milestones", service.milestonesOf(p.id()));
		List<Risk> risks = service.risksOf(p.id());
		model.addAttribute("risks", risks);
		int[][] matrix = new int[6][6];
		risks.stream().filter(r -> r.getStatus() == Risk.Status.OPEN).forEach(r -> matrix[r.getProbability()][r.getImpact()]++);
		model.addAttribute("matrix", matrix);
		model.addAttribute("scale", List.of(5, 4, 3, 2, 1));
		model.addAttribute("impacts", List.of(1, 2, 3, 4, 5));
		model.addAttribute("issues", service.issuesOf(p.id()));
		DependencyAnalysis.Graph graph = dependencies.graph();
		List<List<ProjectSnapshot>> chains = graph.chains().getOrDefault(p.id(), List.of());
		java.util.Set<UUID> visible = visibility.visible(chains.stream().flatMap(List::stream)
			.map(ProjectSnapshot::id).toList());
		// a chain through a project the user may not see is not shown (it would name that project)
		model.addAttribute("chains", chains.stream()
			.filter(c -> c.stream().allMatch(x -> visible.contains(x.id()))).toList());
		model.addAttribute("today", service.today());
		if (!model.containsAttribute("problems")) {
			model.addAttribute("problems", Map.of());
		}
	}

	@PostMapping("/monitoring/projects/{key}/milestones")
	String saveMilestone(@PathVariable String key, @RequestParam(required = false) UUID milestoneId,
			@RequestParam(required = false) Long milestoneVersion, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String planned, @RequestParam(defaultValue = "") String forecast,
			@RequestParam(defaultValue = "") String actual, @RequestParam(defaultValue = "false") boolean completion,
			@RequestParam(defaultValue = "false") boolean published, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		ProjectSnapshot p = reportable(key);
		List<InvalidInput.Problem> unreadable = new ArrayList<>();
		LocalDate plannedDate = FormValues.date("planned", planned, unreadable);
		LocalDate forecastDate = FormValues.date("forecast", forecast, unreadable);
		LocalDate actualDate = FormValues.date("actual", actual, unreadable);
		try {
			if (!unreadable.isEmpty()) {
				// Name every broken rule, not only the unreadable dates; but store nothing.
				service.checkMilestone(title, plannedDate, forecastDate, actualDate);
				throw new InvalidInput(unreadable);
			}
			service.saveMilestone(p, milestoneId, milestoneVersion, title, plannedDate, forecastDate, actualDate,
					completion, published);
			redirect.addFlashAttribute("success", "milestone.saved");
			return "redirect:/monitoring/projects/" + p.key() + "#milestones";
		}
		catch (InvalidInput invalid) {
			response.setStatus(422);
			model.addAttribute("problems", FieldProblem.of(unreadable, invalid, "", ""));
			Map<String, Object> form = new HashMap<>();
			form.put("milestoneId", milestoneId == null ? "" : milestoneId.toString());
			form.put("title", title);
			form.put("planned", planned);
			form.put("forecast", forecast);
			form.put("actual", actual);
			form.put("completion", completion);
			form.put("published", published);
			model.addAttribute("msForm", form);
			showProject(p, model);
			return PROJECT;
		}
	}

	@PostMapping("/monitoring/projects/{key}/risks")
	String addRisk(@PathVariable String key, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String probability, @RequestParam(defaultValue = "") String impact,
			@RequestParam(defaultValue = "") String owner, @RequestParam(defaultValue = "") String mitigation,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		ProjectSnapshot p = reportable(key);
		List<InvalidInput.Problem> unreadable = new ArrayList<>();
		Integer probabilityValue = FormValues.scale("probability", probability, unreadable);
		Integer impactValue = FormValues.scale("impact", impact, unreadable);
		try {
			if (!unreadable.isEmpty()) {
				service.checkRisk(title, probabilityValue == null ? 1 : probabilityValue,
						impactValue == null ? 1 : impactValue, owner, mitigation);
				throw new InvalidInput(unreadable);
			}
			service.addRisk(p, title, probabilityValue, impactValue, owner, mitigation);
			redirect.addFlashAttribute("success", "risk.saved");
			return "redirect:/monitoring/projects/" + p.key() + "#risks";
		}
		catch (InvalidInput invalid) {
			response.setStatus(422);
			model.addAttribute("problems", FieldProblem.of(unreadable, invalid, "risk.", "risk"));
			model.addAttribute("riskForm", Map.of("title", title, "probability", probability, "impact", impact,
					"owner", owner, "mitigation", mitigation));
			showProject(p, model);
			return PROJECT;
		}
	}

	@PostMapping("/monitoring/projects/{key}/risks/{id}/close")
	String closeRisk(@PathVariable String key, @PathVariable UUID id, RedirectAttributes redirect) {
		service.closeRisk(project(key), id);
		return "redirect:/monitoring/projects/" + key + "#risks";
	}

	@PostMapping("/monitoring/projects/{key}/issues")
	String addIssue(@PathVariable String key, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String owner, @RequestParam(defaultValue = "") String due, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		ProjectSnapshot p = reportable(key);
		List<InvalidInput.Problem> unreadable = new ArrayList<>();
		LocalDate dueDate = FormValues.date("due", due, unreadable);
		try {
			if (!unreadable.isEmpty()) {
				service.checkIssue(title, owner);
				throw new InvalidInput(unreadable);
			}
			service.addIssue(p, title, owner, dueDate);
			return "redirect:/monitoring/projects/" + p.key() + "#issues";
		}
		catch (InvalidInput invalid) {
			response.setStatus(422);
			model.addAttribute("problems", FieldProblem.of(unreadable, invalid, "issue.", "issue"));
			model.addAttribute("issueForm", Map.of("title", title, "owner", owner, "due", due));
			showProject(p, model);
			return PROJECT;
		}
	}

	@PostMapping("/monitoring/projects/{key}/issues/{id}/close")
	String closeIssue(@PathVariable String key, @PathVariable UUID id) {
		service.closeIssue(project(key), id);
		return "redirect:/monitoring/projects/" + key + "#issues";
	}

	// --- the report form ---

	@GetMapping("/monitoring/projects/{key}/reports/{cycleId}")
	String report(@PathVariable String key, @PathVariable UUID cycleId, Model model) {
		ProjectSnapshot p = project(key);
		ReportSlot slot = service.slot(cycleId, p.id());
		List<StatusReport> versions = service.versions(slot.getId());
		StatusReport latest = versions.isEmpty() ? null : versions.get(0);
		model.addAttribute("form", ReportForm.of(latest == null ? null : latest.content(), years(p, latest)));
		showReport(p, service.cycle(cycleId), slot, versions, model);
		return REPORT;
	}

	private List<Integer> years(ProjectSnapshot p, StatusReport latest) {
		TreeSet<Integer> years = new TreeSet<>();
		p.costs().forEach(c -> years.add(c.year()));
		if (latest != null) {
			years.addAll(latest.getActualCostsByYear().keySet());
		}
		if (years.isEmpty()) {
			years.add(service.today().getYear());
		}
		return new ArrayList<>(years);
	}

	private void showReport(ProjectSnapshot p, ReportingCycle cycle, ReportSlot slot, List<StatusReport> versions,
			Model model) {
		model.addAttribute("project", p);
		model.addAttribute("cycle", cycle);
		model.addAttribute("slot", slot);
		model.addAttribute("versions", versions);
		StatusReport draft = !versions.isEmpty() && versions.get(0).isDraft() ? versions.get(0) : null;
		model.addAttribute("draft", draft);
		if (!model.containsAttribute("baseVersion")) {
			// the version the form starts from; a redisplayed form keeps the one the user started from
			model.addAttribute("baseVersion", draft == null ? null : draft.getVersion());
		}
		model.addAttribute("mayReport", MonitoringService.mayReport(p) && !cycle.isClosed());
		model.addAttribute("late", service.isLate(cycle, slot));
		model.addAttribute("lights", Arrays.stream(TrafficLight.values())
			.map(l -> new de.leitstand.shared.web.Option(l.name(), l.name())).toList());
	}

	/**
	 * Saves or submits the report. {@code version} is the draft's version the form was filled from (none: the form
	 * started without a draft); if someone saved, started or submitted the report meanwhile, the conflict page shows
	 * both versions and keeps this user's input.
	 */
	@PostMapping("/monitoring/projects/{key}/reports/{cycleId}")
	String saveReport(@PathVariable String key, @PathVariable UUID cycleId,
			@ModelAttribute("form") ReportForm form, BindingResult result,
			@RequestParam(defaultValue = "save") String action, @RequestParam(required = false) Long version,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		ProjectSnapshot p = project(key);
		long expected = version == null ? MonitoringService.NEW_DRAFT : version;
		if (!result.hasErrors()) {
			try {
				if ("submit".equals(action)) {
					service.submit(cycleId, p, form.content(), expected);
					redirect.addFlashAttribute("success", "report.submittedMessage");
				}
				else {
					service.saveDraft(cycleId, p, form.content(), expected);
					redirect.addFlashAttribute("success", "report.savedMessage");
				}
				return "redirect:/monitoring/projects/" + p.key() + "/reports/" + cycleId;
			}
			catch (StaleVersionException | ObjectOptimisticLockingFailureException conflict) {
				return reportConflict(p, cycleId, form, model, response);
			}
			catch (InvalidInput invalid) {
				for (InvalidInput.Problem problem : invalid.problems()) {
					String field = switch (problem.field()) {
						case "actualCosts", "cycle" -> null;
						default -> problem.field();
					};
					if (field == null) {
						result.reject(problem.messageKey(), problem.args(), problem.messageKey());
					}
					else {
						result.rejectValue(field, problem.messageKey(), problem.args(), problem.messageKey());
					}
				}
			}
		}
		response.setStatus(422);
		// The form is shown again with the input even where a submitted version would hide it.
		model.addAttribute("rejected", true);
		ReportSlot slot = service.slot(cycleId, p.id());
		model.addAttribute("baseVersion", version);
		showReport(p, service.cycle(cycleId), slot, service.versions(slot.getId()), model);
		return REPORT;
	}

	private String reportConflict(ProjectSnapshot p, UUID cycleId, ReportForm mine, Model model,
			HttpServletResponse response) {
		ReportSlot slot = service.slot(cycleId, p.id());
		List<StatusReport> versions = service.versions(slot.getId());
		StatusReport latest = versions.isEmpty() ? null : versions.get(0);
		long current = latest != null && latest.isDraft() ? latest.getVersion() : MonitoringService.NEW_DRAFT;
		String form = "/monitoring/projects/" + p.key() + "/reports/" + cycleId;
		response.setStatus(HttpServletResponse.SC_CONFLICT);
		return ConflictPage.show(model, mine, ReportForm.of(latest == null ? null : latest.content(),
				mine.getCostYears()), current, form, form);
	}

	/** A stale version anywhere else on these pages (closing a cycle, a milestone): the conflict message. */
	@ExceptionHandler(StaleVersionException.class)
	String stale(HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_CONFLICT);
		return "error/409";
	}

	@PostMapping("/monitoring/projects/{key}/reports/{cycleId}/correction")
	String correction(@PathVariable String key, @PathVariable UUID cycleId, RedirectAttributes redirect) {
		service.correct(cycleId, project(key));
		redirect.addFlashAttribute("success", "report.correctionStarted");
		return "redirect:/monitoring/projects/" + key + "/reports/" + cycleId;
	}

	private ProjectSnapshot project(String key) {
		return visibility.require(key);
	}

	/** The project, if the signed-in user may report on it: refused before any input is looked at. */
	private ProjectSnapshot reportable(String key) {
		ProjectSnapshot p = project(key);
		if (!MonitoringService.mayReport(p)) {
			throw new AccessDeniedException("may not report on " + p.key());
		}
		return p;
	}
}
