package de.leitstand.portfolio.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.leitstand.organization.LeitstandUser;
import de.leitstand.portfolio.ProjectChanged;
import de.leitstand.portfolio.ProjectProfile;
import de.leitstand.portfolio.ProjectStatus;
import de.leitstand.portfolio.ProjectStatusChanged;
import de.leitstand.shared.InvalidInput;
import de.leitstand.shared.NotFoundException;
import de.leitstand.shared.RuleViolation;
import de.leitstand.shared.StaleVersionException;

/**
 * Creates and changes projects. Every method checks who is asking ({@link ProjectPolicy}); the web layer's URL
 * rules are only a first line.
 */
@Service
@Transactional
public class ProjectService {

	private final Projects projects;
	private final ProjectTransitions transitions;
	private final ProfileRules rules;
	private final ProjectPolicy policy;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	ProjectService(Projects projects, ProjectTransitions transitions, ProfileRules rules, ProjectPolicy policy,
			ApplicationEventPublisher events, java.util.Optional<Clock> clock) {
		this.projects = projects;
		this.transitions = transitions;
		this.rules = rules;
		this.policy = policy;
		this.events = events;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	@Transactional(readOnly = true)
	public Project get(UUID id) {
		Project project = projects.findById(id).orElseThrow(() -> new NotFoundException("project " + id));
		if (!policy.canRead(user(), project)) {
			// A draft of another office is not disclosed, not even its existence.
			throw new NotFoundException("project " + id);
		}
		return project;
	}

	@Transactional(readOnly = true)
	public Project byKey(String key) {
		Project project = projects.findByKeyIgnoreCase(key).orElseThrow(() -> new NotFoundException(key));
		return get(project.getId());
	}

	@Transactional(readOnly = true)
	public List<ProjectTransition> transitionsOf(UUID id) {
		get(id);
		return transitions.findAllByProjectIdOrderByAtDesc(id);
	}

	/** Projects that need this one (its dependents), as far as the user may see them. */
	@Transactional(readOnly = true)
	public List<Project> dependentsOf(UUID id) {
		return policy.readable(user(), projects.findAllRequiring(id));
	}

	/** Projects this one needs (its prerequisites), as far as the user may see them, by key. */
	@Transactional(readOnly = true)
	public List<Project> prerequisitesOf(Project project) {
		return policy.readable(user(), project.getRequires().stream()
			.sorted(java.util.Comparator.comparing(Project::getKey)).toList());
	}

	public boolean canEdit(Project project) {
		return policy.canEdit(user(), project);
	}

	public List<Lifecycle> stepsFor(Project project) {
		LeitstandUser user = user();
		return Lifecycle.from(project.getStatus()).stream().filter(s -> policy.canTake(user, project, s)).toList();
	}

	/** Registers a new project as an idea (draft) of its lead office. */
	public Project create(ProjectProfile profile) {
		LeitstandUser user = user();
		if (!policy.canCreate(user)) {
			throw new AccessDeniedException("may not create projects");
		}
		if (!user.has(de.leitstand.organization.Role.PORTFOLIO_MANAGER) && profile.leadUnitId() != null
				&& !user.actsFor(profile.leadUnitId())) {
			throw InvalidInput.of("leadUnitId", "project.error.foreignLead");
		}
		Map<UUID, UUID> fields = rules.check(profile);
		Instant now = clock.instant();
		Project project = new Project(nextKey(), profile.title(), profile.shortDescription(), profile.type(),
				profile.leadUnitId(), user.username(), now);
		apply(project, profile, fields);
		projects.save(project);
		events.publishEvent(new ProjectChanged(project.getId(), project.getKey(), project.isPublished()));
		return project;
	}

	/** Changes the profile; refuses a stale version instead of overwriting someone else's change. */
	public Project update(UUID id, long expectedVersion, ProjectProfile profile) {
		Project project = projects.findById(id).orElseThrow(() -> new NotFoundException("project " + id));
		LeitstandUser user = user();
		if (!policy.canRead(user, project)) {
			throw new NotFoundException("project " + id);
		}
		if (!policy.canEdit(user, project)) {
			throw new AccessDeniedException("may not edit " + project.getKey());
		}
		StaleVersionException.require(project.getVersion(), expectedVersion);
		if (!user.has(de.leitstand.organization.Role.PORTFOLIO_MANAGER)
				&& !project.getLeadUnitId().equals(profile.leadUnitId())) {
			throw InvalidInput.of("leadUnitId", "project.error.foreignLead");
		}
		Map<UUID, UUID> fields = rules.check(profile);
		apply(project, profile, fields);
		project.touch(clock.instant());
		events.publishEvent(new ProjectChanged(project.getId(), project.getKey(), project.isPublished()));
		return project;
	}

	/** Takes a lifecycle step, recorded with who, when and why. */
	public Project transition(UUID id, long expectedVersion, ProjectStatus target, String comment) {
		Project project = projects.findById(id).orElseThrow(() -> new NotFoundException("project " + id));
		LeitstandUser user = user();
		if (!policy.canRead(user, project)) {
			throw new NotFoundException("project " + id);
		}
		Lifecycle step = Lifecycle.step(project.getStatus(), target);
		if (step == null) {
			throw new RuleViolation("project.error.transition", "status", project.getStatus(), target);
		}
		if (!policy.canTake(user, project, step)) {
			throw new AccessDeniedException("may not take " + step + " on " + project.getKey());
		}
		StaleVersionException.require(project.getVersion(), expectedVersion);
		if (comment != null && comment.length() > 2000) {
			throw InvalidInput.of("comment", "validation.size.max.n", 2000);
		}
		de.leitstand.shared.validation.PlainText.Validator.require("comment", comment);
		return record(project, target, user.username(), comment);
	}

	/**
	 * Takes a lifecycle step on behalf of a decision made elsewhere (the board); the caller has checked the
	 * decision maker's rights.
	 */
	public Project transitionByDecision(UUID id, ProjectStatus target, String by, String comment) {
		Project project = projects.findById(id).orElseThrow(() -> new NotFoundException("project " + id));
		if (!Lifecycle.allows(project.getStatus(), target)) {
			throw new RuleViolation("project.error.transition", "status", project.getStatus(), target);
		}
		return record(project, target, by, comment);
	}

	private Project record(Project project, ProjectStatus target, String by, String comment) {
		Instant now = clock.instant();
		ProjectStatus from = project.moveTo(target, now);
		transitions.save(new ProjectTransition(project.getId(), from, target, now, by, comment));
		events.publishEvent(new ProjectStatusChanged(project.getId(), project.getKey(), from, target, by));
		events.publishEvent(new ProjectChanged(project.getId(), project.getKey(), project.isPublished()));
		return project;
	}

	void apply(Project project, ProjectProfile p, Map<UUID, UUID> goalFields) {
		project.describe(p.title().trim(), p.shortDescription().trim(), p.problem(), p.expectedImpact(), p.type());
		project.organise(p.leadUnitId(), p.participatingUnits(), p.contactName(), p.contactEmail());
		project.schedule(p.plannedStart(), p.plannedEnd());
		project.plan(p.costs().stream().map(c -> new CostLine(c.year(), c.investment(), c.running())).toList(),
				p.efforts().stream().map(e -> new EffortLine(e.unitId(), e.year(), e.personDays())).toList());
		project.finance(p.fundingProgramme(), p.fundingShare());
		project.link(p.goals().entrySet().stream()
			.map(e -> new GoalLink(e.getKey(), goalFields.get(e.getKey()), e.getValue()))
			.toList(), p.bundles());
		project.offer(p.onlineServices().stream()
			.map(s -> new OnlineServiceLink(s.leikaKey(), s.name().trim(), s.model(), s.currentLevel(),
					s.targetLevel()))
			.toList());
		project.tag(p.tags().stream().map(String::trim).toList());
		project.useAi(p.aiUsed(), p.aiPurpose(), p.aiRiskClass());
		project.require(prerequisites(project, p.requires()));
		project.publish(p.published(), p.publicTitle(), p.publicSummary());
	}

	/**
	 * The prerequisites named by key. A key the user may not see is refused exactly like an unknown key; links the
	 * project already has to projects the user may not see (a prerequisite withdrawn to an idea since) are kept,
	 * because the user could neither see nor name them.
	 */
	private List<Project> prerequisites(Project project, Set<String> keys) {
		// Without a user the system is at work (demo data, the generate command): it names what it means.
		LeitstandUser user = LeitstandUser.current().orElse(null);
		List<Project> kept = user == null ? List.of()
				: project.getRequires().stream().filter(r -> !policy.canRead(user, r)).toList();
		if (keys.isEmpty()) {
			return kept;
		}
		List<Project> named = projects.findAllByKeyIn(keys.stream().map(String::toUpperCase).toList());
		List<Project> required = new java.util.ArrayList<>(user == null ? named : policy.readable(user, named));
		if (required.size() != keys.size()) {
			Set<String> found = new HashSet<>();
			required.forEach(r -> found.add(r.getKey().toUpperCase()));
			String missing = keys.stream().filter(k -> !found.contains(k.toUpperCase())).sorted().findFirst()
				.orElse("");
			throw InvalidInput.of("requires", "project.error.unknownProject", missing);
		}
		for (Project r : required) {
			if (r.getId().equals(project.getId())) {
				throw InvalidInput.of("requires", "project.error.selfDependency");
			}
			List<String> cycle = pathBack(r, project.getId(), user);
			if (cycle != null) {
				throw InvalidInput.of("requires", "project.error.cycle",
						project.getKey() + " → " + String.join(" → ", cycle) + " → " + project.getKey());
			}
		}
		kept.stream().filter(k -> !required.contains(k)).forEach(required::add);
		return required;
	}

	/** The chain of keys from start to the target project through "requires" links, or null if none. */
	/** Keys of projects the user may not see stay out of the message ("…"). */
	private static List<String> pathBack(Project start, UUID target, LeitstandUser user) {
		Deque<List<Project>> queue = new ArrayDeque<>();
		queue.add(List.of(start));
		Set<UUID> seen = new HashSet<>();
		while (!queue.isEmpty()) {
			List<Project> path = queue.poll();
			Project last = path.get(path.size() - 1);
			for (Project next : last.getRequires()) {
				if (next.getId().equals(target)) {
					return path.stream().map(p -> user == null || ProjectPolicy.mayRead(user, p) ? p.getKey() : "…")
						.toList();
				}
				if (seen.add(next.getId())) {
					List<Project> longer = new java.util.ArrayList<>(path);
					longer.add(next);
					queue.add(longer);
				}
			}
		}
		return null;
	}

	private String nextKey() {
		return String.format("P-%04d", projects.nextNumber());
	}

	private static LeitstandUser user() {
		return LeitstandUser.current().orElseThrow(() -> new AccessDeniedException("not signed in"));
	}
}
