package de.leitstand.organization.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import de.leitstand.organization.Role;
import no.nav.security.mock.oauth2.MockOAuth2Server;

/**
 * Access tokens of a real OpenID Connect server (mock-oauth2-server, started in the test on a free port) on the
 * API: a token of the configured issuer maps its groups to roles; a token of another issuer, with a bad signature
 * or without a Leitstand group is rejected with 401.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OidcIntegrationTests {

	static final MockOAuth2Server OIDC = new MockOAuth2Server();
	static final String ISSUER = "leitstand-test";

	static {
		OIDC.start();
	}

	@DynamicPropertySource
	static void oidc(DynamicPropertyRegistry registry) {
		registry.add("leitstand.oidc.issuer", () -> OIDC.issuerUrl(ISSUER).toString());
		registry.add("leitstand.oidc.client-id", () -> "leitstand");
		registry.add("leitstand.oidc.client-secret", () -> "geheim");
	}

	@AfterAll
	static void stop() {
		OIDC.shutdown();
	}

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@Autowired
	OrgUnits units;

	final HttpClient http = HttpClient.newHttpClient();

	HttpResponse<String> projects(String bearer) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/projects?size=1"))
			.header("Authorization", "Bearer " + bearer)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	static String token(String issuerId, String username, List<String> groups) {
		return OIDC.issueToken(issuerId, "sub-" + username, "leitstand",
				Map.of("preferred_username", username, "name", "SSO " + username, "groups", groups,
						"org_unit", "AMT-17"))
			.serialize();
	}

	@Test
	void aTokenOfTheConfiguredIssuerIsAcceptedAndItsGroupsBecomeRoles() throws Exception {
		String username = "sso-" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> response = projects(token(ISSUER, username, List.of("leitstand-portfolio", "other")));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		UserAccount account = accounts.findByUsernameIgnoreCase(username).orElseThrow();
		assertThat(account.getRoles()).containsExactly(Role.PORTFOLIO_MANAGER);
		assertThat(account.hasPassword()).isFalse();
		assertThat(account.getOrgUnit().getId()).isEqualTo(units.findByCodeIgnoreCase("AMT-17").orElseThrow().getId());
	}

	@Test
	void aTokenOfAnotherIssuerIsRejected() throws Exception {
		HttpResponse<String> response = projects(token("some-other-issuer", "sso-x", List.of("leitstand-portfolio")));
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
			.startsWith("application/problem+json"));
	}

	@Test
	void aTokenWithABadSignatureIsRejected() throws Exception {
		String[] parts = token(ISSUER, "sso-y", List.of("leitstand-reader")).split("\\.");
		// Same header and signature, but the payload now claims admin rights: the signature no longer fits.
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]))
			.replace("leitstand-reader", "leitstand-admin");
		String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
				+ "." + parts[2];
		assertThat(projects(forged).statusCode()).isEqualTo(401);
		String unsigned = parts[0] + "." + parts[1] + ".";
		assertThat(projects(unsigned).statusCode()).isEqualTo(401);
	}

	@Test
	void aTokenWithoutALeitstandGroupIsRejected() throws Exception {
		assertThat(projects(token(ISSUER, "sso-nobody", List.of("kantine"))).statusCode()).isEqualTo(401);
	}

	@Test
	void aLocalAccountIsNotTakenOverByASingleSignOnUserOfTheSameName() throws Exception {
		assertThat(projects(token(ISSUER, "admin", List.of("leitstand-admin"))).statusCode()).isEqualTo(401);
	}
}
