package de.leitstand.organization.internal;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import de.leitstand.organization.SecurityEvents.SecurityEventType;
import de.leitstand.organization.internal.security.SecurityEventLog;
import de.leitstand.shared.web.ApiProblemFactory;

/**
 * {@code Authorization: Bearer lst_…} on the API: the request runs as the token's owner with the owner's roles. A
 * READ token only reads (GET, HEAD, OPTIONS; anything else → 403); an unknown, expired or revoked token → 401;
 * more requests than the rate limit → 429 with {@code Retry-After}. Other bearer tokens (JWTs from the identity
 * provider) are left to the resource server. Token use is written to the security event log (see
 * {@link ApiTokenService}), as is a write refused to a read-only token.
 */
final class ApiTokenFilter extends OncePerRequestFilter {

	private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");
	private static final String BEARER = "Bearer ";

	private final ApiTokenService tokens;
	private final ApiRateLimit limiter;
	private final ApiProblemFactory problems;
	private final SecurityEventLog log;

	ApiTokenFilter(ApiTokenService tokens, ApiRateLimit limiter, ApiProblemFactory problems,
			SecurityEventLog log) {
		this.tokens = tokens;
		this.limiter = limiter;
		this.problems = problems;
		this.log = log;
	}

	/** The personal token in the request, or null if there is none (JWTs are not personal tokens). */
	static String personalToken(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return null;
		}
		String value = header.substring(BEARER.length()).trim();
		return value.startsWith(ApiTokenService.TOKEN_PREFIX) ? value : null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String secret = personalToken(request);
		if (secret == null) {
			chain.doFilter(request, response);
			return;
		}
		String line = request.getMethod() + " " + request.getRequestURI();
		var authenticated = tokens.authenticate(secret, line);
		if (authenticated.isEmpty()) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
			problems.write(request, response, HttpStatus.UNAUTHORIZED, "invalid-token");
			return;
		}
		var token = authenticated.get();
		long retryAfter = limiter.acquire(token.tokenId());
		if (retryAfter > 0) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
			problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "rate-limited");
			return;
		}
		if (token.scope() == ApiToken.Scope.READ && !READ_METHODS.contains(request.getMethod())) {
			log.recordIndependently(SecurityEventType.ACCESS_DENIED, token.owner().username(),
					"read-only API token: " + line);
			problems.write(request, response, HttpStatus.FORBIDDEN, "read-only-token");
			return;
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(token.owner(), null,
				token.owner().getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}
}
