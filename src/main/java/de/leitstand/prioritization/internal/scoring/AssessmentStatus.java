package de.leitstand.prioritization.internal.scoring;

/** An evaluator's assessment of one proposal: assigned (possibly with saved draft ratings), then submitted. */
public enum AssessmentStatus {
	ASSIGNED, SUBMITTED
}
