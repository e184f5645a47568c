package de.leitstand.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

import de.leitstand.organization.Role;
import de.leitstand.organization.internal.NewUserAccountForm;
import de.leitstand.organization.internal.UserAccountForm;
import de.leitstand.organization.internal.UserAdministration;
import de.leitstand.support.HttpSession;

/**
 * Accounts over real HTTP: login throttling (form and API, same answer for unknown users), the security event log
 * (sign-in, failure, sign-out, role change, refused access, throttling, API token created / used / revoked) and its
 * admin page. Session fixation is
 * proven in {@code SecurityIntegrationTests.signingInIssuesANewSessionId}, the password policy in
 * {@code PasswordPolicyTests} and {@code UserAdminIntegrationTests}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AccountSecurityIntegrationTests {

	static final String PASSWORD = "leitstand-demo";
	static final String THROTTLED = "Zu viele Fehlversuche. Bitte warten Sie einige Minuten und versuchen Sie es dann erneut.";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserAdministration administration;

	@Autowired
	UserDetailsService users;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void fiveWrongPasswordsRefuseEvenTheRightOneWithAGermanMessage() {
		String username = newAccount("thr");
		HttpSession http = new HttpSession(port);
		for (int i = 0; i < 5; i++) {
			assertThat(location(http.login(username, "wrong-password-" + i))).endsWith("/login?error");
		}

		HttpResponse<String> refused = http.login(username, "Sicheres-Passwort-2026");

		assertThat(location(refused)).endsWith("/login?throttled");
		assertThat(Jsoup.parse(http.get("/login?throttled").body()).select("[role=alert]").text()).isEqualTo(THROTTLED);
		assertThat(http.get("/").statusCode()).as("not signed in").isEqualTo(302);
		assertThat(types(username)).contains("LOGIN_FAILURE", "THROTTLED").doesNotContain("LOGIN_SUCCESS");
	}

	@Test
	void unknownUsernamesGetExactlyTheSameAnswers() {
		String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
		HttpSession http = new HttpSession(port);
		for (int i = 0; i < 5; i++) {
			assertThat(location(http.login(unknown, "wrong-password-" + i))).endsWith("/login?error");
		}
		assertThat(location(http.login(unknown, "anything"))).endsWith("/login?throttled");
		assertThat(types(unknown)).contains("LOGIN_FAILURE", "THROTTLED");
	}

	@Test
	void theApiIsThrottledToo() throws Exception {
		String username = newAccount("api");
		for (int i = 0; i < 5; i++) {
			assertThat(api(username, "wrong-" + i).statusCode()).isEqualTo(401);
		}

		HttpResponse<String> refused = api(username, "Sicheres-Passwort-2026");

		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("problem+json"));
		assertThat(refused.body()).contains("Zu viele Fehlversuche");
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();
	}

	@Test
	void signInAndSignOutAreLogged() {
		String username = newAccount("log");
		HttpSession http = new HttpSession(port);
		http.login(username, "wrong-password");
		http.login(username, "Sicheres-Passwort-2026");
		assertThat(http.get("/").statusCode()).isEqualTo(200);
		String token = Jsoup.parse(http.get("/").body()).select("form[action$=/logout] input[name=_csrf]").val();
		http.post("/logout", "_csrf", token);

		assertThat(types(username)).containsSubsequence("ROLE_CHANGE", "LOGIN_FAILURE", "LOGIN_SUCCESS", "LOGOUT");
		assertThat(jdbc.queryForObject("select ip from security_event where username = ? and event_type = 'LOGIN_SUCCESS'",
				String.class, username)).isNotBlank();
	}

	@Test
	void roleChangesAreLoggedWithBeforeAndAfter() {
		String username = newAccount("role");
		asAdmin();
		UUID id = jdbc.queryForObject("select id from user_account where username = ?", UUID.class, username);
		UserAccountForm form = administration.formFor(id);
		form.setRoles(EnumSet.of(Role.READER, Role.EVALUATOR));
		administration.update(id, form);

		List<String> details = jdbc.queryForList(
				"select detail from security_event where username = ? and event_type = 'ROLE_CHANGE' order by occurred_at",
				String.class, username);
		assertThat(details).hasSize(2);
		assertThat(details.get(0)).contains("created with roles [READER]", "by admin");
		assertThat(details.get(1)).contains("[READER] -> [EVALUATOR, READER]", "by admin");
	}

	@Test
	void refusedAccessOfASignedInUserIsLogged() {
		HttpSession http = new HttpSession(port);
		http.login("lead", PASSWORD);
		long before = count("lead", "ACCESS_DENIED");

		assertThat(http.get("/admin/users").statusCode()).isEqualTo(403);

		assertThat(count("lead", "ACCESS_DENIED")).isGreaterThan(before);
	}

	@Test
	void administratorsReadTheLogFilteredAndOthersMayNot() {
		String username = newAccount("page");
		new HttpSession(port).login(username, "wrong-password");
		HttpSession admin = new HttpSession(port);
		admin.login("admin", PASSWORD);

		var page = Jsoup.parse(admin.get("/admin/security-events?type=LOGIN_FAILURE&username=" + username).body());

		assertThat(page.select("h1").text()).isEqualTo("Sicherheitsprotokoll");
		assertThat(page.select("tbody tr")).hasSize(1);
		assertThat(page.select("tbody tr td").eachText()).contains("Fehlgeschlagene Anmeldung", username);
		assertThat(admin.get("/admin/security-events?page=abc&type=%3Cscript%3E").statusCode()).isEqualTo(200);

		HttpSession reader = new HttpSession(port);
		reader.login("reader", PASSWORD);
		assertThat(reader.get("/admin/security-events").statusCode()).isEqualTo(403);
	}

	@Test
	void apiTokensAreLoggedWhenCreatedUsedAndRevokedButUseAtMostOnceAMinute() throws Exception {
		String username = newAccount("tok");
		HttpSession http = new HttpSession(port);
		http.login(username, "Sicheres-Passwort-2026");
		String name = "Skript " + UUID.randomUUID().toString().substring(0, 6);
		HttpResponse<String> created = http.post("/account/tokens", "_csrf", http.csrfToken("/account/tokens"),
				"name", name, "scope", "READ", "expiresOn", java.time.LocalDate.now().plusDays(30).toString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
		var page = Jsoup.parse(http.get("/account/tokens").body());
		String secret = page.select("#new-token-value").text();
		assertThat(secret).startsWith("lst_");

		// 25 calls within the minute: all served, one TOKEN_USED entry (the throttle), with address and path
		for (int i = 0; i < 25; i++) {
			assertThat(bearer(secret, "GET", "/api/v1/projects?size=1").statusCode()).isEqualTo(200);
		}
		assertThat(count(username, "TOKEN_USED")).isEqualTo(1);
		Map<String, Object> used = jdbc.queryForMap("select ip, detail from security_event where username = ? "
				+ "and event_type = 'TOKEN_USED'", username);
		assertThat((String) used.get("ip")).isNotBlank();
		assertThat((String) used.get("detail")).contains(name, "GET /api/v1/projects").doesNotContain(secret);

		// a write with a read-only token is refused and logged
		assertThat(bearer(secret, "POST", "/api/v1/projects").statusCode()).isEqualTo(403);
		assertThat(jdbc.queryForList("select detail from security_event where username = ? and "
				+ "event_type = 'ACCESS_DENIED'", String.class, username)).anySatisfy(d -> assertThat(d)
					.contains("read-only API token", "POST /api/v1/projects"));

		// revoked: logged once, even if revoked twice; the token no longer works
		page = Jsoup.parse(http.get("/account/tokens").body());
		String revoke = page.select("form[action*=/revoke]").attr("action");
		String csrf = page.select("form[action*=/revoke] input[name=_csrf]").val();
		assertThat(http.post(revoke, "_csrf", csrf).statusCode()).isEqualTo(302);
		assertThat(http.post(revoke, "_csrf", http.csrfToken("/account/tokens")).statusCode()).isEqualTo(302);
		assertThat(bearer(secret, "GET", "/api/v1/projects?size=1").statusCode()).isEqualTo(401);

		assertThat(types(username)).containsSubsequence("TOKEN_CREATED", "TOKEN_USED", "ACCESS_DENIED",
				"TOKEN_REVOKED");
		assertThat(count(username, "TOKEN_CREATED")).isEqualTo(1);
		assertThat(count(username, "TOKEN_REVOKED")).isEqualTo(1);
		assertThat(jdbc.queryForObject("select detail from security_event where username = ? and "
				+ "event_type = 'TOKEN_CREATED'", String.class, username)).contains(name, "READ").doesNotContain(secret);

		// the administrator finds them on the log page, in German
		HttpSession admin = new HttpSession(port);
		admin.login("admin", PASSWORD);
		var log = Jsoup.parse(admin.get("/admin/security-events?username=" + username).body());
		assertThat(log.select("tbody tr td").eachText()).contains("API-Schlüssel angelegt", "API-Schlüssel benutzt",
				"API-Schlüssel widerrufen");
	}

	private HttpResponse<String> bearer(String token, String method, String path) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer " + token).header("Accept", "application/json");
		if (method.equals("GET")) {
			request.GET();
		}
		else {
			request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString("{}"));
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String newAccount(String prefix) {
		asAdmin();
		String username = "sec-" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
		NewUserAccountForm form = new NewUserAccountForm();
		form.setUsername(username);
		form.setDisplayName("Testkonto " + username);
		form.setPassword("Sicheres-Passwort-2026");
		form.setRoles(EnumSet.of(Role.READER));
		administration.create(form);
		SecurityContextHolder.clearContext();
		return username;
	}

	private void asAdmin() {
		UserDetails admin = users.loadUserByUsername("admin");
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
	}

	private HttpResponse<String> api(String username, String password) throws Exception {
		String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/api/v1/projects?size=1")).header("Authorization", "Basic " + basic).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private List<String> types(String username) {
		return jdbc.queryForList("select event_type from security_event where username = ? order by occurred_at",
				String.class, username);
	}

	private long count(String username, String type) {
		return jdbc.queryForObject("select count(*) from security_event where username = ? and event_type = ?",
				Long.class, username, type);
	}

	private static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElse("");
	}

	static Map<String, String> none() {
		return Map.of();
	}
}
