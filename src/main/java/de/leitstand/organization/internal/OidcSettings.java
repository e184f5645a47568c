package de.leitstand.organization.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import de.leitstand.organization.Role;

/**
 * Single sign-on through OpenID Connect ({@code leitstand.oidc.*}, set by the {@code LEITSTAND_OIDC_*} environment
 * variables, see docs/operations.md). Off while no issuer is configured.
 *
 * @param issuer issuer URL of the identity provider (Keycloak realm, Entra ID tenant v2.0, ADFS)
 * @param clientId client id registered at the provider for Leitstand
 * @param clientSecret its secret
 * @param scopes scopes asked for at sign-in
 * @param usernameClaim claim that becomes the local username
 * @param rolesClaim claim with the groups or roles (a list or a space/comma separated string)
 * @param orgUnitClaim claim with the code of the user's org unit (e.g. AMT-51)
 * @param audience if set, API access tokens must name this audience
 * @param group group (claim value) per role
 */
@ConfigurationProperties("leitstand.oidc")
public record OidcSettings(String issuer, String clientId, String clientSecret, List<String> scopes,
		String usernameClaim, String rolesClaim, String orgUnitClaim, String audience, Map<Role, String> group) {

	public OidcSettings {
		scopes = scopes == null || scopes.isEmpty() ? List.of("openid", "profile", "email") : List.copyOf(scopes);
		usernameClaim = blankTo(usernameClaim, "preferred_username");
		rolesClaim = blankTo(rolesClaim, "groups");
		orgUnitClaim = blankTo(orgUnitClaim, "org_unit");
		Map<Role, String> groups = new EnumMap<>(Role.class);
		for (Role role : Role.values()) {
			groups.put(role, defaultGroup(role));
		}
		if (group != null) {
			group.forEach((role, name) -> {
				if (name != null && !name.isBlank()) {
					groups.put(role, name.trim());
				}
			});
		}
		group = Map.copyOf(groups);
	}

	public boolean enabled() {
		return issuer != null && !issuer.isBlank();
	}

	static String defaultGroup(Role role) {
		return switch (role) {
			case ADMIN -> "leitstand-admin";
			case PORTFOLIO_MANAGER -> "leitstand-portfolio";
			case PROJECT_LEAD -> "leitstand-lead";
			case EVALUATOR -> "leitstand-evaluator";
			case BOARD -> "leitstand-board";
			case READER -> "leitstand-reader";
		};
	}

	private static String blankTo(String value, String fallback) {
		return value == null || value.isBlank() ? fallback : value.trim();
	}
}
