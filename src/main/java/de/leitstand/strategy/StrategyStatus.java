package de.leitstand.strategy;

/** A strategy version is drafted, then activated (exactly one at a time), then archived by its successor. */
public enum StrategyStatus {
	DRAFT, ACTIVE, ARCHIVED
}
