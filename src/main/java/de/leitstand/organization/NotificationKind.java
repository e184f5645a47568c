package de.leitstand.organization;

/** Kinds of e-mail Leitstand sends; each user chooses which kinds they want. */
public enum NotificationKind {
	/** Reporting reminders before and after a due date. */
	REMINDER,
	/** Decisions of the steering board on one's projects. */
	DECISION,
	/** Escalations and projects at risk through a dependency. */
	ESCALATION,
	/** Invitations to board meetings (with a calendar entry). */
	INVITATION
}
