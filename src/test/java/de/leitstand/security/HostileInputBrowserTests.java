package de.leitstand.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import de.leitstand.support.Browser;
import de.leitstand.support.BrowserTest;

/**
 * Hostile text in the project's text fields, rendered in Chromium. Tag-like payloads are refused with the German
 * message and nothing is stored; payloads without tags (attribute breakouts, {@code javascript:} URLs, template
 * syntax of Thymeleaf, Spring EL and others, Unicode tricks) are stored and must render as inert text on the
 * project page, in the list and the search: no script runs (a global flag and an {@code alert} trap stay unset),
 * no attribute or element appears, and no template expression is evaluated.
 */
@BrowserTest
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HostileInputBrowserTests {

	/** Refused by the plain-text rule (tags). */
	static final List<String> TAG_PAYLOADS = List.of("<script>window.pwned=1</script>", "<img src=x onerror=window.pwned=1>",
			"<svg onload=window.pwned=1>", "\"><svg/onload=window.pwned=1>", "<iframe src=javascript:window.pwned=1>",
			"<a href=\"javascript:window.pwned=1\">x</a>", "<style>*{display:none}</style>", "</textarea><script>x</script>",
			"<body onload=window.pwned=1>");

	/** Allowed as text; must stay text. */
	static final List<String> TEXT_PAYLOADS = List.of("\" onmouseover=\"window.pwned=1", "' onfocus='window.pwned=1",
			"javascript:window.pwned=1", "${7*7}", "#{7*7}", "*{7*7}", "__${7*7}__", "[[${7*7}]]", "[(${7*7})]",
			"__${T(java.lang.Runtime).getRuntime().exec('id')}__::.x", "{{7*7}}", "${{7*7}}",
			"@{/admin}", "~{layout :: page}", "' OR '1'='1", "\u202Egnp.exe", "A\u200BB\uFEFF", "\\u003cscript\\u003e",
			"&lt;script&gt;", "data:text/html,x", "%3Cscript%3E");

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	static Browser browser;

	@BeforeAll
	static void startBrowser(@LocalServerPort int port) {
		browser = Browser.start(port);
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void tagPayloadsAreRefusedWithAGermanMessageAndNotStored() throws Exception {
		for (String payload : TAG_PAYLOADS) {
			String word = "Feind" + UUID.randomUUID().toString().substring(0, 8);
			HttpResponse<String> response = create(word + " " + payload, payload);
			assertThat(response.statusCode()).as(payload).isEqualTo(422);
			assertThat(response.body()).as(payload).contains("HTML-Auszeichnungen");
			assertThat(jdbc.queryForObject("select count(*) from portfolio_project where title like ?", Long.class,
					word + "%")).as(payload).isZero();
		}
	}

	@Test
	void textPayloadsRenderInertInChromium() throws Exception {
		String word = "Feind" + UUID.randomUUID().toString().substring(0, 8);
		List<String> keys = new java.util.ArrayList<>();
		for (String payload : TEXT_PAYLOADS) {
			HttpResponse<String> response = create(word + " " + payload, payload);
			assertThat(response.statusCode()).as(payload + ": " + response.body()).isEqualTo(201);
			keys.add(response.headers().firstValue("Location").orElseThrow().replaceAll(".*/", ""));
		}
		browser.reset().login("portfolio", "leitstand-demo");
		JavascriptExecutor js = (JavascriptExecutor) browser.driver();
		int pages = 0;
		for (int i = 0; i < keys.size(); i++) {
			browser.open("/portfolio/projects/" + keys.get(i));
			assertInert(js, TEXT_PAYLOADS.get(i));
			pages++;
		}
		browser.open("/portfolio?q=" + word + "&size=100");
		assertInert(js, null);
		pages++;
		Files.createDirectories(Path.of("target", "security"));
		Files.writeString(Path.of("target", "security", "hostile-input-figures.txt"), "tagPayloads="
				+ TAG_PAYLOADS.size() + "\ntextPayloads=" + TEXT_PAYLOADS.size() + "\npagesChecked=" + pages + "\n");
	}

	static void assertInert(JavascriptExecutor js, String payload) {
		Object result = js.executeScript("""
				return {
				  pwned: window.pwned === 1,
				  handlers: document.querySelectorAll('[onmouseover],[onfocus],[onerror],[onload]').length,
				  jsLinks: Array.from(document.querySelectorAll('a[href]')).filter(a => a.getAttribute('href').trim().toLowerCase().startsWith('javascript:')).length,
				  scripts: Array.from(document.scripts).filter(s => !s.src).length,
				  text: document.body.innerText
				};""");
		@SuppressWarnings("unchecked")
		java.util.Map<String, Object> r = (java.util.Map<String, Object>) result;
		assertThat(r.get("pwned")).as("script ran for " + payload).isEqualTo(false);
		assertThat(((Number) r.get("handlers")).intValue()).as("event handler attribute for " + payload).isZero();
		assertThat(((Number) r.get("jsLinks")).intValue()).as("javascript: link for " + payload).isZero();
		assertThat(((Number) r.get("scripts")).intValue()).as("inline script for " + payload).isZero();
		if (payload != null) {
			assertThat((String) r.get("text")).as("shown literally").contains(payload.strip());
		}
	}

	HttpResponse<String> create(String title, String description) throws Exception {
		String body = """
				{"title": %s, "shortDescription": %s, "type": "PROJECT", "leadUnit": "AMT-17",
				 "ai": {"used": false}, "publication": {"published": false}}
				""".formatted(json(title), json(description));
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/api/v1/projects"))
			.header("Content-Type", "application/json").header("Accept", "application/json")
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString("portfolio:leitstand-demo".getBytes(StandardCharsets.UTF_8)))
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	static String json(String text) {
		StringBuilder out = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			if (c == '"' || c == '\\') {
				out.append('\\').append(c);
			}
			else if (c < 0x20 || c > 0x7e) {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.append('"').toString();
	}
}
