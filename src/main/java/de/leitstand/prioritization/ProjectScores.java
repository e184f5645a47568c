package de.leitstand.prioritization;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Scores of assessed proposals under the active scoring model, for other modules. A project counts as assessed once
 * at least one evaluator has submitted a rating. Callers check their own users' rights.
 */
public interface ProjectScores {

	/** The score of one project, empty if it has no submitted assessment under the active model. */
	Optional<ScoreSummary> scoreOf(UUID projectId);

	/** All assessed projects, best first. */
	List<ScoreSummary> ranking();
}
