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
 * (sign-in, failure, sign-out, role change, refused access, throttling) and its admin page. Session fixation is
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
