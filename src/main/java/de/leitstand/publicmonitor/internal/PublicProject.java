package de.leitstand.publicmonitor.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import de.leitstand.portfolio.AiRiskClass;
import de.leitstand.portfolio.ProjectStatus;

/**
 * A project as the public sees it: nothing but the fields released for the Digitalmonitor. The lead office is named
 * by the office, never by a person.
 *
 * @param progress percent complete from the latest status report, {@code null} if none is known
 */
public record PublicProject(java.util.UUID id, String key, String title, String summary, ProjectStatus status,
		LocalDate plannedStart, LocalDate plannedEnd, String officeCode, String officeName, boolean aiUsed,
		String aiPurpose, AiRiskClass aiRiskClass, Integer progress, Instant publishedAt, Instant updatedAt,
		List<Goal> goals, List<Milestone> milestones) {

	public PublicProject {
		goals = goals == null ? List.of() : List.copyOf(goals);
		milestones = milestones == null ? List.of() : List.copyOf(milestones);
	}

	/** Whether the project serves a goal of the field of action with this number. */
	public boolean serves(int fieldNumber) {
		return goals.stream().anyMatch(g -> g.fieldNumber() == fieldNumber);
	}

	/** Numbers of the fields of action the project serves, in order, without repeats. */
	public List<Integer> fieldNumbers() {
		return goals.stream().map(Goal::fieldNumber).distinct().sorted().toList();
	}

	public record Goal(String code, String title, int fieldNumber, String fieldName) {
	}

	public record Milestone(String title, LocalDate planned, LocalDate forecast, LocalDate actual) {
	}

	/** A feed entry: a project was published or its public fields changed. */
	public record Change(java.util.UUID id, String key, String kind, String title, String summary,
			Instant changedAt) {
	}
}
