package de.leitstand.portfolio;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A read-only copy of a project for other modules (prioritisation, monitoring, public monitor, reporting).
 * Internal and public texts are separate fields; the public monitor must use only the public ones.
 *
 * @param requires the projects this one depends on, by id
 */
public record ProjectSnapshot(UUID id, String key, String title, String shortDescription, ProjectStatus status,
		ProjectType type, UUID leadUnitId, Set<UUID> participatingUnits, LocalDate plannedStart,
		LocalDate plannedEnd, List<ProjectProfile.CostPlan> costs, List<ProjectProfile.EffortPlan> efforts,
		Map<UUID, Contribution> goals, Map<UUID, UUID> goalFields, Set<UUID> bundles, Set<UUID> requires,
		Set<String> tags, boolean aiUsed, String aiPurpose, AiRiskClass aiRiskClass, boolean published,
		String publicTitle, String publicSummary, boolean exampleData, Instant updatedAt, long version) {

	/** Planned cost (investment + running) in one year, 0 if none. */
	public java.math.BigDecimal costIn(int year) {
		return costs.stream().filter(c -> c.year() == year).map(c -> c.investment().add(c.running()))
			.reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
	}
}
