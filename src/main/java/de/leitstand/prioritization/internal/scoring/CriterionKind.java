package de.leitstand.prioritization.internal.scoring;

/** Rated by evaluators on a scale, or derived from the project's own data. */
public enum CriterionKind {
	RATED, DERIVED
}
