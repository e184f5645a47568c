package de.leitstand.publicmonitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.test.context.ActiveProfiles;

import de.leitstand.publicmonitor.internal.MonitorResponseCache;
import de.leitstand.support.RawHttp;

/**
 * Absolute links of the public documents name the configured public base URL (unset: this server's own address),
 * never the Host a client sends: a request with a foreign Host, also as X-Forwarded-Host from a trusted proxy
 * address, neither sees its host in a document nor leaves it in the cached copy every later visitor gets.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PublicLinksIntegrationTests {

	static final String[] DOCUMENTS = { "/monitor/feed.atom", "/monitor/dcat.rdf", "/monitor/projects.json",
			"/monitor/projects.csv" };

	static final Pattern ABSOLUTE = Pattern.compile("https?://[^\\s\"'<>,]+");

	@LocalServerPort
	int port;

	@Autowired
	FilterRegistrationBean<MonitorResponseCache> cache;

	@Test
	void aForeignHostNeitherAppearsInNorPoisonsAPublicDocument() {
		String base = "http://localhost:" + port + "/monitor";
		for (String document : DOCUMENTS) {
			// A query no one asked for before: the foreign request is the one that renders and fills the cache.
			String target = document + "?fresh=" + MonitorFixtures.unique();
			RawHttp.Answer foreign = RawHttp.get(port, target, "Host: evil.example",
					"X-Forwarded-Host: evil.example", "X-Forwarded-Port: 443");
			double hits = cache.getFilter().hits();
			RawHttp.Answer normal = RawHttp.get(port, target);

			assertThat(foreign.status()).as(document).isEqualTo(200);
			assertThat(normal.status()).as(document).isEqualTo(200);
			assertThat(foreign.body()).as(document).doesNotContain("evil.example").contains(base);
			assertThat(normal.body()).as(document).isEqualTo(foreign.body());
			assertThat(cache.getFilter().hits()).as(document + " served from the cache").isEqualTo(hits + 1);
			Matcher links = ABSOLUTE.matcher(normal.body());
			while (links.find()) {
				String link = links.group();
				if (link.contains("/monitor")) {
					assertThat(link).as(document).startsWith(base);
				}
			}
		}
	}

	@Test
	void redirectsDoNotNameAForeignHost() {
		for (String target : new String[] { "/portfolio", "/monitoring/dashboard", "/" }) {
			RawHttp.Answer answer = RawHttp.get(port, target, "Host: evil.example", "X-Forwarded-Host: evil.example");

			assertThat(answer.status()).as(target).isEqualTo(302);
			assertThat(answer.header("Location")).as(target).doesNotContain("evil.example").endsWith("/login");
		}
	}
}
