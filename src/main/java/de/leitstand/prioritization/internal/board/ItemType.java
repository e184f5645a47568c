package de.leitstand.prioritization.internal.board;

/** What an agenda item is about: a proposal (project), a portfolio scenario, or a note without decision target. */
public enum ItemType {
	PROPOSAL, SCENARIO, NOTE
}
