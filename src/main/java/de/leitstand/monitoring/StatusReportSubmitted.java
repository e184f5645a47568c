package de.leitstand.monitoring;

import java.util.UUID;

/**
 * Published when a status report version was submitted (the first one of a cycle or a correction), after which it
 * counts. Listeners that show progress elsewhere (the public monitor) refresh on it instead of waiting for their
 * periodic rebuild.
 *
 * @param progressPercent the progress the submitted version reports
 * @param decisionNeeded whether the report asks for a decision or escalation
 */
public record StatusReportSubmitted(UUID projectId, String projectKey, UUID cycleId, int reportVersion,
		int progressPercent, boolean decisionNeeded) {
}
