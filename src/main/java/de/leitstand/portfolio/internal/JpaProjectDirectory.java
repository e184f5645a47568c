package de.leitstand.portfolio.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.leitstand.organization.LeitstandUser;
import de.leitstand.portfolio.Contribution;
import de.leitstand.portfolio.ProjectDirectory;
import de.leitstand.portfolio.ProjectProfile;
import de.leitstand.portfolio.ProjectSnapshot;
import de.leitstand.portfolio.ProjectStatus;

@Service
@Transactional(readOnly = true)
class JpaProjectDirectory implements ProjectDirectory {

	/** The lazy collections {@link #snapshot(Project)} reads. */
	private static final List<String> SNAPSHOT_COLLECTIONS = List.of("participatingUnits", "costs", "efforts",
			"goalLinks", "bundleIds", "requires", "tags");

	private final ProjectService service;
	private final ProjectPolicy policy;
	private final EntityManager em;
	private final SystemReads system;

	JpaProjectDirectory(ProjectService service, ProjectPolicy policy, EntityManager em, SystemProjectReads system) {
		this.system = system;
		this.service = service;
		this.policy = policy;
		this.em = em;
	}

	@Override
	public Optional<ProjectSnapshot> find(UUID id) {
		return asSystem().find(id).filter(p -> readable(p.id()));
	}

	@Override
	public Optional<ProjectSnapshot> findByKey(String key) {
		return asSystem().findByKey(key).filter(p -> readable(p.id()));
	}

	@Override
	public List<ProjectSnapshot> findAll(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return asSystem().findAll(outsideRequest() ? ids : visibleToCurrentUser(ids));
	}

	@Override
	public List<ProjectSnapshot> inStatus(Set<ProjectStatus> statuses) {
		if (outsideRequest()) {
			return asSystem().inStatus(statuses);
		}
		return policy.bind(em.createQuery("select p from Project p where p.status in :s and " + policy.readable("p")
				+ " order by p.key", Project.class), LeitstandUser.current().orElse(null))
			.setParameter("s", statuses).getResultList().stream().map(JpaProjectDirectory::snapshot).toList();
	}

	@Override
	public SystemReads asSystem() {
		return system;
	}

	private boolean readable(UUID id) {
		return outsideRequest() || !visibleToCurrentUser(Set.of(id)).isEmpty();
	}

	/**
	 * Whether the code runs on behalf of the system: outside any request (start-up, scheduled jobs, listeners on their
	 * own threads, commands) there is no authentication at all. Every request carries one — a user or Spring
	 * Security's anonymous token — so nothing a request does reads as the system.
	 */
	private static boolean outsideRequest() {
		return SecurityContextHolder.getContext().getAuthentication() == null;
	}

	@Override
	public List<ProjectSnapshot> published() {
		List<Project> published = em
			.createQuery("select p from Project p where p.published = true order by p.key", Project.class)
			.getResultList();
		// A snapshot reads seven collections: loaded lazily, that is seven queries per project (70,000 for 10,000
		// published projects at the public monitor's first build). One fetch join per collection initialises it
		// for every managed project at once; one join per query keeps the rows from multiplying.
		for (String collection : SNAPSHOT_COLLECTIONS) {
			em.createQuery("select distinct p from Project p left join fetch p." + collection
					+ " where p.published = true", Project.class).getResultList();
		}
		return published.stream().map(JpaProjectDirectory::snapshot).toList();
	}

	@Override
	public Set<UUID> visibleToCurrentUser(Collection<UUID> ids) {
		LeitstandUser user = LeitstandUser.current().orElse(null);
		if (user == null || ids == null || ids.isEmpty()) {
			return Set.of();
		}
		List<UUID> all = new ArrayList<>(new HashSet<>(ids));
		all.remove(null);
		Set<UUID> visible = new HashSet<>();
		for (int from = 0; from < all.size(); from += 500) {
			List<UUID> chunk = all.subList(from, Math.min(all.size(), from + 500));
			// one light query per 500 ids, so that a dashboard of thousands of projects stays cheap
			visible.addAll(policy.bind(em.createQuery("select p.id from Project p where p.id in :ids and "
					+ policy.readable("p"), UUID.class), user).setParameter("ids", chunk).getResultList());
		}
		return visible;
	}

	@Override
	@Transactional
	public ProjectSnapshot moveByDecision(UUID id, ProjectStatus target, String decidedBy, String comment) {
		return snapshot(service.transitionByDecision(id, target, decidedBy, comment));
	}

	static ProjectSnapshot snapshot(Project p) {
		Map<UUID, Contribution> goals = new HashMap<>();
		Map<UUID, UUID> goalFields = new HashMap<>();
		p.getGoalLinks().forEach(g -> {
			goals.put(g.goalId(), g.contribution());
			goalFields.put(g.goalId(), g.fieldId());
		});
		return new ProjectSnapshot(p.getId(), p.getKey(), p.getTitle(), p.getShortDescription(), p.getStatus(),
				p.getType(), p.getLeadUnitId(), Set.copyOf(p.getParticipatingUnits()), p.getPlannedStart(),
				p.getPlannedEnd(),
				p.getCostsByYear().stream()
					.map(c -> new ProjectProfile.CostPlan(c.year(), c.investment(), c.running())).toList(),
				p.getEffortsByYear().stream()
					.map(e -> new ProjectProfile.EffortPlan(e.unitId(), e.year(), e.personDays())).toList(),
				goals, goalFields, Set.copyOf(p.getBundleIds()),
				p.getRequires().stream().map(Project::getId).collect(Collectors.toSet()), Set.copyOf(p.getTags()),
				p.isAiUsed(), p.getAiPurpose(), p.getAiRiskClass(), p.isPublished(), p.getPublicTitle(),
				p.getPublicSummary(), p.isExampleData(), p.getUpdatedAt(),
				p.getVersion() == null ? 0 : p.getVersion());
	}
}
