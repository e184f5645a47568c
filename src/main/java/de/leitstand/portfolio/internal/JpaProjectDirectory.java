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

	private final Projects projects;
	private final ProjectService service;
	private final ProjectPolicy policy;
	private final EntityManager em;

	JpaProjectDirectory(Projects projects, ProjectService service, ProjectPolicy policy, EntityManager em) {
		this.projects = projects;
		this.service = service;
		this.policy = policy;
		this.em = em;
	}

	@Override
	public Optional<ProjectSnapshot> find(UUID id) {
		return id == null ? Optional.empty() : projects.findById(id).map(JpaProjectDirectory::snapshot);
	}

	@Override
	public Optional<ProjectSnapshot> findByKey(String key) {
		return key == null ? Optional.empty() : projects.findByKeyIgnoreCase(key.trim()).map(JpaProjectDirectory::snapshot);
	}

	@Override
	public List<ProjectSnapshot> findAll(Collection<UUID> ids) {
		return projects.findAllById(ids).stream().map(JpaProjectDirectory::snapshot).toList();
	}

	@Override
	public List<ProjectSnapshot> inStatus(Set<ProjectStatus> statuses) {
		return em.createQuery("select p from Project p where p.status in :s order by p.key", Project.class)
			.setParameter("s", statuses).getResultList().stream().map(JpaProjectDirectory::snapshot).toList();
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
			// Only ideas are restricted (ProjectPolicy.canRead); they are loaded and checked one by one, the rest
			// by id only, so that a dashboard of thousands of projects stays one light query per 500.
			visible.addAll(em.createQuery("select p.id from Project p where p.id in :ids and p.status <> :idea",
					UUID.class).setParameter("ids", chunk).setParameter("idea", ProjectStatus.IDEA).getResultList());
			em.createQuery("select p from Project p where p.id in :ids and p.status = :idea", Project.class)
				.setParameter("ids", chunk).setParameter("idea", ProjectStatus.IDEA)
				.getResultList().stream().filter(p -> policy.canRead(user, p)).forEach(p -> visible.add(p.getId()));
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
