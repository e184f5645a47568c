package de.leitstand.prioritization.internal.scoring;

/** How a derived criterion is computed (see {@link Wibe}). */
public enum Derivation {
	/** From the net present value of the cost and benefit plans. */
	ECONOMIC_VALUE,
	/** From the project's goal links and their contribution levels. */
	STRATEGIC_VALUE
}
