package de.leitstand.prioritization.internal.board;

/** Planned (agenda in preparation), open (decisions being recorded), closed (decisions sealed in the hash chain). */
public enum MeetingStatus {
	PLANNED, OPEN, CLOSED
}
