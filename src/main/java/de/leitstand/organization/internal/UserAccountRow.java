package de.leitstand.organization.internal;

import java.util.Set;
import java.util.UUID;

import de.leitstand.organization.Role;

/** One line of the account list. */
public record UserAccountRow(UUID id, String username, String displayName, Set<Role> roles, String orgUnit,
		boolean enabled) {
}
