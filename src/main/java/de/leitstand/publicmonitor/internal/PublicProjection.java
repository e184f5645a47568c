package de.leitstand.publicmonitor.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import de.leitstand.monitoring.MonitoringFacts;
import de.leitstand.organization.OrgUnitDirectory;
import de.leitstand.organization.OrgUnitView;
import de.leitstand.portfolio.ProjectSnapshot;
import de.leitstand.strategy.StrategyCatalog;

/**
 * The one place where a project becomes public: it copies the fields released for the Digitalmonitor and nothing
 * else. Internal texts (title, description, problem, impact), costs, efforts, contact persons, funding, tags,
 * dependencies and status-report texts are never read here. Milestones count only if they are marked published;
 * progress is the bare percentage of the latest status report.
 */
@Component
class PublicProjection {

	private final OrgUnitDirectory units;
	private final StrategyCatalog strategy;
	private final ObjectProvider<MonitoringFacts> monitoring;

	PublicProjection(OrgUnitDirectory units, StrategyCatalog strategy, ObjectProvider<MonitoringFacts> monitoring) {
		this.units = units;
		this.strategy = strategy;
		this.monitoring = monitoring;
	}

	PublicProject project(ProjectSnapshot p, Integer progress) {
		return project(p, progress, lookups(List.of(p.id())));
	}

	/**
	 * Offices and goals looked up once per refresh, not once per project; the published milestones of all projects
	 * of the refresh loaded together up front.
	 */
	final class Lookups {

		private final Map<UUID, Optional<OrgUnitView>> offices = new java.util.HashMap<>();
		private final Map<UUID, Optional<StrategyCatalog.GoalSummary>> goals = new java.util.HashMap<>();
		private final Map<UUID, List<PublicProject.Milestone>> milestones;

		private Lookups(Map<UUID, List<PublicProject.Milestone>> milestones) {
			this.milestones = milestones;
		}

		Optional<OrgUnitView> office(UUID id) {
			return id == null ? Optional.empty() : offices.computeIfAbsent(id, units::find);
		}

		Optional<StrategyCatalog.GoalSummary> goal(UUID id) {
			return goals.computeIfAbsent(id, strategy::goal);
		}

		List<PublicProject.Milestone> milestones(UUID projectId) {
			return milestones.getOrDefault(projectId, List.of());
		}
	}

	/** Lookups for a refresh of these projects. */
	Lookups lookups(Collection<UUID> projectIds) {
		MonitoringFacts facts = monitoring.getIfAvailable();
		if (facts == null || projectIds.isEmpty()) {
			return new Lookups(Map.of());
		}
		Map<UUID, List<PublicProject.Milestone>> published = new java.util.HashMap<>();
		facts.milestonesOf(projectIds).forEach((id, all) -> {
			List<PublicProject.Milestone> shown = all.stream()
				.filter(MonitoringFacts.MilestoneView::published)
				.map(m -> new PublicProject.Milestone(m.title(), m.planned(), m.forecast(), m.actual()))
				.sorted(MILESTONE_ORDER)
				.toList();
			if (!shown.isEmpty()) {
				published.put(id, shown);
			}
		});
		return new Lookups(published);
	}

	/**
	 * By planned date, and milestones planned for the same day by their public content, so that the order (and with
	 * it the fingerprint) never depends on the order the database happens to return them in.
	 */
	private static final Comparator<PublicProject.Milestone> MILESTONE_ORDER = Comparator
		.comparing(PublicProject.Milestone::planned)
		.thenComparing(PublicProject.Milestone::title)
		.thenComparing(PublicProject.Milestone::forecast, Comparator.nullsFirst(Comparator.naturalOrder()))
		.thenComparing(PublicProject.Milestone::actual, Comparator.nullsFirst(Comparator.naturalOrder()));

	PublicProject project(ProjectSnapshot p, Integer progress, Lookups lookups) {
		Optional<OrgUnitView> office = lookups.office(p.leadUnitId());
		List<PublicProject.Goal> goals = p.goals().keySet().stream()
			.map(lookups::goal)
			.flatMap(Optional::stream)
			.map(g -> new PublicProject.Goal(g.code(), g.title(), g.fieldNumber(), g.fieldName()))
			.sorted(Comparator.comparing(PublicProject.Goal::fieldNumber).thenComparing(PublicProject.Goal::code))
			.toList();
		return new PublicProject(p.id(), p.key(), p.publicTitle().strip(), p.publicSummary().strip(), p.status(),
				p.plannedStart(), p.plannedEnd(), office.map(OrgUnitView::code).orElse(null),
				office.map(OrgUnitView::name).orElse(null), p.aiUsed(), p.aiUsed() ? p.aiPurpose() : null,
				p.aiUsed() ? p.aiRiskClass() : null, progress, null, null, goals, lookups.milestones(p.id()));
	}

	/** Whether a snapshot may be shown at all: published, with the public title and summary filled in. */
	static boolean isPublic(ProjectSnapshot p) {
		return p.published() && p.publicTitle() != null && !p.publicTitle().isBlank() && p.publicSummary() != null
				&& !p.publicSummary().isBlank();
	}

	/** Progress in percent per project from the newest submitted status report; empty without monitoring. */
	Map<UUID, Integer> progress() {
		MonitoringFacts facts = monitoring.getIfAvailable();
		if (facts == null) {
			return Map.of();
		}
		Map<UUID, Integer> progress = new java.util.HashMap<>();
		for (MonitoringFacts.CycleSummary cycle : facts.cycles()) {
			facts.cycle(cycle.id()).ifPresent(report -> report.reports()
				.forEach(r -> progress.putIfAbsent(r.projectId(), Math.max(0, Math.min(100, r.progressPercent())))));
		}
		return progress;
	}

	/** Progress in percent of one project's newest submitted status report; null if unknown. */
	Integer progressOf(UUID projectId) {
		MonitoringFacts facts = monitoring.getIfAvailable();
		if (facts == null) {
			return null;
		}
		java.util.OptionalInt progress = facts.latestProgress(projectId);
		return progress.isPresent() ? progress.getAsInt() : null;
	}

	/** A fingerprint of the public fields, so that a change to internal fields alone leaves no trace in public. */
	static String fingerprint(PublicProject p) {
		String text = String.join("\u001f", p.key(), p.title(), p.summary(), p.status().name(),
				Objects.toString(p.plannedStart()), Objects.toString(p.plannedEnd()), Objects.toString(p.officeCode()),
				Objects.toString(p.officeName()), Boolean.toString(p.aiUsed()), Objects.toString(p.aiPurpose()),
				Objects.toString(p.aiRiskClass()), Objects.toString(p.progress()), p.goals().toString(),
				p.milestones().toString());
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	static Instant now() {
		return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
	}
}
