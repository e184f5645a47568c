package de.leitstand.organization;

import java.io.Serial;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person as other modules see it: name, roles and, for a project lead, the org unit they act for.
 */
public final class LeitstandUser implements UserDetails, CredentialsContainer {

	@Serial
	private static final long serialVersionUID = 1L;

	private final UUID id;
	private final String username;
	private final String displayName;
	private final boolean enabled;
	private final Set<Role> roles;
	private final UUID orgUnitId;
	// Only needed while the password is checked; erased afterwards so no hash sits in a session.
	private String passwordHash;

	public LeitstandUser(UUID id, String username, String displayName, String passwordHash, boolean enabled,
			Set<Role> roles, UUID orgUnitId) {
		this.id = id;
		this.username = username;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
		this.roles = Set.copyOf(roles);
		this.orgUnitId = orgUnitId;
	}

	public UUID id() {
		return id;
	}

	public String username() {
		return username;
	}

	public String displayName() {
		return displayName;
	}

	public Set<Role> roles() {
		return roles;
	}

	public UUID orgUnitId() {
		return orgUnitId;
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	public boolean hasAny(Role... candidates) {
		for (Role role : candidates) {
			if (roles.contains(role)) {
				return true;
			}
		}
		return false;
	}

	/** Whether this user may act for the given org unit (leads are bound to their own). */
	public boolean actsFor(UUID unitId) {
		return orgUnitId != null && orgUnitId.equals(unitId);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	/** The user of the current request, if one is signed in. */
	public static Optional<LeitstandUser> current() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof LeitstandUser user) {
			return Optional.of(user);
		}
		return Optional.empty();
	}

	/** The name recorded in audit trails for the current request. */
	public static String currentName() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth == null || !auth.isAuthenticated() ? "system" : auth.getName();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof LeitstandUser that && that.username.equals(username);
	}

	@Override
	public int hashCode() {
		return username.hashCode();
	}

	@Override
	public String toString() {
		return "LeitstandUser[" + username + ", " + roles + "]";
	}
}
