package de.leitstand.prioritization.internal.board;

import de.leitstand.portfolio.ProjectStatus;

/** A board decision: freigegeben, freigegeben mit Auflagen, zurückgestellt, abgelehnt; and where it moves a project. */
public enum Outcome {

	APPROVED(ProjectStatus.APPROVED), APPROVED_WITH_CONDITIONS(ProjectStatus.APPROVED),
	DEFERRED(ProjectStatus.DEFERRED), REJECTED(ProjectStatus.REJECTED);

	private final ProjectStatus target;

	Outcome(ProjectStatus target) {
		this.target = target;
	}

	public ProjectStatus target() {
		return target;
	}
}
