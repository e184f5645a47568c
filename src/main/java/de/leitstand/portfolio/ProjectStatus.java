package de.leitstand.portfolio;

/** The lifecycle of a project (Idee → Eingereicht → In Bewertung → … → Abgeschlossen | Abgebrochen). */
public enum ProjectStatus {

	IDEA, SUBMITTED, IN_REVIEW, APPROVED, DEFERRED, REJECTED, IN_IMPLEMENTATION, COMPLETED, CANCELLED;

	/** Whether nothing follows this state. */
	public boolean isFinal() {
		return this == REJECTED || this == COMPLETED || this == CANCELLED;
	}
}
