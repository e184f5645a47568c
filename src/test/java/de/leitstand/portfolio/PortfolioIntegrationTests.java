package de.leitstand.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import de.leitstand.organization.OrgUnitDirectory;
import de.leitstand.portfolio.internal.Project;
import de.leitstand.portfolio.internal.ProjectSearch;
import de.leitstand.portfolio.internal.Projects;

/**
 * Building block 1 as its users meet it: a lead registers a proposal in steps and sees the similar project of
 * another office; the portfolio office finds it by German full text and filters; nobody changes another office's
 * project; bad input is refused with a message and changes nothing. Each test uses its own unique titles, so the
 * suite also runs against a shared PostgreSQL database.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PortfolioIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	Projects projects;

	@Autowired
	ProjectSearch search;

	@Autowired
	OrgUnitDirectory units;

	@Autowired
	TransactionTemplate tx;

	@Test
	void aLeadRegistersAProposalInStepsSeesTheSimilarProjectOfAnotherOfficeAndSubmitsIt() throws Exception {
		String marker = unique();
		// While typing: the near-duplicate of the Bürgerservice (another office) is offered with a figure.
		String similar = mvc.perform(get("/portfolio/similar")
			.param("title", "Online-Terminbuchung in den Bürgerbüros")
			.param("shortDescription", "Termine online buchen mit Erinnerung per E-Mail")
			.with(as("lead")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(similar).contains("Online-Terminvereinbarung in den Bürgerbüros", "% ähnlich",
				"AMT-33 Bürgerservice und Bürgerbüros");

		// Step 1 creates a draft of the lead's own office.
		MvcResult created = mvc.perform(post("/portfolio/new").with(as("lead")).with(csrf())
			.param("title", "Online-Terminbuchung in den Bürgerbüros " + marker)
			.param("shortDescription", "Termine online buchen mit Erinnerung per E-Mail " + marker)
			.param("type", "PROJECT").param("version", "0"))
			.andExpect(status().is3xxRedirection()).andReturn();
		String key = created.getResponse().getRedirectedUrl().split("/")[3];
		Project draft = project(key);
		assertThat(draft.getStatus()).isEqualTo(ProjectStatus.IDEA);
		assertThat(draft.getLeadUnitId()).isEqualTo(units.findByCode("AMT-51").orElseThrow().id());

		// Step 4 saves the cost plan; empty rows are ignored.
		mvc.perform(post("/portfolio/projects/{key}/edit/resources", key).with(as("lead")).with(csrf())
			.param("version", Long.toString(draft.getVersion()))
			.param("costs[0].year", "2027").param("costs[0].investment", "120000").param("costs[0].running", "5000")
			.param("costs[1].year", "").param("costs[1].investment", "").param("costs[1].running", ""))
			.andExpect(status().is3xxRedirection());
		java.math.BigDecimal total = tx.execute(s -> projects.findByKeyIgnoreCase(key).orElseThrow().totalCost());
		assertThat(total).isEqualByComparingTo("125000");

		// The review step shows the similar project once more before submitting.
		String review = mvc.perform(get("/portfolio/projects/{key}/edit/review", key).with(as("lead")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(review).contains("Online-Terminvereinbarung in den Bürgerbüros", "Vorhaben einreichen");

		mvc.perform(post("/portfolio/projects/{key}/transitions", key).with(as("lead")).with(csrf())
			.param("to", "SUBMITTED").param("version", Long.toString(project(key).getVersion()))
			.param("comment", "Bitte im nächsten Board beraten"))
			.andExpect(status().is3xxRedirection());
		assertThat(project(key).getStatus()).isEqualTo(ProjectStatus.SUBMITTED);
		String page = mvc.perform(get("/portfolio/projects/{key}", key).with(as("reader")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Bitte im nächsten Board beraten", "Idee → Eingereicht", "lead");

		// The history names every change with readable values, not ids.
		String history = mvc.perform(get("/portfolio/projects/{key}/history", key).with(as("reader")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(history).contains("Änderungsverlauf", "Kostenplan", "2027: 120.000,00\u00a0€ + 5.000,00\u00a0€",
				"AMT-51 Jugendamt", "Eingereicht");
	}

	@Test
	void thePortfolioOfficeFindsProjectsByGermanFullTextAndFilters() throws Exception {
		String marker = unique();
		String key = createAs("portfolio", "Anträge auf Sondernutzung " + marker, "AMT-66");
		// Stemming: the singular finds the plural, the umlaut-free spelling finds the umlaut.
		for (String q : List.of("Antrag " + marker, "antraege " + marker, "Sondernutzungen " + marker)) {
			String html = mvc.perform(get("/portfolio").param("q", q).with(as("portfolio")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			assertThat(html).as("search for %s", q).contains(key).contains("1 Vorhaben gefunden");
		}
		UUID tiefbau = units.findByCode("AMT-66").orElseThrow().id();
		String filtered = mvc.perform(get("/portfolio").param("q", marker).param("unit", tiefbau.toString())
			.param("status", "IDEA").with(as("portfolio")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(filtered).contains(key);
		String otherStatus = mvc.perform(get("/portfolio").param("q", marker).param("status", "COMPLETED")
			.with(as("portfolio")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(otherStatus).doesNotContain(key).contains("0 Vorhaben gefunden");
	}

	@Test
	void searchCountsPerFilterValueMatchTheResults() {
		var result = tx.execute(s -> {
			org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
					new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(
							users.loadUserByUsername("portfolio"), null,
							users.loadUserByUsername("portfolio").getAuthorities()));
			try {
				return search.search(ProjectQuery.all());
			}
			finally {
				org.springframework.security.core.context.SecurityContextHolder.clearContext();
			}
		});
		long byStatus = result.facets().statuses().values().stream().mapToLong(Long::longValue).sum();
		assertThat(byStatus).isEqualTo(result.total()).isGreaterThanOrEqualTo(200);
		assertThat(result.facets().types().values().stream().mapToLong(Long::longValue).sum())
			.isEqualTo(result.total());
	}

	@Test
	void aLeadCannotChangeAnotherOfficesProjectNorSeeItsDrafts() throws Exception {
		String key = createAs("lead", "Jugendhilfe-Entwurf " + unique(), null);
		long version = project(key).getVersion();
		// lead2 (Baurechtsamt) does not see the draft of the Jugendamt at all.
		mvc.perform(get("/portfolio/projects/{key}", key).with(as("lead2"))).andExpect(status().isNotFound());
		mvc.perform(post("/portfolio/projects/{key}/edit/basics", key).with(as("lead2")).with(csrf())
			.param("title", "Übernommen").param("shortDescription", "x").param("type", "PROJECT")
			.param("version", Long.toString(version))).andExpect(status().isNotFound());

		// Once submitted, everyone may read it, but lead2 may neither edit nor move it.
		mvc.perform(post("/portfolio/projects/{key}/transitions", key).with(as("lead")).with(csrf())
			.param("to", "SUBMITTED").param("version", Long.toString(version)))
			.andExpect(status().is3xxRedirection());
		long submitted = project(key).getVersion();
		mvc.perform(get("/portfolio/projects/{key}", key).with(as("lead2"))).andExpect(status().isOk());
		mvc.perform(get("/portfolio/projects/{key}/edit/basics", key).with(as("lead2")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/portfolio/projects/{key}/edit/basics", key).with(as("lead2")).with(csrf())
			.param("title", "Übernommen").param("shortDescription", "x").param("type", "PROJECT")
			.param("version", Long.toString(submitted))).andExpect(status().isForbidden());
		mvc.perform(post("/portfolio/projects/{key}/transitions", key).with(as("lead2")).with(csrf())
			.param("to", "IDEA").param("version", Long.toString(submitted))).andExpect(status().isForbidden());
		mvc.perform(post("/portfolio/projects/{key}/transitions", key).with(as("reader")).with(csrf())
			.param("to", "IN_REVIEW").param("version", Long.toString(submitted))).andExpect(status().isForbidden());
		assertThat(project(key).getTitle()).doesNotContain("Übernommen");
		assertThat(project(key).getStatus()).isEqualTo(ProjectStatus.SUBMITTED);
		// A lead cannot register a project for another office either.
		mvc.perform(post("/portfolio/new").with(as("lead")).with(csrf()).param("title", "Fremdes Amt " + unique())
			.param("shortDescription", "x").param("type", "PROJECT")
			.param("leadUnitId", units.findByCode("AMT-63").orElseThrow().id().toString()))
			.andExpect(status().is(422));
	}

	@Test
	void invalidInputGetsAMessageAtTheFieldAndStoresNothing() throws Exception {
		String key = createAs("portfolio", "Validierung " + unique(), "AMT-17");
		Project before = project(key);
		String v = Long.toString(before.getVersion());
		assertRejected(post("/portfolio/projects/{key}/edit/basics", key).param("title", "")
			.param("shortDescription", "x").param("type", "PROJECT").param("version", v),
				"Bitte füllen Sie dieses Feld aus.");
		assertRejected(post("/portfolio/projects/{key}/edit/basics", key).param("title", "x".repeat(10_000))
			.param("shortDescription", "x").param("type", "PROJECT").param("version", v),
				"Bitte geben Sie höchstens 300 Zeichen ein.");
		assertRejected(post("/portfolio/projects/{key}/edit/organisation", key)
			.param("leadUnitId", before.getLeadUnitId().toString()).param("plannedStart", "2027-05-01")
			.param("plannedEnd", "2026-01-01").param("version", v), "Das geplante Ende muss nach dem Start liegen.");
		assertRejected(post("/portfolio/projects/{key}/edit/resources", key).param("costs[0].year", "1999")
			.param("costs[0].investment", "-5").param("costs[0].running", "0").param("version", v),
				"Bitte geben Sie ein Jahr zwischen 2000 und 2100 ein.");
		assertRejected(post("/portfolio/projects/{key}/edit/resources", key).param("costs[0].year", "zweitausend")
			.param("version", v), "Bitte geben Sie eine ganze Zahl ein.");
		assertRejected(post("/portfolio/projects/{key}/edit/details", key).param("requires", key)
			.param("version", v), "Ein Vorhaben kann nicht von sich selbst abhängen.");
		assertRejected(post("/portfolio/projects/{key}/edit/details", key).param("requires", "P-9999")
			.param("version", v), "Das Vorhaben P-9999 gibt es nicht.");
		assertRejected(post("/portfolio/projects/{key}/edit/details", key).param("aiUsed", "true")
			.param("aiPurpose", "Gesichtserkennung").param("aiRiskClass", "UNACCEPTABLE").param("version", v),
				"verboten");
		assertRejected(post("/portfolio/projects/{key}/edit/publication", key).param("published", "true")
			.param("publicTitle", "").param("version", v), "Bitte füllen Sie dieses Feld aus.");
		Project after = project(key);
		assertThat(after.getVersion()).isEqualTo(before.getVersion());
		assertThat(after.getTitle()).isEqualTo(before.getTitle());
	}

	@Test
	void aDependencyCycleIsRejectedAndNamesTheChain() throws Exception {
		String a = createAs("portfolio", "Kreis A " + unique(), "AMT-17");
		String b = createAs("portfolio", "Kreis B " + unique(), "AMT-17");
		mvc.perform(post("/portfolio/projects/{key}/edit/details", b).with(as("portfolio")).with(csrf())
			.param("requires", a).param("version", Long.toString(project(b).getVersion())))
			.andExpect(status().is3xxRedirection());
		String html = mvc.perform(post("/portfolio/projects/{key}/edit/details", a).with(as("portfolio"))
			.with(csrf()).param("requires", b).param("version", Long.toString(project(a).getVersion())))
			.andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
		assertThat(html).contains("Diese Abhängigkeit ergäbe einen Kreis: " + a + " → " + b + " → " + a);
		Integer requires = tx.execute(s -> projects.findByKeyIgnoreCase(a).orElseThrow().getRequires().size());
		assertThat(requires).isZero();
	}

	@Test
	void aStaleSaveShowsTheConflictAndKeepsTheInput() throws Exception {
		String key = createAs("portfolio", "Konflikt " + unique(), "AMT-17");
		String opened = Long.toString(project(key).getVersion());
		mvc.perform(post("/portfolio/projects/{key}/edit/basics", key).with(as("portfolio")).with(csrf())
			.param("title", "Fassung A").param("shortDescription", "x").param("type", "PROJECT")
			.param("version", opened)).andExpect(status().is3xxRedirection());
		String html = mvc.perform(post("/portfolio/projects/{key}/edit/basics", key).with(as("portfolio"))
			.with(csrf()).param("title", "Fassung B").param("shortDescription", "x").param("type", "PROJECT")
			.param("version", opened)).andExpect(status().isConflict()).andReturn().getResponse()
			.getContentAsString();
		assertThat(html).contains("Jemand anderes hat dieses Vorhaben gespeichert", "value=\"Fassung B\"");
		assertThat(project(key).getTitle()).isEqualTo("Fassung A");
	}

	@Test
	void anIllegalLifecycleStepIsRefusedWithAMessage() throws Exception {
		String key = createAs("portfolio", "Lebenszyklus " + unique(), "AMT-17");
		String html = mvc.perform(post("/portfolio/projects/{key}/transitions", key).with(as("portfolio"))
			.with(csrf()).param("to", "COMPLETED").param("version", Long.toString(project(key).getVersion())))
			.andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
		assertThat(html).contains("Dieser Schritt ist im aktuellen Status nicht möglich.");
		assertThat(project(key).getStatus()).isEqualTo(ProjectStatus.IDEA);
	}

	@Test
	void savedFiltersKeepTheQueryAndBelongToTheirOwner() throws Exception {
		String name = "Meine KI-Vorhaben " + unique();
		mvc.perform(post("/portfolio/filters").with(as("board")).with(csrf()).param("name", name)
			.param("query", "ai=true&status=IN_IMPLEMENTATION&bogus=1")).andExpect(status().is3xxRedirection());
		String mine = mvc.perform(get("/portfolio").with(as("board"))).andReturn().getResponse()
			.getContentAsString();
		assertThat(mine).contains(name).contains("/portfolio?status=IN_IMPLEMENTATION&amp;ai=true");
		String others = mvc.perform(get("/portfolio").with(as("reader"))).andReturn().getResponse()
			.getContentAsString();
		assertThat(others).doesNotContain(name);
	}

	@Test
	void coverageShowsGoalsWithoutProjectsAndMoneyPerField() throws Exception {
		String html = mvc.perform(get("/portfolio/coverage").with(as("board")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(html).contains("Geplante Mittel je Handlungsfeld und Jahr", "1 Moderne und digitale Verwaltung",
				"Vorhaben ohne Zielzuordnung");
	}

	private String createAs(String user, String title, String unitCode) throws Exception {
		MockHttpServletRequestBuilder request = post("/portfolio/new").with(as(user)).with(csrf())
			.param("title", title).param("shortDescription", "Beschreibung von " + title).param("type", "PROJECT");
		if (unitCode != null) {
			request.param("leadUnitId", units.findByCode(unitCode).orElseThrow().id().toString());
		}
		MvcResult result = mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn();
		return result.getResponse().getRedirectedUrl().split("/")[3];
	}

	private Project project(String key) {
		return projects.findByKeyIgnoreCase(key).orElseThrow();
	}

	private void assertRejected(MockHttpServletRequestBuilder request, String message) throws Exception {
		String html = mvc.perform(request.with(as("portfolio")).with(csrf()))
			.andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
		assertThat(html).contains("Bitte prüfen Sie Ihre Eingaben").contains(message);
	}

	private RequestPostProcessor as(String username) {
		return SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(username));
	}

	private static String unique() {
		return "T" + UUID.randomUUID().toString().substring(0, 8);
	}

}
