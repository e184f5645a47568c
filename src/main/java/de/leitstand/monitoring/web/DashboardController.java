package de.leitstand.monitoring.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import tools.jackson.databind.json.JsonMapper;

import de.leitstand.monitoring.internal.Dashboard;
import de.leitstand.monitoring.internal.DependencyAnalysis;
import de.leitstand.monitoring.internal.Milestone;
import de.leitstand.monitoring.internal.MonitoringService;
import de.leitstand.monitoring.internal.ProjectCache;
import de.leitstand.monitoring.internal.ProjectVisibility;
import de.leitstand.portfolio.ProjectSnapshot;

/**
 * Portfolio health, the roadmap and the dependency graph. Charts get their data as JSON in {@code data-chart}
 * attributes (no inline script); every chart has a table beside it.
 */
@Controller
class DashboardController {

	static final String DASHBOARD = "monitoring/dashboard";
	static final String ROADMAP = "monitoring/roadmap";
	static final String GRAPH = "monitoring/dependencies";

	private final Dashboard dashboard;
	private final DependencyAnalysis dependencies;
	private final ProjectCache projects;
	private final MonitoringService service;
	private final JsonMapper json;
	private final MessageSource messages;
	private final ProjectVisibility visibility;

	DashboardController(Dashboard dashboard, DependencyAnalysis dependencies, ProjectCache projects,
			MonitoringService service, JsonMapper json, MessageSource messages, ProjectVisibility visibility) {
		this.dashboard = dashboard;
		this.dependencies = dependencies;
		this.projects = projects;
		this.service = service;
		this.json = json;
		this.messages = messages;
		this.visibility = visibility;
	}

	private String msg(String key) {
		return messages.getMessage(key, null, LocaleContextHolder.getLocale());
	}

	@GetMapping("/monitoring/dashboard")
	String dashboard(@RequestParam(required = false) UUID cycle, Model model) {
		Dashboard.Figures f = dashboard.figures(cycle);
		model.addAttribute("f", f);
		model.addAttribute("cycles", dashboard.cycles());
		model.addAttribute("fieldChart", json.writeValueAsString(stacked(f.byField())));
		model.addAttribute("unitChart", json.writeValueAsString(stacked(f.byUnit())));
		Map<String, Object> budget = new LinkedHashMap<>();
		budget.put("type", "bars");
		budget.put("categories", f.budget().stream().map(b -> String.valueOf(b.year())).toList());
		budget.put("series", List.of(
				Map.of("name", msg("dashboard.budget.plan"), "data", f.budget().stream().map(Dashboard.YearBudget::plan).toList()),
				Map.of("name", msg("dashboard.budget.actual"), "data", f.budget().stream().map(Dashboard.YearBudget::actual).toList())));
		model.addAttribute("budgetChart", json.writeValueAsString(budget));
		return DASHBOARD;
	}

	private Map<String, Object> stacked(List<Dashboard.Group> groups) {
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("type", "stacked");
		chart.put("categories", groups.stream().map(Dashboard.Group::label).toList());
		chart.put("series", List.of(
				Map.of("name", msg("light.GREEN"), "light", "GREEN", "data", groups.stream().map(Dashboard.Group::green).toList()),
				Map.of("name", msg("light.YELLOW"), "light", "YELLOW", "data", groups.stream().map(Dashboard.Group::yellow).toList()),
				Map.of("name", msg("light.RED"), "light", "RED", "data", groups.stream().map(Dashboard.Group::red).toList()),
				Map.of("name", msg("light.NONE"), "light", "NONE", "data", groups.stream().map(Dashboard.Group::none).toList())));
		return chart;
	}

	/** A project bar with its milestones, for the roadmap. */
	record RoadmapRow(ProjectSnapshot project, List<Milestone> milestones) {
	}

	@GetMapping("/monitoring/roadmap")
	String roadmap(Model model) {
		List<RoadmapRow> rows = new ArrayList<>();
		Map<UUID, ProjectSnapshot> active = projects.inImplementation();
		Map<UUID, List<Milestone>> byProject = new HashMap<>();
		for (ProjectSnapshot p : active.values()) {
			if (p.plannedStart() != null && p.plannedEnd() != null) {
				List<Milestone> ms = service.milestonesOf(p.id());
				rows.add(new RoadmapRow(p, ms));
				byProject.put(p.id(), ms);
			}
		}
		List<Map<String, Object>> bars = new ArrayList<>();
		for (RoadmapRow row : rows) {
			Map<String, Object> bar = new LinkedHashMap<>();
			bar.put("key", row.project().key());
			bar.put("start", row.project().plannedStart().toString());
			bar.put("end", row.project().plannedEnd().toString());
			bar.put("href", "/monitoring/projects/" + row.project().key());
			bar.put("milestones", row.milestones().stream().map(m -> Map.of("title", m.getTitle(), "date",
					m.expected().toString(), "slipped", m.slippageDays() > 0)).toList());
			bars.add(bar);
		}
		model.addAttribute("rows", rows);
		model.addAttribute("roadmapChart", json.writeValueAsString(Map.of("type", "roadmap", "bars", bars,
				"milestoneLabel", msg("roadmap.milestone"))));
		return ROADMAP;
	}

	@GetMapping("/monitoring/dependencies")
	String graph(Model model) {
		DependencyAnalysis.Graph all = dependencies.graph();
		// Prerequisites may be drafts of another office: not shown to those who may not see them in the portfolio.
		java.util.Set<UUID> visible = visibility.visible(all.nodes().stream().map(ProjectSnapshot::id).toList());
		Map<UUID, List<List<ProjectSnapshot>>> chains = new LinkedHashMap<>();
		all.chains().forEach((dependent, found) -> {
			List<List<ProjectSnapshot>> shown = found.stream()
				.filter(c -> c.stream().allMatch(x -> visible.contains(x.id()))).toList();
			if (visible.contains(dependent) && !shown.isEmpty()) {
				chains.put(dependent, shown);
			}
		});
		DependencyAnalysis.Graph graph = new DependencyAnalysis.Graph(
				all.nodes().stream().filter(p -> visible.contains(p.id())).toList(),
				all.edges().stream().filter(e -> visible.contains(e.dependent().id())
						&& visible.contains(e.prerequisite().id())).toList(),
				chains);
		List<Map<String, Object>> nodes = graph.nodes().stream().map(p -> {
			Map<String, Object> n = new LinkedHashMap<>();
			n.put("id", p.key());
			n.put("name", p.key());
			n.put("endangered", graph.endangered(p.id()));
			return n;
		}).toList();
		List<Map<String, Object>> links = graph.edges().stream().map(e -> {
			Map<String, Object> l = new LinkedHashMap<>();
			l.put("source", e.prerequisite().key());
			l.put("target", e.dependent().key());
			l.put("late", e.late());
			return l;
		}).toList();
		model.addAttribute("graph", graph);
		model.addAttribute("graphChart", json.writeValueAsString(Map.of("type", "graph", "nodes", nodes, "links",
				links, "lateLabel", msg("dependency.late"))));
		return GRAPH;
	}
}
