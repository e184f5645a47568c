package de.leitstand.monitoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * What the monitoring module tells other modules (reporting, public monitor): reporting cycles with their
 * submitted status reports, and milestones. Read-only.
 */
public interface MonitoringFacts {

	/** All reporting cycles, newest first. */
	List<CycleSummary> cycles();

	/** One cycle with the latest submitted version of each project's report. */
	Optional<CycleReport> cycle(UUID cycleId);

	/**
	 * Progress in percent (0–100) of a project's newest submitted status report: the one of the cycle with the
	 * latest period end. Empty if the project never reported.
	 */
	default OptionalInt latestProgress(UUID projectId) {
		for (CycleSummary summary : cycles()) {
			Optional<ReportView> report = cycle(summary.id())
				.flatMap(c -> c.reports().stream().filter(r -> r.projectId().equals(projectId)).findFirst());
			if (report.isPresent()) {
				return OptionalInt.of(Math.max(0, Math.min(100, report.get().progressPercent())));
			}
		}
		return OptionalInt.empty();
	}

	/** Milestones of a project, by planned date. */
	List<MilestoneView> milestonesOf(UUID projectId);

	/**
	 * Milestones of many projects at once (one query per few hundred projects, not one per project), each list by
	 * planned date; projects without milestones are left out.
	 */
	default Map<UUID, List<MilestoneView>> milestonesOf(Collection<UUID> projectIds) {
		Map<UUID, List<MilestoneView>> result = new java.util.HashMap<>();
		for (UUID id : projectIds) {
			List<MilestoneView> milestones = milestonesOf(id);
			if (!milestones.isEmpty()) {
				result.put(id, milestones);
			}
		}
		return result;
	}

	record CycleSummary(UUID id, String label, LocalDate periodEnd, LocalDate dueDate, boolean closed,
			int expected, int submitted) {
	}

	record CycleReport(CycleSummary cycle, List<ReportView> reports, List<UUID> missingProjectIds) {
	}

	/**
	 * The latest submitted version of a project's status report in a cycle.
	 *
	 * @param actualCosts actual costs to date per budget year (EUR)
	 */
	record ReportView(UUID projectId, String projectKey, TrafficLight overall, TrafficLight scope,
			TrafficLight time, TrafficLight cost, TrafficLight risk, int progressPercent, String summary,
			String achievements, String nextSteps, String decisionNeeded, Map<Integer, BigDecimal> actualCosts,
			Instant submittedAt, boolean late, int reportVersion) {
	}

	/** A milestone with planned, forecast and actual dates; slippage in days (forecast or actual minus plan). */
	record MilestoneView(UUID id, UUID projectId, String title, LocalDate planned, LocalDate forecast,
			LocalDate actual, long slippageDays, boolean published) {
	}
}
