package de.leitstand;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import de.leitstand.support.HttpSession;

/**
 * Browsers get readable error pages in the page layout; API clients asking for JSON get RFC 9457 problem details.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ErrorPagesIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void unknownPageShowsTheGerman404PageToABrowser() {
		HttpSession http = signedIn();

		HttpResponse<String> response = http.get("/no-such-page");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("text/html"));
		Document page = Jsoup.parse(response.body());
		assertThat(page.select("h1").text()).isEqualTo("Seite nicht gefunden");
		assertThat(page.select("a[hreflang=en]").attr("href")).as("language switch stays on the page")
			.isEqualTo("/no-such-page?lang=en");
	}

	@Test
	void forbiddenPageKeepsTheLanguageSwitchOnTheRequestedPage() {
		HttpSession http = new HttpSession(port);
		http.login("lead", "leitstand-demo");

		HttpResponse<String> response = http.get("/admin/users");

		assertThat(response.statusCode()).isEqualTo(403);
		Document page = Jsoup.parse(response.body());
		assertThat(page.select("h1").text()).isEqualTo("Kein Zugriff");
		assertThat(page.select("a[hreflang=en]").attr("href")).isEqualTo("/admin/users?lang=en");
	}

	@Test
	void unknownPageIsAProblemDetailForJsonClients() {
		HttpSession http = signedIn();

		HttpResponse<String> response = http.get("/no-such-page", "application/json");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"status\":404");
	}

	@Test
	void wrongMethodShowsAnErrorPageToABrowser() {
		HttpSession http = signedIn();
		String token = Jsoup.parse(http.get("/").body()).select("input[name=_csrf]").val();

		HttpResponse<String> response = http.post("/", "_csrf", token);

		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(Jsoup.parse(response.body()).select("h1").text()).isEqualTo("Ein Fehler ist aufgetreten");
	}

	private HttpSession signedIn() {
		HttpSession http = new HttpSession(port);
		http.login("reader", "leitstand-demo");
		return http;
	}
}
