package de.leitstand.shared.web;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Removes NUL characters from the parameters of reading requests (GET, HEAD): searches, filters and paging. No
 * filter has a use for them, and PostgreSQL refuses them in text parameters, which would otherwise turn a hostile
 * search into a server error; a search stores nothing, so cleaning it silently changes nothing a user keeps.
 * Writing requests pass unchanged on purpose: free text that carries a NUL is refused at its field with a message by
 * the plain-text rule ({@link de.leitstand.shared.validation.PlainText}) instead of being stored altered.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class NulCharacterFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean reading = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
		boolean nul = reading && request.getParameterMap().values().stream()
			.anyMatch(values -> java.util.Arrays.stream(values).anyMatch(v -> v != null && v.indexOf('\0') >= 0));
		chain.doFilter(nul ? new Cleaned(request) : request, response);
	}

	private static final class Cleaned extends HttpServletRequestWrapper {

		private final Map<String, String[]> parameters = new HashMap<>();

		Cleaned(HttpServletRequest request) {
			super(request);
			request.getParameterMap().forEach((name, values) -> parameters.put(name,
					java.util.Arrays.stream(values).map(v -> v == null ? null : v.replace("\0", "")).toArray(String[]::new)));
		}

		@Override
		public String getParameter(String name) {
			String[] values = parameters.get(name);
			return values == null || values.length == 0 ? null : values[0];
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return java.util.Collections.unmodifiableMap(parameters);
		}

		@Override
		public java.util.Enumeration<String> getParameterNames() {
			return java.util.Collections.enumeration(parameters.keySet());
		}

		@Override
		public String[] getParameterValues(String name) {
			return parameters.get(name);
		}
	}
}
