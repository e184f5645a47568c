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
	 * Moves a project in its lifecycle because a body with the right to decide has decided so; recorded with the
	 * decider's name and the comment. Fails with a RuleViolation if the lifecycle has no such step.
	 */
	ProjectSnapshot moveByDecision(UUID id, ProjectStatus target, String decidedBy, String comment);
}
