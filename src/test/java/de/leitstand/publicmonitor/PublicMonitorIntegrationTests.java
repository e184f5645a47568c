package de.leitstand.publicmonitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.w3c.dom.Document;

import de.leitstand.organization.OrgUnitDirectory;
import de.leitstand.portfolio.internal.Project;
import de.leitstand.portfolio.internal.ProjectService;
import de.leitstand.strategy.StrategyCatalog;

/**
 * The public monitor as citizens meet it: publishing a project in the internal view puts it on /monitor, into the
 * downloads and the feed; withdrawing it removes it everywhere. No sign-in, cacheable answers, and nonsense in the
 * URL gets a normal page with a message.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PublicMonitorIntegrationTests {

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

	MonitorFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new MonitorFixtures(mvc, users, projects, units, strategy);
	}

	@Test
	void publishingPutsAProjectOnTheMonitorAndWithdrawingRemovesItEverywhere() throws Exception {
		String marker = MonitorFixtures.unique();
		Project project = fixtures.create(fixtures.internalProfile("x" + marker, true, Set.of()));
		String title = "Öffentlicher Titel " + marker;
		String summary = "Öffentliche Zusammenfassung " + marker;
		assertThat(anonymous("/monitor?q=" + marker)).doesNotContain(title);

		fixtures.publication(project, true, title, summary);

		assertThat(anonymous("/monitor?q=" + marker)).contains(title, "Jugendamt");
		String page = anonymous("/monitor/projects/" + project.getKey());
		assertThat(page).contains(title, summary, "Jugendamt", "Öffentlicher KI-Zweck",
				strategy.activeFields().get(0).goals().get(0).code());
		assertThat(anonymous("/monitor/projects/" + project.getKey().toLowerCase())).contains(title);
		assertThat(anonymous("/monitor/ki-register")).contains(title, "Öffentlicher KI-Zweck");
		assertThat(anonymous("/monitor/projects.csv")).contains(project.getKey(), title);
		assertThat(anonymous("/monitor/projects.json")).contains("\"key\":\"" + project.getKey() + "\"", title);
		assertThat(anonymous("/monitor/feed.atom")).contains("Veröffentlicht: " + title);
		assertThat(anonymous("/monitor/projects/" + project.getKey() + "?lang=en")).contains("Lead office", title);

		// A change to public fields is an update in the feed.
		fixtures.publication(project, true, title + " neu", summary);
		assertThat(anonymous("/monitor/feed.atom")).contains("Aktualisiert: " + title + " neu");

		fixtures.publication(project, false, title, summary);

		assertThat(anonymous("/monitor?q=" + marker)).doesNotContain(title);
		mvc.perform(get("/monitor/projects/" + project.getKey())).andExpect(status().isNotFound());
		for (String url : new String[] { "/monitor/ki-register", "/monitor/projects.csv", "/monitor/projects.json",
				"/monitor/feed.atom" }) {
			assertThat(anonymous(url)).as(url).doesNotContain(marker);
		}
	}

	@Test
	void answersAreCacheableAndRevalidatedWithEtagAndLastModified() throws Exception {
		for (String url : new String[] { "/monitor", "/monitor/projects.csv", "/monitor/feed.atom",
				"/monitor/barrierefreiheit" }) {
			MvcResult first = mvc.perform(get(url)).andExpect(status().isOk())
				.andExpect(header().string("Cache-Control", "public, max-age=60"))
				.andExpect(header().exists("Last-Modified"))
				.andReturn();
			String etag = first.getResponse().getHeader("ETag");
			assertThat(etag).as(url).isNotBlank();
			mvc.perform(get(url).header("If-None-Match", etag)).andExpect(status().isNotModified());
			mvc.perform(get(url).header("If-Modified-Since", first.getResponse().getHeader("Last-Modified")))
				.andExpect(status().isNotModified());
			mvc.perform(get(url).header("If-None-Match", "\"something-else\"")).andExpect(status().isOk());
		}
	}

	@Test
	void publishingChangesTheValidators() throws Exception {
		String etag = mvc.perform(get("/monitor")).andReturn().getResponse().getHeader("ETag");
		Project project = fixtures.create(fixtures.internalProfile("y" + MonitorFixtures.unique(), false, Set.of()));
		fixtures.publication(project, true, "Neu veröffentlicht " + project.getKey(), "Kurz und öffentlich.");
		mvc.perform(get("/monitor").header("If-None-Match", etag)).andExpect(status().isOk());
	}

	@Test
	void withoutConfiguredLegalPagesTheDemoFooterSaysSoAndLinksNothing() throws Exception {
		String page = anonymous("/monitor");
		assertThat(page).contains("Demo-Modus: Impressum und Datenschutzerklärung der Stadt werden hier verlinkt")
			.doesNotContain(">Impressum</a>", ">Datenschutzerklärung</a>", "Platzhalter");
	}

	@Test
	void anonymousVisitorsGetNoSession() throws Exception {
		MvcResult result = mvc.perform(get("/monitor")).andExpect(status().isOk()).andReturn();
		assertThat(result.getRequest().getSession(false)).isNull();
		assertThat(result.getResponse().getHeader("Content-Security-Policy")).contains("script-src 'self'");
	}

	@Test
	void nonsenseInTheQueryGetsANormalPageWithAMessage() throws Exception {
		String page = anonymous("/monitor?page=-3&field=xyz&status=NOPE&office=AMT-99999&ai=maybe");
		assertThat(page).contains("Die Seitenzahl muss eine Zahl ab 1 sein",
				"Dieses Handlungsfeld gibt es nicht", "Diesen Status gibt es nicht",
				"Zu diesem Amt gibt es keine veröffentlichten Projekte", "Der KI-Filter kennt nur");
		assertThat(anonymous("/monitor?q=" + "a".repeat(5000))).contains("Der Suchbegriff war zu lang");
		assertThat(anonymous("/monitor?page=999999")).contains("So viele Seiten gibt es nicht");
		assertThat(anonymous("/monitor?field=99&page=abc")).contains("Dieses Handlungsfeld gibt es nicht");
		assertThat(anonymous("/monitor?page=-1&lang=en")).contains("The page number must be a number from 1");
		mvc.perform(get("/monitor/projects/{key}", "<script>")).andExpect(status().is4xxClientError());
		mvc.perform(get("/monitor/projects/{key}", "P-NOPE")).andExpect(status().isNotFound());
	}

	@Test
	void theDcatDescriptionIsWellFormedRdfXmlWithTheRequiredProperties() throws Exception {
		String rdf = anonymous("/monitor/dcat.rdf");
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(rdf.getBytes(StandardCharsets.UTF_8)));
		String dcat = "http://www.w3.org/ns/dcat#";
		String dct = "http://purl.org/dc/terms/";
		assertThat(doc.getElementsByTagNameNS(dcat, "Catalog").getLength()).isEqualTo(1);
		assertThat(doc.getElementsByTagNameNS(dcat, "Dataset").getLength()).isEqualTo(1);
		assertThat(doc.getElementsByTagNameNS(dcat, "Distribution").getLength()).isEqualTo(2);
		assertThat(doc.getElementsByTagNameNS("http://dcat-ap.de/def/dcatde/", "contributorID").getLength()).isEqualTo(1);
		assertThat(doc.getElementsByTagNameNS(dct, "license").getLength()).isEqualTo(2);
		assertThat(rdf).contains("http://dcat-ap.de/def/licenses/dl-by-de/2.0", "/monitor/projects.csv",
				"/monitor/projects.json");
		assertThat(doc.getElementsByTagNameNS(dct, "modified").getLength()).isGreaterThanOrEqualTo(3);

		String atom = anonymous("/monitor/feed.atom");
		Document feed = factory.newDocumentBuilder().parse(new ByteArrayInputStream(atom.getBytes(StandardCharsets.UTF_8)));
		assertThat(feed.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
		assertThat(feed.getDocumentElement().getLocalName()).isEqualTo("feed");
	}

	@Test
	void theCsvHasTheDocumentedColumns() throws Exception {
		String csv = anonymous("/monitor/projects.csv");
		assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo("key,url,title,summary,status,fields_of_action,"
				+ "goals,office,planned_start,planned_end,progress_percent,ai_used,ai_purpose,ai_risk_class,"
				+ "published_at,updated_at");
	}

	private String anonymous(String url) throws Exception {
		return mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}
}
