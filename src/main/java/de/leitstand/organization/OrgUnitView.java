package de.leitstand.organization;

import java.util.UUID;

/**
 * An org unit as other modules see it.
 *
 * @param depth 0 for a Referat, 1 for an office beneath it, and so on
 */
public record OrgUnitView(UUID id, String code, String name, String shortName, OrgUnitType type, UUID parentId,
		int depth, boolean active) {

	/** Short name if there is one, else the full name. */
	public String displayName() {
		return shortName == null || shortName.isBlank() ? name : shortName;
	}
}
