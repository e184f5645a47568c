package de.leitstand.portfolio;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The portfolio as other modules may use it: read-only snapshots, and lifecycle steps taken on the strength of a
 * decision made elsewhere (the steering board). Visibility rules of the web pages do not apply here; callers
 * check their own users' rights.
 */
public interface ProjectDirectory {

	Optional<ProjectSnapshot> find(UUID id);

	Optional<ProjectSnapshot> findByKey(String key);

	List<ProjectSnapshot> findAll(Collection<UUID> ids);

	/** All projects in the given states, ordered by key. */
	List<ProjectSnapshot> inStatus(Set<ProjectStatus> statuses);

	/** All projects released for the public Digitalmonitor, ordered by key. */
	List<ProjectSnapshot> published();

	/**
	 * Which of the given projects the signed-in user may see, by the portfolio's own rule (an idea stays with its
	 * office, its author and the portfolio office; everything else is visible to everyone inside). Unknown ids and
	 * everything without a signed-in user are left out. For modules that show records of projects (monitoring):
	 * what the portfolio does not disclose, they must not disclose either (answer 404, leave the row out).
	 */
	Set<UUID> visibleToCurrentUser(Collection<UUID> ids);

	/** Whether the signed-in user may see this project (see {@link #visibleToCurrentUser(Collection)}). */
	default boolean isVisibleToCurrentUser(UUID id) {
		return id != null && visibleToCurrentUser(Set.of(id)).contains(id);
	}

	/**
	 * Moves a project in its lifecycle because a body with the right to decide has decided so; recorded with the
	 * decider's name and the comment. Fails with a RuleViolation if the lifecycle has no such step.
	 */
	ProjectSnapshot moveByDecision(UUID id, ProjectStatus target, String decidedBy, String comment);
}
