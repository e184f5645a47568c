package de.leitstand.organization.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

import de.leitstand.organization.internal.security.LoginThrottle;
import de.leitstand.organization.internal.security.LoginThrottleFilter;
import de.leitstand.organization.internal.security.SecurityEventLog;
import de.leitstand.shared.web.ApiProblemFactory;

/**
 * Security of the JSON API ({@code /api/**}) and its OpenAPI description, ahead of the web pages' chain:
 * stateless (no session, no cookie), no CSRF token (no cookie is ever trusted, every request carries its own
 * credentials), HTTP Basic against the same accounts as the sign-in form, and 401/403 as problem details instead
 * of a redirect to the login page.
 *
 * <p>Personal API tokens (a later issue) slot in as one more filter in this chain, e.g.
 * {@code http.addFilterBefore(tokenFilter, BasicAuthenticationFilter.class)} with a bearer entry point; the
 * service layer sees the same {@code LeitstandUser} either way.
 */
@Configuration
class ApiSecurityConfiguration {

	@Bean
	@Order(1)
	// Commands such as 'generate' run without a web server and so without filter chains.
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	SecurityFilterChain api(HttpSecurity http, ApiProblemFactory problems, LoginThrottle throttle,
			SecurityEventLog log) throws Exception {
		AuthenticationEntryPoint unauthorized = (request, response, ex) -> problems.write(request, response,
				HttpStatus.UNAUTHORIZED, "unauthorized");
		AccessDeniedHandler forbidden = (request, response, ex) -> problems.write(request, response,
				HttpStatus.FORBIDDEN, "forbidden");
		http.securityMatcher("/api/**", "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml")
			.authorizeHttpRequests(auth -> auth
				.requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml").permitAll()
				.anyRequest().authenticated())
			.addFilterBefore(new LoginThrottleFilter(throttle, log, problems), BasicAuthenticationFilter.class)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
			.exceptionHandling(ex -> ex.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; "
					+ "frame-ancestors 'none'")).frameOptions(frame -> frame.deny()));
		return http.build();
	}
}
