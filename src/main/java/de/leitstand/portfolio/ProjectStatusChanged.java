package de.leitstand.portfolio;

import java.util.UUID;

/** Published when a project takes a lifecycle step, e.g. for the public monitor and dashboards. */
public record ProjectStatusChanged(UUID projectId, String key, ProjectStatus from, ProjectStatus to, String by) {
}
