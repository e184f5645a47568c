package de.leitstand.organization.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Personal API tokens the way a script uses them: a plain HTTP client against the running server with
 * {@code Authorization: Bearer lst_…}. Tokens are created through the account page, as a user would.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "leitstand.api.rate-limit=20",
		"leitstand.metrics.token=scrape-secret-for-tests" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ApiTokenIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	ApiTokens tokens;

	@Autowired
	UserAccounts accounts;

	final HttpClient http = HttpClient.newHttpClient();

	static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	/** Creates a token on the account page and returns the secret shown once. */
	String createToken(String username, String scope, String name) throws Exception {
		return (String) mvc.perform(post("/account/tokens").with(user(users.loadUserByUsername(username)))
			.with(csrf())
			.param("name", name)
			.param("scope", scope)
			.param("expiresOn", LocalDate.now().plusDays(30).toString()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attributeExists("newToken"))
			.andReturn()
			.getFlashMap()
			.get("newToken");
	}

	HttpResponse<String> call(String method, String path, String token, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", "application/json");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (json != null) {
			request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	static String project(String title) {
		return """
				{"title": "%s", "shortDescription": "Vorhaben aus einem Skript %s", "type": "PROJECT",
				 "leadUnit": "AMT-51", "plannedStart": "2026-01-01", "plannedEnd": "2027-06-30",
				 "goals": [{"goal": "Z3.1", "contribution": "HIGH"}], "ai": {"used": false},
				 "publication": {"published": false}}
				""".formatted(title, title);
	}

	@Test
	void aReadTokenListsProjectsButCannotWrite() throws Exception {
		String token = createToken("reader", "READ", "Lese-Skript " + unique());
		assertThat(token).startsWith("lst_").hasSize(47);

		HttpResponse<String> list = call("GET", "/api/v1/projects?size=5", token, null);
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
			.startsWith("application/json"));
		assertThat(list.body()).contains("\"key\"").contains("P-");

		String pmToken = createToken("portfolio", "READ", "Lese-Skript PM " + unique());
		HttpResponse<String> write = call("POST", "/api/v1/projects", pmToken, project("Nur lesen " + unique()));
		assertThat(write.statusCode()).isEqualTo(403);
		assertThat(write.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
		assertThat(write.body()).contains("urn:leitstand:problem:read-only-token");

		// Only the hash is stored, and the use is recorded.
		ApiToken stored = tokens.findByTokenHash(ApiTokenService.hash(token)).orElseThrow();
		assertThat(stored.getScope()).isEqualTo(ApiToken.Scope.READ);
		assertThat(stored.getPrefix()).isEqualTo(token.substring(0, 10));
		assertThat(stored.getLastUsedAt()).isNotNull();
	}

	@Test
	void aWriteTokenWritesWithItsOwnersRoles() throws Exception {
		String token = createToken("portfolio", "WRITE", "Import-Skript " + unique());
		HttpResponse<String> created = call("POST", "/api/v1/projects", token, project("Per Token " + unique()));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

		// The owner's roles still apply: a reader's write token does not make the reader a writer.
		String readerToken = createToken("reader", "WRITE", "Leser schreibt " + unique());
		HttpResponse<String> denied = call("POST", "/api/v1/projects", readerToken, project("Leser " + unique()));
		assertThat(denied.statusCode()).isEqualTo(403);
	}

	@Test
	void aRevokedExpiredOrUnknownTokenGets401() throws Exception {
		String token = createToken("reader", "READ", "Widerruf " + unique());
		assertThat(call("GET", "/api/v1/projects?size=1", token, null).statusCode()).isEqualTo(200);
		ApiToken stored = tokens.findByTokenHash(ApiTokenService.hash(token)).orElseThrow();

		// Someone else cannot revoke it.
		mvc.perform(post("/account/tokens/" + stored.getId() + "/revoke")
			.with(user(users.loadUserByUsername("portfolio")))
			.with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post("/account/tokens/" + stored.getId() + "/revoke")
			.with(user(users.loadUserByUsername("reader")))
			.with(csrf())).andExpect(status().is3xxRedirection());

		HttpResponse<String> revoked = call("GET", "/api/v1/projects?size=1", token, null);
		assertThat(revoked.statusCode()).isEqualTo(401);
		assertThat(revoked.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
		assertThat(revoked.body()).contains("urn:leitstand:problem:invalid-token");

		assertThat(call("GET", "/api/v1/projects?size=1", "lst_" + "x".repeat(43), null).statusCode())
			.isEqualTo(401);

		UserAccount reader = accounts.findByUsernameIgnoreCase("reader").orElseThrow();
		String expiredSecret = "lst_expired" + unique() + unique() + unique();
		tokens.save(new ApiToken(reader.getId(), "Abgelaufen " + unique(), ApiToken.Scope.READ,
				ApiTokenService.hash(expiredSecret), expiredSecret.substring(0, 10),
				Instant.now().minus(40, ChronoUnit.DAYS), Instant.now().minus(1, ChronoUnit.DAYS)));
		assertThat(call("GET", "/api/v1/projects?size=1", expiredSecret, null).statusCode()).isEqualTo(401);
	}

	@Test
	void tooManyRequestsGet429WithRetryAfter() throws Exception {
		String token = createToken("reader", "READ", "Eilig " + unique());
		HttpResponse<String> limited = null;
		for (int i = 0; i < 200 && limited == null; i++) {
			HttpResponse<String> response = call("GET", "/api/v1/projects?size=1", token, null);
			if (response.statusCode() == 429) {
				limited = response;
			}
			else {
				assertThat(response.statusCode()).isEqualTo(200);
			}
		}
		assertThat(limited).as("a 429 after more than the limit of 20 requests a minute").isNotNull();
		assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(
				v -> assertThat(Long.parseLong(v)).isPositive());
		assertThat(limited.body()).contains("urn:leitstand:problem:rate-limited");
		// Other tokens have their own bucket.
		String other = createToken("reader", "READ", "Geduldig " + unique());
		assertThat(call("GET", "/api/v1/projects?size=1", other, null).statusCode()).isEqualTo(200);
	}

	@Test
	void theAccountPageRejectsAnExpiryBeyondOneYearAndStoresNothing() throws Exception {
		String name = "Zu lang " + unique();
		long before = tokens.count();
		mvc.perform(post("/account/tokens").with(user(users.loadUserByUsername("reader")))
			.with(csrf())
			.param("name", name)
			.param("scope", "READ")
			.param("expiresOn", LocalDate.now().plusYears(2).toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("höchstens ein Jahr")));
		assertThat(tokens.findAll()).noneMatch(t -> t.getName().equals(name));
		assertThat(tokens.count()).isGreaterThanOrEqualTo(before);

		mvc.perform(get("/account/tokens").with(user(users.loadUserByUsername("reader"))))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Persönliche API-Tokens")));
	}

	@Test
	void prometheusMetricsAreForAdministratorsAndTheMetricsToken() throws Exception {
		assertThat(call("GET", "/actuator/prometheus", null, null).statusCode()).isNotEqualTo(200);
		HttpResponse<String> scraped = http.send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
			.header("Authorization", "Bearer scrape-secret-for-tests")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(scraped.statusCode()).isEqualTo(200);
		assertThat(scraped.body()).contains("jvm_memory_used_bytes").contains("application=\"leitstand\"");
		// Public monitor answers served from the response cache bypass the request metrics: they are counted.
		double before = cacheHits(scraped.body());
		for (int i = 0; i < 3; i++) {
			assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/monitor")).build(),
					HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
		}
		String after = http.send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
			.header("Authorization", "Bearer scrape-secret-for-tests")
			.build(), HttpResponse.BodyHandlers.ofString()).body();
		assertThat(cacheHits(after) - before).as("cache hits of three requests (the first may render)")
			.isBetween(2.0, 3.0);
		HttpResponse<String> wrong = http.send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
			.header("Authorization", "Bearer wrong")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(wrong.statusCode()).isNotEqualTo(200);
		mvc.perform(get("/actuator/prometheus").with(user(users.loadUserByUsername("admin"))))
			.andExpect(status().isOk());
		mvc.perform(get("/actuator/prometheus").with(user(users.loadUserByUsername("portfolio"))))
			.andExpect(status().isForbidden());
	}

	static double cacheHits(String prometheus) {
		return prometheus.lines()
			.filter(l -> l.startsWith("leitstand_monitor_cache_hits_total"))
			.mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
			.findFirst()
			.orElse(0);
	}
}
