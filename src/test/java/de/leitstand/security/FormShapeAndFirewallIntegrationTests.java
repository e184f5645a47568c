package de.leitstand.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import de.leitstand.support.HttpSession;
import de.leitstand.support.RawHttp;

/**
 * Request shapes no page offers never end in a 500: form rows out of range, the error path asked for directly and
 * addresses the security firewall or the web server refuses get a 4xx page (or, for the API and JSON clients, a problem document)
 * that says why, with the security headers of every page and without a public cache header.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FormShapeAndFirewallIntegrationTests {

	static final String[] SECURITY_HEADERS = { "Content-Security-Policy", "X-Content-Type-Options",
			"X-Frame-Options", "Referrer-Policy" };

	@LocalServerPort
	int port;

	@Test
	void projectFormRowsOutOfRangeAreA400NamingTheFieldAndChangeNothing() {
		HttpSession http = new HttpSession(port);
		http.login("portfolio", "leitstand-demo");
		String form = "/portfolio/projects/P-0001/edit/resources";
		Document before = Jsoup.parse(http.get(form).body());
		String version = before.select("input[name=version]").val();
		String costs = before.select("input[name^=costs]").eachAttr("value").toString();

		for (String field : new String[] { "costs[100].year", "costs[99999].year", "costs[-1].year", "costs[x].year",
				"costs[99999999999].year", "efforts[100].personDays", "onlineServices[250].name" }) {
			HttpResponse<String> response = http.post(form, "_csrf", http.csrfToken(form), "version", version,
					"costs[0].year", "2031", "costs[0].investment", "999", field, "1");

			assertThat(response.statusCode()).as(field).isEqualTo(400);
			Document page = Jsoup.parse(response.body());
			assertThat(page.select("h1").text()).as(field).isEqualTo("Ungültige Anfrage");
			assertThat(page.select("#bad-request-reason").text()).as(field)
				.contains("„" + field.substring(0, field.indexOf(']') + 1) + "“", "nichts gespeichert");
			assertPlainErrorHeaders(response.headers().map(), field);
		}
		Document after = Jsoup.parse(http.get(form).body());
		assertThat(after.select("input[name=version]").val()).isEqualTo(version);
		assertThat(after.select("input[name^=costs]").eachAttr("value").toString()).isEqualTo(costs);
	}

	@Test
	void reportFormRowsOutOfRangeAreA400InEnglishToo() {
		HttpSession http = new HttpSession(port);
		http.login("portfolio", "leitstand-demo");
		String report = "/monitoring/projects/P-0001/reports/" + UUID.randomUUID();
		String token = http.csrfToken("/portfolio/new");

		HttpResponse<String> german = http.post(report, "_csrf", token, "costYears[100]", "2026");
		HttpResponse<String> english = http.post(report + "?lang=en", "_csrf", token, "costAmounts[-3]", "5");

		assertThat(german.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(german.body()).select("#bad-request-reason").text()).contains("„costYears[100]“");
		assertThat(english.statusCode()).isEqualTo(400);
		Document page = Jsoup.parse(english.body());
		assertThat(page.select("h1").text()).isEqualTo("Invalid request");
		assertThat(page.select("#bad-request-reason").text()).contains("\"costAmounts[-3]\"", "Nothing was saved");
	}

	@Test
	void theErrorPathAskedForDirectlyIsA404ForEveryone() {
		HttpSession anonymous = new HttpSession(port);
		HttpSession signedIn = new HttpSession(port);
		signedIn.login("reader", "leitstand-demo");

		for (HttpSession http : new HttpSession[] { anonymous, signedIn }) {
			HttpResponse<String> page = http.get("/error");
			assertThat(page.statusCode()).isEqualTo(404);
			assertThat(Jsoup.parse(page.body()).select("h1").text()).isEqualTo("Seite nicht gefunden");
			assertPlainErrorHeaders(page.headers().map(), "/error");

			HttpResponse<String> json = http.get("/error", "application/json");
			assertThat(json.statusCode()).isEqualTo(404);
			assertThat(json.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(json.body()).contains("\"status\":404", "\"title\":\"Nicht gefunden\"");
			assertPlainErrorHeaders(json.headers().map(), "/error as JSON");
		}
		RawHttp.Answer english = RawHttp.get(port, "/error", "Accept: application/json", "Accept-Language: en");
		assertThat(english.status()).isEqualTo(404);
		assertThat(english.body()).contains("\"title\":\"Not found\"");
	}

	@Test
	void addressesTheFirewallRefusesGetA400PageWithTheHeadersOfEveryPage() {
		RawHttp.Answer normal = RawHttp.get(port, "/login", "Accept: text/html");
		for (String target : new String[] { "//portfolio", "/portfolio/%2e%2e/x", "/monitor;jsessionid=x",
				"/monitor/projects/%2e%2e/x", "/portfolio%25x", "/portfolio/%0ax", "/login;a=b",
				// refused by the web server itself, before the firewall
				"/portfolio%2Fx", "/portfolio%5Cx", "/portfolio\\x", "/portfolio%00x", "/portfolio/\u0007x",
				"/monitor\\..\\admin" }) {
			RawHttp.Answer answer = RawHttp.get(port, target, "Accept: text/html");

			assertThat(answer.status()).as(target).isEqualTo(400);
			Document page = Jsoup.parse(answer.body());
			assertThat(page.select("h1").text()).as(target).isEqualTo("Ungültige Anfrage");
			assertThat(page.select("#bad-request-reason").text()).as(target).contains("Sicherheitsgründen");
			for (String header : SECURITY_HEADERS) {
				assertThat(answer.header(header)).as(target + " " + header).isEqualTo(normal.header(header)).isNotNull();
			}
			assertThat(answer.header("Cache-Control")).as(target).contains("no-store").doesNotContain("public");
		}
	}

	@Test
	void apiAddressesTheFirewallRefusesGetAProblemDocument() {
		for (String target : new String[] { "//api/v1/projects", "/api/v1/projects;x=y", "/api/v1/%2e%2e/projects",
				"/api//v1/kpis", "/api/v1/projects%2F1" }) {
			for (String accept : new String[] { "application/json", "text/html" }) {
				RawHttp.Answer answer = RawHttp.get(port, target, "Accept: " + accept);

				assertThat(answer.status()).as(target).isEqualTo(400);
				assertThat(answer.header("Content-Type")).as(target).startsWith("application/problem+json");
				assertThat(answer.body()).as(target).contains("\"type\":\"urn:leitstand:problem:rejected-url\"",
						"\"title\":\"Ungültige Adresse\"", "\"status\":400");
				assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
				assertThat(answer.header("Cache-Control")).contains("no-store").doesNotContain("public");
			}
		}
		RawHttp.Answer english = RawHttp.get(port, "//api/v1/projects", "Accept: application/json",
				"Accept-Language: en");
		assertThat(english.body()).contains("\"title\":\"Invalid address\"");
	}

	@Test
	void errorsOfThePublicMonitorAreNeverMarkedPublic() {
		RawHttp.Answer missing = RawHttp.get(port, "/monitor/no-such-page", "Accept: text/html");

		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.header("Cache-Control")).contains("no-store").doesNotContain("public");
	}

	private static void assertPlainErrorHeaders(java.util.Map<String, java.util.List<String>> headers, String what) {
		java.util.Map<String, java.util.List<String>> byName = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		byName.putAll(headers);
		assertThat(byName.get("Content-Security-Policy")).as(what).isNotNull();
		assertThat(byName.get("X-Content-Type-Options")).as(what).containsExactly("nosniff");
		assertThat(byName.get("X-Frame-Options")).as(what).containsExactly("DENY");
		assertThat(byName.get("Referrer-Policy")).as(what).containsExactly("same-origin");
		assertThat(String.join(",", byName.get("Cache-Control"))).as(what).contains("no-store")
			.doesNotContain("public");
	}
}
