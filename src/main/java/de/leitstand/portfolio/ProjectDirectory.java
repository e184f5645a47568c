package de.leitstand.portfolio;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The portfolio as other modules may use it: read-only snapshots, and lifecycle steps taken on the strength of a
 * decision made elsewhere (the steering board).
 *
 * <p><strong>Every read applies the one visibility rule for the signed-in user</strong> (the portfolio's
 * {@code ProjectPolicy}: an idea stays with its lead office and the portfolio office; everything else is visible to
 * everyone signed in). A project the user may not see is answered exactly like an unknown key: absent from
 * {@link #find}, {@link #findByKey}, {@link #findAll} and {@link #inStatus}. Without a signed-in user nothing is
 * returned. Callers therefore never check visibility themselves; where a record keeps a project that is no longer
 * visible (an agenda item, a stored run), they show the text they froze when they took it, or nothing of it.
 *
 * <p>The system's own work (scheduled jobs, event listeners without a user, commands, demo data) reads through
 * {@link #asSystem()}; what it returns is never shown to a user as it is.
 */
public interface ProjectDirectory {

	/** The project if it exists and the signed-in user may see it. */
	Optional<ProjectSnapshot> find(UUID id);

	/** The project by key (case-insensitive) if it exists and the signed-in user may see it. */
	Optional<ProjectSnapshot> findByKey(String key);

	/** The projects among the ids that exist and that the signed-in user may see. */
	List<ProjectSnapshot> findAll(Collection<UUID> ids);

	/** The projects in the given states that the signed-in user may see, ordered by key. */
	List<ProjectSnapshot> inStatus(Set<ProjectStatus> statuses);

	/** All projects released for the public Digitalmonitor, ordered by key (public to everyone, also anonymous). */
	List<ProjectSnapshot> published();

	/** Which of the given projects the signed-in user may see; unknown ids and everything without a user left out. */
	Set<UUID> visibleToCurrentUser(Collection<UUID> ids);

	/** Whether the signed-in user may see this project (see {@link #visibleToCurrentUser(Collection)}). */
	default boolean isVisibleToCurrentUser(UUID id) {
		return id != null && visibleToCurrentUser(Set.of(id)).contains(id);
	}

	/** Reads without a user, for the system's own work; see the class comment. */
	SystemReads asSystem();

	/**
	 * Moves a project in its lifecycle because a body with the right to decide has decided so; recorded with the
	 * decider's name and the comment. Fails with a RuleViolation if the lifecycle has no such step.
	 */
	ProjectSnapshot moveByDecision(UUID id, ProjectStatus target, String decidedBy, String comment);

	/** Every project regardless of who is signed in: for jobs, listeners, commands and demo data only. */
	interface SystemReads {

		Optional<ProjectSnapshot> find(UUID id);

		Optional<ProjectSnapshot> findByKey(String key);

		List<ProjectSnapshot> findAll(Collection<UUID> ids);

		List<ProjectSnapshot> inStatus(Set<ProjectStatus> statuses);
	}
}
