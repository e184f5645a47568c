package de.leitstand.portfolio;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Everything that describes a project (its Steckbrief) as one value: what the intake form, the XLSX import and
 * the API hand to the portfolio. Lifecycle state is not part of it; that changes only through transitions.
 *
 * @param requires keys of the projects this one depends on (e.g. "P-0007")
 */
public record ProjectProfile(String title, String shortDescription, String problem, String expectedImpact,
		ProjectType type, UUID leadUnitId, Set<UUID> participatingUnits, String contactName, String contactEmail,
		LocalDate plannedStart, LocalDate plannedEnd, List<CostPlan> costs, List<EffortPlan> efforts,
		String fundingProgramme, BigDecimal fundingShare, Map<UUID, Contribution> goals, Set<UUID> bundles,
		List<OnlineService> onlineServices, Set<String> tags, boolean aiUsed, String aiPurpose,
		AiRiskClass aiRiskClass, Set<String> requires, boolean published, String publicTitle,
		String publicSummary) {

	public ProjectProfile {
		participatingUnits = participatingUnits == null ? Set.of() : Set.copyOf(participatingUnits);
		costs = costs == null ? List.of() : List.copyOf(costs);
		efforts = efforts == null ? List.of() : List.copyOf(efforts);
		goals = goals == null ? Map.of() : Map.copyOf(goals);
		bundles = bundles == null ? Set.of() : Set.copyOf(bundles);
		onlineServices = onlineServices == null ? List.of() : List.copyOf(onlineServices);
		tags = tags == null ? Set.of() : Set.copyOf(tags);
		requires = requires == null ? Set.of() : Set.copyOf(requires);
	}

	/** Planned costs of one budget year in EUR. */
	public record CostPlan(int year, BigDecimal investment, BigDecimal running) {
	}

	/** Planned staff effort of one org unit in one year, in person-days. */
	public record EffortPlan(UUID unitId, int year, BigDecimal personDays) {
	}

	/** An online service (LeiKa key) with current and target maturity on a versioned scale. */
	public record OnlineService(String leikaKey, String name, MaturityModel model, int currentLevel,
			int targetLevel) {
	}
}
