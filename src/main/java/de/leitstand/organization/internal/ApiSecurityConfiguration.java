package de.leitstand.organization.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
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
import de.leitstand.shared.ConditionalOnPostgreSql;
import de.leitstand.shared.web.ApiProblemFactory;

/**
 * Security of the JSON API ({@code /api/**}) and its OpenAPI description, ahead of the web pages' chain:
 * stateless (no session, no cookie), no CSRF token (no cookie is ever trusted, every request carries its own
 * credentials), HTTP Basic against the same accounts as the sign-in form, and 401/403 as problem details instead
 * of a redirect to the login page.
 *
 * <p>Besides HTTP Basic: personal API tokens ({@code Authorization: Bearer lst_…}, {@link ApiTokenFilter}, rate
 * limited per token) and, with single sign-on configured, the identity provider's JWT access tokens. The service
 * layer sees the same {@code LeitstandUser} either way.
 */
@Configuration
class ApiSecurityConfiguration {

	/** One instance counts in memory, as before. */
	@Bean
	@ConditionalOnPostgreSql(false)
	ApiRateLimit inMemoryRateLimit(@Value("${leitstand.api.rate-limit:600}") int perMinute) {
		return new TokenRateLimiter(perMinute);
	}

	/** Several instances behind a load balancer count together, in the database they share. */
	@Bean
	@ConditionalOnPostgreSql
	ApiRateLimit sharedRateLimit(JdbcTemplate jdbc, @Value("${leitstand.api.rate-limit:600}") int perMinute) {
		return new SharedTokenRateLimiter(jdbc, perMinute);
	}

	@Bean
	@Order(1)
	// Commands such as 'generate' run without a web server and so without filter chains.
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	SecurityFilterChain api(HttpSecurity http, ApiProblemFactory problems, ApiTokenService tokens,
			ApiRateLimit rateLimit,
			ObjectProvider<OidcConfiguration.OidcLogin> oidc, LoginThrottle throttle,
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
					+ "frame-ancestors 'none'")).frameOptions(frame -> frame.deny()))
			.addFilterBefore(new ApiTokenFilter(tokens, rateLimit, problems, log),
					BasicAuthenticationFilter.class);
		OidcConfiguration.OidcLogin sso = oidc.getIfAvailable();
		if (sso != null) {
			DefaultBearerTokenResolver standard = new DefaultBearerTokenResolver();
			// Personal tokens (lst_…) are handled by the token filter; only JWTs reach the resource server.
			BearerTokenResolver jwtOnly = request -> ApiTokenFilter.personalToken(request) != null ? null
					: standard.resolve(request);
			http.oauth2ResourceServer(server -> server.bearerTokenResolver(jwtOnly)
				.authenticationEntryPoint(unauthorized)
				.accessDeniedHandler(forbidden)
				.jwt(jwt -> jwt.decoder(sso.apiDecoder()).jwtAuthenticationConverter(sso::apiAuthentication)));
		}
		return http.build();
	}
}
