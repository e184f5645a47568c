package de.leitstand.organization.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import de.leitstand.organization.Role;

/**
 * Who may read {@code /actuator/prometheus}: a signed-in administrator, or a scraper that sends
 * {@code Authorization: Bearer <LEITSTAND_METRICS_TOKEN>} (only if such a token is configured).
 */
final class MetricsAccess {

	private MetricsAccess() {
	}

	static AuthorizationManager<RequestAuthorizationContext> rule(String metricsToken) {
		byte[] expected = metricsToken == null || metricsToken.isBlank() ? null
				: ("Bearer " + metricsToken.trim()).getBytes(StandardCharsets.UTF_8);
		return (authentication, context) -> {
			String header = context.getRequest().getHeader(HttpHeaders.AUTHORIZATION);
			if (expected != null && header != null
					&& MessageDigest.isEqual(expected, header.getBytes(StandardCharsets.UTF_8))) {
				return new AuthorizationDecision(true);
			}
			var auth = authentication.get();
			boolean admin = auth != null && auth.isAuthenticated() && auth.getAuthorities()
				.stream()
				.anyMatch(a -> Role.ADMIN.authority().equals(a.getAuthority()));
			return new AuthorizationDecision(admin);
		};
	}
}
