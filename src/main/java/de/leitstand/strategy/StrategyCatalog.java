package de.leitstand.strategy;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Read access to the active strategy for other modules (portfolio links, dashboards, public monitor).
 */
public interface StrategyCatalog {

	/** Fields of action of the active strategy with their goals and bundles, in order. */
	List<FieldSummary> activeFields();

	Optional<GoalSummary> goal(UUID goalId);

	Optional<BundleSummary> bundle(UUID bundleId);

	record FieldSummary(UUID id, int number, String name, List<GoalSummary> goals, List<BundleSummary> bundles) {
	}

	record GoalSummary(UUID id, String code, String title, UUID fieldId, int fieldNumber, String fieldName,
			List<KpiSummary> kpis) {
	}

	record BundleSummary(UUID id, String code, String title, UUID fieldId, List<UUID> goalIds) {
	}

	record KpiSummary(UUID id, String name, String unit, java.math.BigDecimal baselineValue,
			java.time.LocalDate baselineDate, java.math.BigDecimal targetValue, java.time.LocalDate targetDate,
			KpiDirection direction) {
	}
}
