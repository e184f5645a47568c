package de.leitstand.organization;

import java.util.List;
import java.util.Optional;

/**
 * Read access to user accounts for other modules, e.g. to offer the evaluators a proposal can be assigned to.
 */
public interface UserDirectory {

	/** Enabled users holding the role, ordered by display name. */
	List<UserSummary> withRole(Role role);

	Optional<UserSummary> findByUsername(String username);

	/** A user as other modules may show them. */
	record UserSummary(java.util.UUID id, String username, String displayName, java.util.Set<Role> roles) {
	}
}
