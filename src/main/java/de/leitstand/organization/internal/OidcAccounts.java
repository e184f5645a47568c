package de.leitstand.organization.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.leitstand.organization.LeitstandUser;
import de.leitstand.organization.Role;

/**
 * Turns the claims of a sign-in (ID token and user info) or of an API access token into a Leitstand user: roles
 * from the configured groups claim, the org unit from its claim. A local account without password is created or
 * updated on the way, so audit trails and e-mails name the person. The identity provider is the source of truth
 * for roles and org unit; an administrator can still lock the local account.
 */
@Service
@Transactional
public class OidcAccounts {

	private static final Logger log = LoggerFactory.getLogger(OidcAccounts.class);

	private final OidcSettings settings;
	private final UserAccounts accounts;
	private final OrgUnits units;

	OidcAccounts(OidcSettings settings, UserAccounts accounts, OrgUnits units) {
		this.settings = settings;
		this.accounts = accounts;
		this.units = units;
	}

	public LeitstandUser signIn(Map<String, Object> claims) {
		String username = text(claims.get(settings.usernameClaim()));
		if (username == null) {
			username = text(claims.get("sub"));
		}
		if (username == null || username.length() > 60) {
			throw reject("leitstand_username", "no usable username claim '" + settings.usernameClaim() + "'");
		}
		username = username.toLowerCase(Locale.ROOT);
		Set<Role> roles = roles(claims.get(settings.rolesClaim()));
		if (roles.isEmpty()) {
			throw reject("leitstand_no_role", "no Leitstand role in claim '" + settings.rolesClaim() + "' of "
					+ username);
		}
		String unitCode = text(claims.get(settings.orgUnitClaim()));
		OrgUnit unit = unitCode == null ? null : units.findByCodeIgnoreCase(unitCode).orElse(null);
		if (unitCode != null && unit == null) {
			log.warn("Single sign-on of {}: unknown org unit code '{}' ignored", username, unitCode);
		}
		String displayName = Objects.requireNonNullElse(text(claims.get("name")), username);
		String email = text(claims.get("email"));
		UserAccount account = accounts.findByUsernameIgnoreCase(username).orElse(null);
		if (account == null) {
			account = accounts.save(new UserAccount(username, cut(displayName), cut(email), null, roles, unit));
			log.info("Single sign-on: created account {} with roles {}", username, roles);
		}
		else {
			if (account.hasPassword()) {
				// A local account of the same name is not taken over by whoever the provider calls so.
				throw reject("leitstand_local_account", "a local account named " + username + " exists");
			}
			if (!account.isEnabled()) {
				throw reject("leitstand_locked", "account " + username + " is locked");
			}
			boolean changed = !account.getDisplayName().equals(cut(displayName))
					|| !Objects.equals(account.getEmail(), cut(email)) || !account.getRoles().equals(roles)
					|| !Objects.equals(account.getOrgUnit() == null ? null : account.getOrgUnit().getId(),
							unit == null ? null : unit.getId());
			if (changed) {
				account.update(cut(displayName), cut(email), roles, unit, true);
			}
		}
		LeitstandUser user = account.toUser();
		user.eraseCredentials();
		return user;
	}

	Set<Role> roles(Object claim) {
		Collection<String> groups = new ArrayList<>();
		if (claim instanceof Collection<?> values) {
			values.forEach(v -> groups.add(String.valueOf(v)));
		}
		else if (claim instanceof String text) {
			groups.addAll(List.of(text.split("[\\s,]+")));
		}
		Set<Role> roles = EnumSet.noneOf(Role.class);
		settings.group().forEach((role, group) -> {
			if (groups.contains(group)) {
				roles.add(role);
			}
		});
		return roles;
	}

	private static String text(Object value) {
		if (value == null) {
			return null;
		}
		String text = String.valueOf(value).trim();
		return text.isEmpty() ? null : text;
	}

	private static String cut(String value) {
		return value == null || value.length() <= 200 ? value : value.substring(0, 200);
	}

	private static OAuth2AuthenticationException reject(String code, String reason) {
		log.warn("Single sign-on rejected: {}", reason);
		return new OAuth2AuthenticationException(new OAuth2Error(code), reason);
	}
}
