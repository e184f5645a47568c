package de.leitstand.prioritization;

import java.math.BigDecimal;

import de.leitstand.portfolio.ProjectSnapshot;

/**
 * The value of a candidate project for portfolio optimisation (0–100). The default rates the project's goal links
 * (hoch 3, mittel 2, gering 1, summed ×10, capped at 100); the scoring model replaces it by declaring its own bean
 * (mark it {@code @Primary}).
 */
public interface CandidateValues {

	BigDecimal valueOf(ProjectSnapshot project);

	/** Message key naming where the values come from, shown beside them. */
	String basisKey();
}
