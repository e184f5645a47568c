package de.leitstand.prioritization.internal.scoring;

/** The WiBe dimension a criteria group belongs to; QUALITATIVE and EXTERNAL feed the decision rule. */
public enum Dimension {
	ECONOMIC, URGENCY, QUALITATIVE, EXTERNAL, RISK
}
