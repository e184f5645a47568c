package de.leitstand.organization.internal;

import java.io.Serial;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.util.UriComponentsBuilder;

import de.leitstand.organization.LeitstandUser;

/**
 * OpenID Connect beside the local accounts, only when {@code LEITSTAND_OIDC_ISSUER} is set: sign-in through the
 * provider (authorization code flow) on the web pages, logout at the provider, and the provider's JWT access
 * tokens accepted on the API ({@code Authorization: Bearer …}, issuer and signature checked against the provider's
 * published keys). Both map the same claims to roles and org unit ({@link OidcAccounts}).
 */
@Configuration
@EnableConfigurationProperties(OidcSettings.class)
class OidcConfiguration {

	static final String REGISTRATION_ID = "oidc";

	@Bean
	@ConditionalOnExpression("'${leitstand.oidc.issuer:}' != ''")
	ClientRegistrationRepository oidcClientRegistrations(OidcSettings settings) {
		ClientRegistration registration = ClientRegistrations.fromIssuerLocation(settings.issuer())
			.registrationId(REGISTRATION_ID)
			.clientId(settings.clientId())
			.clientSecret(settings.clientSecret())
			.scope(settings.scopes())
			.userNameAttributeName("sub")
			.build();
		return new InMemoryClientRegistrationRepository(registration);
	}

	@Bean
	@ConditionalOnExpression("'${leitstand.oidc.issuer:}' != ''")
	OidcLogin oidcLogin(OidcSettings settings, OidcAccounts accounts, ClientRegistrationRepository registrations) {
		return new OidcLogin(settings, accounts, registrations);
	}

	/** The sign-in after the provider's redirect: a session of a Leitstand user that remembers the ID token. */
	static final class OidcAuthentication extends UsernamePasswordAuthenticationToken {

		@Serial
		private static final long serialVersionUID = 1L;

		private final String idToken;

		OidcAuthentication(LeitstandUser user, String idToken) {
			super(user, null, user.getAuthorities());
			this.idToken = idToken;
		}

		String idToken() {
			return idToken;
		}
	}

	/** Everything the two filter chains need for single sign-on. */
	static final class OidcLogin {

		private final OidcSettings settings;
		private final OidcAccounts accounts;
		private final ClientRegistrationRepository registrations;
		private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

		OidcLogin(OidcSettings settings, OidcAccounts accounts, ClientRegistrationRepository registrations) {
			this.settings = settings;
			this.accounts = accounts;
			this.registrations = registrations;
		}

		/** Origin (scheme, host, port) of the provider's end-session endpoint, or of the issuer. */
		String logoutOrigin() {
			Object endSession = registrations.findByRegistrationId(REGISTRATION_ID)
				.getProviderDetails()
				.getConfigurationMetadata()
				.get("end_session_endpoint");
			URI uri = URI.create(endSession != null ? endSession.toString() : settings.issuer());
			return uri.getScheme() + "://" + uri.getRawAuthority();
		}

		/** Web pages: "Mit Dienstkonto anmelden" → provider → back as a Leitstand user; logout at the provider. */
		void configureWeb(HttpSecurity http) throws Exception {
			OidcUserService users = new OidcUserService();
			AuthenticationSuccessHandler target = new SavedRequestAwareAuthenticationSuccessHandler();
			AuthenticationSuccessHandler success = (request, response, authentication) -> {
				// The user is checked (and the account synchronised) in the user service below; here the
				// provider's principal is swapped for the Leitstand user the rest of the application expects.
				OidcUser oidc = (OidcUser) authentication.getPrincipal();
				LeitstandUser user = accounts.signIn(oidc.getClaims());
				SecurityContext context = SecurityContextHolder.createEmptyContext();
				context.setAuthentication(new OidcAuthentication(user, oidc.getIdToken().getTokenValue()));
				SecurityContextHolder.setContext(context);
				contexts.saveContext(context, request, response);
				target.onAuthenticationSuccess(request, response, context.getAuthentication());
			};
			http.oauth2Login(login -> login.loginPage("/login")
				.userInfoEndpoint(info -> info.oidcUserService(request -> checked(users, request)))
				.successHandler(success)
				.failureUrl("/login?error"));
			http.logout(logout -> logout.logoutSuccessHandler(providerLogout()));
		}

		private OidcUser checked(OidcUserService users, OidcUserRequest request) {
			OidcUser user = users.loadUser(request);
			// Rejects users without a Leitstand role or with a clashing local account before a session exists.
			accounts.signIn(user.getClaims());
			return user;
		}

		private LogoutSuccessHandler providerLogout() {
			SimpleUrlLogoutSuccessHandler local = new SimpleUrlLogoutSuccessHandler();
			local.setDefaultTargetUrl("/login?logout");
			return (HttpServletRequest request, HttpServletResponse response, Authentication authentication) -> {
				Object endSession = registrations.findByRegistrationId(REGISTRATION_ID)
					.getProviderDetails()
					.getConfigurationMetadata()
					.get("end_session_endpoint");
				if (authentication instanceof OidcAuthentication oidc && endSession != null) {
					String back = UriComponentsBuilder.fromUriString(request.getRequestURL().toString())
						.replacePath(request.getContextPath() + "/login")
						.replaceQuery("logout")
						.build()
						.toUriString();
					URI uri = UriComponentsBuilder.fromUriString(endSession.toString())
						.queryParam("id_token_hint", oidc.idToken())
						.queryParam("post_logout_redirect_uri", back)
						.queryParam("client_id", settings.clientId())
						.encode()
						.build()
						.toUri();
					response.sendRedirect(uri.toString());
					return;
				}
				local.onLogoutSuccess(request, response, authentication);
			};
		}

		/** API: the provider's access tokens (JWT), issuer, signature, lifetime and (if set) audience checked. */
		JwtDecoder apiDecoder() {
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(settings.issuer()).build();
			List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
			validators.add(JwtValidators.createDefaultWithIssuer(settings.issuer()));
			if (settings.audience() != null && !settings.audience().isBlank()) {
				validators.add(jwt -> jwt.getAudience() != null && jwt.getAudience().contains(settings.audience())
						? OAuth2TokenValidatorResult.success()
						: OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "wrong audience", null)));
			}
			decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
			return decoder;
		}

		AbstractAuthenticationToken apiAuthentication(Jwt jwt) {
			LeitstandUser user = accounts.signIn(jwt.getClaims());
			return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
		}
	}
}
