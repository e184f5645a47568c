package de.leitstand.monitoring.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.leitstand.portfolio.ProjectSnapshot;
import de.leitstand.portfolio.ProjectStatus;

/**
 * Coordination across offices: a project in implementation is "gefährdet durch Abhängigkeit" when a project it
 * requires is expected to finish after the dependent's planned start. Computed from the current milestones on
 * every read, so a changed forecast shows at once.
 */
@Service
@Transactional(readOnly = true)
public class DependencyAnalysis {

	private final ProjectCache projects;
	private final JdbcTemplate jdbc;

	DependencyAnalysis(ProjectCache projects, JdbcTemplate jdbc) {
		this.projects = projects;
		this.jdbc = jdbc;
	}

	/** An edge dependent ← prerequisite: when the dependent needs it and when the prerequisite is expected. */
	public record Edge(ProjectSnapshot dependent, ProjectSnapshot prerequisite, LocalDate neededBy,
			LocalDate expected, boolean late) {
	}

	/** The graph of projects in implementation and their prerequisites, with the endangered projects' chains. */
	public record Graph(List<ProjectSnapshot> nodes, List<Edge> edges, Map<UUID, List<List<ProjectSnapshot>>> chains) {

		public boolean endangered(UUID projectId) {
			return chains.containsKey(projectId);
		}
	}

	public Graph graph() {
		Map<UUID, ProjectSnapshot> active = projects.inImplementation();
		Set<UUID> prerequisiteIds = new HashSet<>();
		active.values().forEach(p -> prerequisiteIds.addAll(p.requires()));
		Map<UUID, ProjectSnapshot> all = new LinkedHashMap<>(active);
		prerequisiteIds.removeAll(active.keySet());
		all.putAll(projects.findAll(prerequisiteIds));
		Map<UUID, LocalDate> completion = completionDates(all.values());
		List<Edge> edges = new ArrayList<>();
		Map<UUID, List<Edge>> byDependent = new HashMap<>();
		for (ProjectSnapshot d : active.values()) {
			for (UUID pid : d.requires()) {
				ProjectSnapshot p = all.get(pid);
				if (p == null) {
					continue;
				}
				LocalDate expected = completion.get(pid);
				boolean late = p.status() != ProjectStatus.COMPLETED && d.plannedStart() != null && expected != null
						&& expected.isAfter(d.plannedStart());
				Edge edge = new Edge(d, p, d.plannedStart(), expected, late);
				edges.add(edge);
				byDependent.computeIfAbsent(d.id(), k -> new ArrayList<>()).add(edge);
			}
		}
		Map<UUID, List<List<ProjectSnapshot>>> chains = new LinkedHashMap<>();
		for (ProjectSnapshot d : active.values()) {
			List<List<ProjectSnapshot>> found = new ArrayList<>();
			walk(d, byDependent, new ArrayList<>(List.of(d)), false, found);
			if (!found.isEmpty()) {
				chains.put(d.id(), found);
			}
		}
		List<ProjectSnapshot> nodes = all.values().stream()
			.filter(p -> active.containsKey(p.id()) || prerequisiteIds.contains(p.id()) || byDependent.containsKey(p.id()))
			.toList();
		return new Graph(nodes, edges, chains);
	}

	/** Chains D ← P ← Q … that contain at least one late edge, ending at the last late prerequisite. */
	private void walk(ProjectSnapshot current, Map<UUID, List<Edge>> byDependent, List<ProjectSnapshot> path,
			boolean anyLate, List<List<ProjectSnapshot>> found) {
		boolean extended = false;
		for (Edge e : byDependent.getOrDefault(current.id(), List.of())) {
			if (path.contains(e.prerequisite())) {
				continue;
			}
			if (e.late() || hasLateBelow(e.prerequisite(), byDependent, new HashSet<>())) {
				path.add(e.prerequisite());
				walk(e.prerequisite(), byDependent, path, anyLate || e.late(), found);
				path.remove(path.size() - 1);
				extended = true;
			}
		}
		if (!extended && anyLate && path.size() > 1) {
			found.add(List.copyOf(path));
		}
	}

	private boolean hasLateBelow(ProjectSnapshot p, Map<UUID, List<Edge>> byDependent, Set<UUID> seen) {
		if (!seen.add(p.id())) {
			return false;
		}
		for (Edge e : byDependent.getOrDefault(p.id(), List.of())) {
			if (e.late() || hasLateBelow(e.prerequisite(), byDependent, seen)) {
				return true;
			}
		}
		return false;
	}

	/** When a project is expected to be done: its completion milestone's date, else its planned end. */
	Map<UUID, LocalDate> completionDates(Collection<ProjectSnapshot> of) {
		Map<UUID, LocalDate> dates = new HashMap<>();
		Set<UUID> ids = new HashSet<>();
		of.forEach(p -> ids.add(p.id()));
		of.forEach(p -> {
			if (p.plannedEnd() != null) {
				dates.put(p.id(), p.plannedEnd());
			}
		});
		// One query for all completion milestones: cheaper than loading entities per project on every dashboard.
		jdbc.query("select project_id, coalesce(actual_date, forecast_date, planned_date) from monitoring_milestone "
				+ "where completion = true", rs -> {
					UUID id = rs.getObject(1, UUID.class);
					if (ids.contains(id)) {
						dates.put(id, rs.getObject(2, LocalDate.class));
					}
				});
		return dates;
	}
}
