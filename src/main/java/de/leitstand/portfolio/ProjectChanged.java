package de.leitstand.portfolio;

import java.util.UUID;

/** Published after a project's profile was created or changed (including its publication flag). */
public record ProjectChanged(UUID projectId, String key, boolean published) {
}
