package de.leitstand.strategy;

/** Whether a KPI improves as it rises or as it falls. */
public enum KpiDirection {
	HIGHER_IS_BETTER, LOWER_IS_BETTER
}
