package de.leitstand.prioritization.internal.scenario;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import de.leitstand.prioritization.internal.optimizer.OptimizationResult;
import de.leitstand.prioritization.internal.optimizer.PortfolioOptimizer.FrontierPoint;

/**
 * What a run stores: the optimiser's result, the efficient frontier, the project titles and the limits as they
 * were, so the result page shows the run even after the scenario changed.
 */
public record RunResult(OptimizationResult result, List<FrontierPoint> frontier, Map<String, String> titles,
		double timeLimitSeconds, String valueBasisKey) {

	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	String toJson() {
		return JSON.writeValueAsString(this);
	}

	static RunResult fromJson(String json) {
		return JSON.readValue(json, RunResult.class);
	}
}
