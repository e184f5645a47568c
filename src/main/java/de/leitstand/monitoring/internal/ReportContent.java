package de.leitstand.monitoring.internal;

import java.math.BigDecimal;
import java.util.Map;

import de.leitstand.monitoring.TrafficLight;

/** What a lead writes into a status report; checked by {@link MonitoringRules} before anything is stored. */
public record ReportContent(TrafficLight overall, TrafficLight scope, TrafficLight time, TrafficLight cost,
		TrafficLight risk, Integer progressPercent, String summary, String achievements, String nextSteps,
		String decisionNeeded, Map<Integer, BigDecimal> actualCosts) {
}
