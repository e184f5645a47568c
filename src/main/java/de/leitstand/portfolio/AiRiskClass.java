package de.leitstand.portfolio;

/** Risk classes of the EU AI Act (Regulation (EU) 2024/1689). */
public enum AiRiskClass {
	MINIMAL, LIMITED, HIGH, UNACCEPTABLE
}
