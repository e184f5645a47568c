package de.leitstand.organization.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RegexRequestMatcher;

import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

import de.leitstand.organization.Role;
import de.leitstand.organization.internal.security.LoginThrottle;
import de.leitstand.organization.internal.security.LoginThrottleFilter;
import de.leitstand.organization.internal.security.SecurityEventLog;
import de.leitstand.shared.web.ApiProblemFactory;

/**
 * Sign-in, URL rules and security headers for the internal pages. Services check the same rules again
 * ({@code @PreAuthorize}), so a URL rule is a first line, not the only one.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	// Commands such as 'generate' run without a web server and so without filter chains.
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	SecurityFilterChain web(HttpSecurity http, ObjectProvider<OidcConfiguration.OidcLogin> oidc,
			@Value("${leitstand.metrics.token:}") String metricsToken, LoginThrottle throttle, SecurityEventLog log,
			ApiProblemFactory problems) throws Exception {
		String pm = Role.PORTFOLIO_MANAGER.name();
		OidcConfiguration.OidcLogin sso = oidc.getIfAvailable();
		// Logout redirects the logout form to the provider's end-session endpoint: CSP form-action must allow it.
		String csp = sso == null ? CONTENT_SECURITY_POLICY
				: CONTENT_SECURITY_POLICY.replace("form-action 'self'", "form-action 'self' " + sso.logoutOrigin());
		http.authorizeHttpRequests(auth -> auth
			.requestMatchers("/login", "/css/**", "/js/**", "/vendor/**", "/favicon.ico", "/error",
					"/actuator/health", "/actuator/health/**")
			.permitAll()
			// The public Digitalmonitor: anonymous; it has GET handlers only and serves only published fields.
			.requestMatchers("/monitor", "/monitor/**").permitAll()
			.requestMatchers("/actuator/prometheus").access(MetricsAccess.rule(metricsToken))
			.requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
			.requestMatchers(RegexRequestMatcher.regexMatcher(HttpMethod.GET,
					"^/strategy/(.*/)?(edit|new|copy)(\\?.*)?$"))
			.hasRole(pm)
			.requestMatchers(HttpMethod.POST, "/strategy/**").hasRole(pm)
			.requestMatchers("/portfolio/import", "/portfolio/import/**").hasAnyRole(pm, Role.PROJECT_LEAD.name())
			.anyRequest().authenticated())
			.addFilterBefore(new LoginThrottleFilter(throttle, log, problems),
					UsernamePasswordAuthenticationFilter.class)
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll()
				// "Location: /login", not an absolute address built from whatever Host the request carried.
				.withObjectPostProcessor(new ObjectPostProcessor<LoginUrlAuthenticationEntryPoint>() {
					@Override
					public <O extends LoginUrlAuthenticationEntryPoint> O postProcess(O entryPoint) {
						entryPoint.setFavorRelativeUris(true);
						return entryPoint;
					}
				}))
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
			.headers(headers -> headers
				.contentSecurityPolicy(policy -> policy.policyDirectives(csp))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.frameOptions(frame -> frame.deny()));
		if (sso != null) {
			sso.configureWeb(http);
		}
		return http.build();
	}
}
