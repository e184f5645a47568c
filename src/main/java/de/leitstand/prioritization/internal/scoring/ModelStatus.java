package de.leitstand.prioritization.internal.scoring;

/** A scoring model version is edited as a draft, used while active (exactly one), then archived. */
public enum ModelStatus {
	DRAFT, ACTIVE, ARCHIVED
}
