package de.leitstand.organization.internal.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import de.leitstand.organization.SecurityEvents.SecurityEventType;
import de.leitstand.shared.web.ApiProblemFactory;

/**
 * Refuses sign-in attempts that {@link LoginThrottle} blocks, before any password is checked: the sign-in form
 * ({@code POST /login}) answers with the login page and "Zu viele Fehlversuche …", HTTP Basic on the API with
 * 429 problem details. Not added as a bean (so it is not registered twice); the security configurations add it to
 * their chains.
 */
public class LoginThrottleFilter extends OncePerRequestFilter {

	private final LoginThrottle throttle;
	private final SecurityEventLog log;
	private final ApiProblemFactory problems;

	public LoginThrottleFilter(LoginThrottle throttle, SecurityEventLog log, ApiProblemFactory problems) {
		this.throttle = throttle;
		this.log = log;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String username = attemptedUsername(request);
		if (username != null && throttle.isBlocked(username, request.getRemoteAddr())) {
			log.recordIndependently(SecurityEventType.THROTTLED, username, request.getMethod() + " "
					+ request.getRequestURI());
			if (isFormLogin(request)) {
				response.sendRedirect(request.getContextPath() + "/login?throttled");
			}
			else {
				response.setHeader(HttpHeaders.RETRY_AFTER, "60");
				problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "throttled");
			}
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean isFormLogin(HttpServletRequest request) {
		return "POST".equals(request.getMethod())
				&& (request.getContextPath() + "/login").equals(request.getRequestURI());
	}

	/** The username of a sign-in attempt in this request, or null if it is none. */
	static String attemptedUsername(HttpServletRequest request) {
		if (isFormLogin(request)) {
			String username = request.getParameter("username");
			return username == null ? "" : username;
		}
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
			try {
				String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()),
						StandardCharsets.UTF_8);
				int colon = decoded.indexOf(':');
				return colon < 0 ? decoded : decoded.substring(0, colon);
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}
		return null;
	}
}
