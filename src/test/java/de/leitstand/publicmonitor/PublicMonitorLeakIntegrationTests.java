package de.leitstand.publicmonitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import de.leitstand.organization.OrgUnitDirectory;
import de.leitstand.portfolio.ProjectStatus;
import de.leitstand.portfolio.internal.Project;
import de.leitstand.portfolio.internal.ProjectService;
import de.leitstand.strategy.StrategyCatalog;

/**
 * Nothing internal leaks (DESIGN.md §5): a published project carries a unique marker in every internal field —
 * internal title, description, problem, impact, contact person and e-mail, costs, effort, funding, tags, the
 * dependency on an unpublished project, a lifecycle comment — and an unpublished project carries one in its public
 * title and summary. No public response (HTML in both languages, search, AI register, CSV, JSON, DCAT, feed) may
 * contain any marker.
 * <p>
 * To extend it when a module adds internal data about a project (status-report texts, evaluations, risks, …):
 * write a marker into the new field in {@link #internalDataWithMarkers} and add it to {@code markers}. Status
 * reports and evaluations did not exist on this branch when the test was written; the projection never reads them
 * except the bare progress percentage.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PublicMonitorLeakIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	ProjectService projects;

	@Autowired
	OrgUnitDirectory units;

	@Autowired
	StrategyCatalog strategy;

	final List<String> markers = new ArrayList<>();

	final List<Pattern> patterns = new ArrayList<>();

	Project published;

	Project unpublished;

	@Test
	void noPublicResponseContainsAnyInternalField() throws Exception {
		internalDataWithMarkers();
		String cleanTitle = "Sauberer Titel " + published.getKey();

		List<String> urls = new ArrayList<>(List.of("/monitor", "/monitor?lang=en",
				"/monitor?q=" + published.getKey(), "/monitor?q=Sauberer", "/monitor?ai=true&office=AMT-51",
				"/monitor/projects/" + published.getKey(), "/monitor/projects/" + published.getKey() + "?lang=en",
				"/monitor/ki-register", "/monitor/ki-register?lang=en", "/monitor/open-data",
				"/monitor/barrierefreiheit", "/monitor/projects.csv", "/monitor/projects.json", "/monitor/dcat.rdf",
				"/monitor/feed.atom", "/monitor/feed.atom?lang=en", "/monitor/projects/" + unpublished.getKey()));
		for (String marker : markers) {
			// Searching for an internal word must not find the project either.
			urls.add("/monitor?q=" + java.net.URLEncoder.encode(marker, StandardCharsets.UTF_8));
		}

		assertThat(body("/monitor/projects/" + published.getKey())).contains(cleanTitle);
		for (String url : urls) {
			String body = body(url);
			for (String marker : markers) {
				// The visitor's own search words are shown back in the search box; that is not a leak.
				body = body.replace("value=\"" + marker + "\"", "");
			}
			for (String marker : markers) {
				assertThat(body).as("%s must not contain %s", url, marker).doesNotContain(marker);
			}
			for (Pattern pattern : patterns) {
				assertThat(pattern.matcher(body).find()).as("%s must not contain %s", url, pattern).isFalse();
			}
		}
		for (String marker : markers) {
			assertThat(body("/monitor?q=" + java.net.URLEncoder.encode(marker, StandardCharsets.UTF_8)))
				.doesNotContain(cleanTitle);
		}
	}

	private void internalDataWithMarkers() throws Exception {
		MonitorFixtures fixtures = new MonitorFixtures(mvc, users, projects, units, strategy);
		String unpublishedMarker = "u" + MonitorFixtures.unique();
		unpublished = fixtures.create(fixtures.internalProfile(unpublishedMarker, true, Set.of()));
		// Public texts written but not released: they stay internal.
		fixtures.publication(unpublished, false, "Noch nicht frei " + unpublishedMarker,
				"Entwurf der Zusammenfassung " + unpublishedMarker);
		markers.add(unpublishedMarker);
		patterns.add(Pattern.compile("(?<![\\w-])" + Pattern.quote(unpublished.getKey()) + "(?!\\d)"));

		String marker = "m" + MonitorFixtures.unique();
		published = fixtures.create(fixtures.internalProfile(marker, true, Set.of(unpublished.getKey())));
		markers.addAll(List.of(marker, "987654321", "876543219", "98765.43", "37.25", "37,25"));
		String comment = "Interner Kommentar " + marker;
		fixtures.asPortfolio(() -> projects.transition(published.getId(), fixtures.get(published.getId()).getVersion(),
				ProjectStatus.SUBMITTED, comment));
		fixtures.publication(published, true, "Sauberer Titel " + published.getKey(),
				"Saubere öffentliche Zusammenfassung.");
	}

	private String body(String url) throws Exception {
		MockHttpServletResponse response = mvc.perform(get(url)).andReturn().getResponse();
		assertThat(response.getStatus()).as(url).isIn(200, 404);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}
}
