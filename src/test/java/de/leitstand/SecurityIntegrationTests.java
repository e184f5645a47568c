package de.leitstand;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import de.leitstand.support.HttpSession;

/**
 * Sign-in, sign-out, CSRF, session fixation, security headers and the health probes, over real HTTP against the
 * running application.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SecurityIntegrationTests {

	static final String PASSWORD = "leitstand-demo";

	@LocalServerPort
	int port;

	@Test
	void anonymousUsersAreSentToTheLoginPage() {
		HttpSession http = new HttpSession(port);

		HttpResponse<String> response = http.get("/");

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(location(response)).endsWith("/login");
	}

	@Test
	void wrongPasswordIsRejectedWithAGermanMessage() {
		HttpSession http = new HttpSession(port);

		HttpResponse<String> response = http.login("lead", "wrong-password");

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(location(response)).endsWith("/login?error");
		HttpResponse<String> page = http.get("/login?error");
		assertThat(Jsoup.parse(page.body()).select("[role=alert]").text())
			.isEqualTo("Benutzername oder Passwort ist falsch.");
		assertThat(http.get("/").statusCode()).as("still signed out").isEqualTo(302);
	}

	@Test
	void rightPasswordSignsIn() {
		HttpSession http = new HttpSession(port);

		HttpResponse<String> response = http.login("lead", PASSWORD);

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(location(response)).doesNotContain("error");
		HttpResponse<String> home = http.get("/");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(home.body()).select("h1").text()).contains("Lena Lead");
	}

	@Test
	void postWithoutCsrfTokenIsForbidden() {
		HttpSession http = new HttpSession(port);
		http.get("/login");

		HttpResponse<String> login = http.post("/login", "username", "lead", "password", PASSWORD);

		assertThat(login.statusCode()).isEqualTo(403);
		assertThat(http.get("/").statusCode()).as("not signed in by a forged form").isEqualTo(302);
	}

	@Test
	void logoutWithoutCsrfTokenIsForbiddenAndKeepsTheSession() {
		HttpSession http = new HttpSession(port);
		http.login("reader", PASSWORD);

		assertThat(http.post("/logout").statusCode()).isEqualTo(403);
		assertThat(http.get("/").statusCode()).isEqualTo(200);
	}

	@Test
	void logoutEndsTheSession() {
		HttpSession http = new HttpSession(port);
		http.login("reader", PASSWORD);
		assertThat(http.get("/").statusCode()).isEqualTo(200);
		String token = Jsoup.parse(http.get("/").body()).select("form[action$=/logout] input[name=_csrf]").val();

		HttpResponse<String> logout = http.post("/logout", "_csrf", token);

		assertThat(logout.statusCode()).isEqualTo(302);
		assertThat(location(logout)).endsWith("/login?logout");
		assertThat(http.get("/").statusCode()).isEqualTo(302);
		assertThat(Jsoup.parse(http.get("/login?logout").body()).select("[role=status]").text())
			.isEqualTo("Sie wurden abgemeldet.");
	}

	@Test
	void signingInIssuesANewSessionId() {
		HttpSession http = new HttpSession(port);
		String token = http.csrfToken("/login");
		String before = http.cookie("JSESSIONID");
		assertThat(before).as("session before sign-in").isNotNull();

		http.post("/login", "username", "board", "password", PASSWORD, "_csrf", token);

		assertThat(http.cookie("JSESSIONID")).isNotNull().isNotEqualTo(before);
		assertThat(http.get("/").statusCode()).isEqualTo(200);
	}

	@Test
	void pagesCarrySecurityHeaders() {
		HttpSession http = new HttpSession(port);

		for (HttpResponse<String> response : new HttpResponse[] { http.get("/login"), http.get("/") }) {
			String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
			assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'");
			assertThat(directive(csp, "script-src")).isNotEmpty().doesNotContain("'unsafe-inline'", "'unsafe-eval'");
			assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
			assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
			assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
		}
	}

	@Test
	void healthAndReadinessAreUpForAnonymousCallers() {
		HttpSession http = new HttpSession(port);

		for (String path : new String[] { "/actuator/health", "/actuator/health/readiness",
				"/actuator/health/liveness" }) {
			HttpResponse<String> response = http.get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			assertThat(response.body().replace(" ", "")).as(path).contains("\"status\":\"UP\"");
		}
	}

	private static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElse("");
	}

	private static String directive(String csp, String name) {
		for (String directive : csp.split(";")) {
			if (directive.strip().startsWith(name + " ")) {
				return directive.strip();
			}
		}
		return "";
	}
}
