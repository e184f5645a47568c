package de.leitstand.publicmonitor.web;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import de.leitstand.portfolio.AiRiskClass;
import de.leitstand.portfolio.ProjectStatus;
import de.leitstand.publicmonitor.internal.PublicCatalog;
import de.leitstand.publicmonitor.internal.PublicMonitorSettings;
import de.leitstand.publicmonitor.internal.PublicProject;
import de.leitstand.shared.NotFoundException;
import de.leitstand.strategy.StrategyCatalog;

/** The public Digitalmonitor's pages: no sign-in, only published fields, from the read model. */
@Controller
class MonitorController {

	static final String LIST = "publicmonitor/list";
	static final String PROJECT = "publicmonitor/project";
	static final String AI_REGISTER = "publicmonitor/ai-register";
	static final String OPEN_DATA = "publicmonitor/open-data";
	static final String ACCESSIBILITY = "publicmonitor/accessibility";

	/** Date the accessibility statement was prepared (BITV 2.0 / EU model statement). */
	static final String STATEMENT_DATE = "26.11.2026";

	private final PublicCatalog catalog;
	private final StrategyCatalog strategy;
	private final PublicMonitorSettings settings;

	MonitorController(PublicCatalog catalog, StrategyCatalog strategy, PublicMonitorSettings settings) {
		this.catalog = catalog;
		this.strategy = strategy;
		this.settings = settings;
	}

	/** A field of action with the number of published projects serving it and their average progress. */
	record FieldOverview(int number, String name, long count, Integer averageProgress) {
	}

	record Office(String code, String name) {
	}

	record Result(List<PublicProject> hits, int total, int page, int pages) {
	}

	@GetMapping("/monitor")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String field,
			@RequestParam(required = false) String status, @RequestParam(required = false) String office,
			@RequestParam(required = false) String ai, @RequestParam(required = false) String page, Model model) {
		PublicCatalog.Snapshot snapshot = catalog.current();
		List<FieldOverview> fields = strategy.activeFields().stream()
			.map(f -> overview(f.number(), f.name(), snapshot.projects()))
			.toList();
		List<Office> offices = snapshot.projects().stream()
			.filter(p -> p.officeCode() != null)
			.collect(Collectors.toMap(PublicProject::officeCode, PublicProject::officeName, (a, b) -> a, TreeMap::new))
			.entrySet().stream().map(e -> new Office(e.getKey(), e.getValue()))
			.sorted(Comparator.comparing(Office::name)).toList();
		MonitorQuery query = MonitorQuery.parse(q, field, status, office, ai, page,
				fields.stream().map(FieldOverview::number).collect(Collectors.toSet()),
				offices.stream().map(Office::code).collect(Collectors.toSet()));
		List<PublicProject> matching = snapshot.projects().stream().filter(query::matches).toList();
		int pages = Math.max(1, (matching.size() + MonitorQuery.PAGE_SIZE - 1) / MonitorQuery.PAGE_SIZE);
		int current = query.page();
		List<MonitorQuery.Notice> notices = new java.util.ArrayList<>(query.notices());
		if (current > pages) {
			notices.add(new MonitorQuery.Notice("monitor.notice.pageRange", String.valueOf(pages)));
			current = pages;
		}
		int from = (current - 1) * MonitorQuery.PAGE_SIZE;
		List<PublicProject> hits = matching.subList(Math.min(from, matching.size()),
				Math.min(from + MonitorQuery.PAGE_SIZE, matching.size()));
		model.addAttribute("fields", fields);
		model.addAttribute("offices", offices);
		model.addAttribute("statuses", Arrays.stream(ProjectStatus.values())
			.filter(s -> snapshot.projects().stream().anyMatch(p -> p.status() == s)).toList());
		model.addAttribute("query", query);
		model.addAttribute("notices", notices);
		model.addAttribute("queryString", query.queryString());
		model.addAttribute("result", new Result(hits, matching.size(), current, pages));
		model.addAttribute("totalPublished", snapshot.projects().size());
		model.addAttribute("totalProgress", average(snapshot.projects()));
		return LIST;
	}

	@GetMapping("/monitor/projects/{key}")
	String project(@PathVariable String key, Model model) {
		PublicProject project = catalog.current().project(key)
			.orElseThrow(() -> new NotFoundException("public project " + key));
		model.addAttribute("project", project);
		model.addAttribute("fieldNames", project.goals().stream()
			.collect(Collectors.toMap(PublicProject.Goal::fieldNumber, PublicProject.Goal::fieldName, (a, b) -> a,
					TreeMap::new)));
		return PROJECT;
	}

	@GetMapping("/monitor/ki-register")
	String aiRegister(Model model) {
		List<PublicProject> register = catalog.current().projects().stream().filter(PublicProject::aiUsed).toList();
		model.addAttribute("register", register);
		Map<AiRiskClass, Long> counts = register.stream()
			.filter(p -> p.aiRiskClass() != null)
			.collect(Collectors.groupingBy(PublicProject::aiRiskClass, () -> new java.util.EnumMap<>(AiRiskClass.class),
					Collectors.counting()));
		model.addAttribute("riskClasses", AiRiskClass.values());
		model.addAttribute("riskCounts", counts);
		return AI_REGISTER;
	}

	@GetMapping("/monitor/open-data")
	String openData(Model model) {
		PublicCatalog.Snapshot snapshot = catalog.current();
		model.addAttribute("count", snapshot.projects().size());
		model.addAttribute("columns", OpenDataController.CSV_COLUMNS);
		model.addAttribute("publisher", settings.publisher());
		return OPEN_DATA;
	}

	@GetMapping("/monitor/barrierefreiheit")
	String accessibility(Model model) {
		model.addAttribute("contact", settings.accessibilityContact());
		model.addAttribute("statementDate", STATEMENT_DATE);
		return ACCESSIBILITY;
	}

	static FieldOverview overview(int number, String name, List<PublicProject> projects) {
		List<PublicProject> serving = projects.stream().filter(p -> p.serves(number)).toList();
		return new FieldOverview(number, name, serving.size(), average(serving));
	}

	static Integer average(List<PublicProject> projects) {
		OptionalDouble avg = projects.stream().filter(p -> p.progress() != null).mapToInt(PublicProject::progress)
			.average();
		return avg.isPresent() ? (int) Math.round(avg.getAsDouble()) : null;
	}

	static Set<String> keys(List<PublicProject> projects) {
		return projects.stream().map(PublicProject::key).collect(Collectors.toSet());
	}
}
