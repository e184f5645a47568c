package de.leitstand.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import de.leitstand.portfolio.ProjectDirectory;
import de.leitstand.portfolio.ProjectStatus;

/**
 * Object-level visibility of monitoring data: a draft (idea) of AMT-51 is invisible to lead2 (AMT-63) in the
 * portfolio, so its milestones and risks must not show in monitoring either — 404 on its routes (reads and writes,
 * as in the portfolio: existence not disclosed), no rows in the drill-down lists, the dashboard's top risks and the
 * dependency graph — while lead (AMT-51) and the portfolio office see everything. Unique titles: runs on a shared
 * PostgreSQL database too.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class MonitoringVisibilityIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	ProjectDirectory directory;

	String marker;
	String draft;
	String milestone;
	String risk;
	String dependent;

	@BeforeEach
	void aDraftOfAmt51WithAMilestoneARiskAndADependent() throws Exception {
		marker = UUID.randomUUID().toString().substring(0, 8);
		draft = create("lead", "Entwurf Sichtbarkeit " + marker, "AMT-51", null);
		assertThat(directory.findByKey(draft).orElseThrow().status()).isEqualTo(ProjectStatus.IDEA);
		LocalDate soon = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(10);
		milestone = "Meilenstein des Entwurfs " + marker;
		call("lead", post("/api/v1/projects/{key}/milestones", draft).contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"%s\", \"planned\": \"%s\"}".formatted(milestone, soon)), 201);
		risk = "Risiko des Entwurfs " + marker;
		call("lead", post("/api/v1/projects/{key}/risks", draft).contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"%s\", \"probability\": 5, \"impact\": 5, \"owner\": \"Amt 51\"}".formatted(risk)),
				201);
		// a project in implementation of the portfolio office that needs the draft (visible to everyone inside)
		dependent = create("portfolio", "Abhängig vom Entwurf " + marker, "AMT-17", draft);
		UUID id = directory.findByKey(dependent).orElseThrow().id();
		for (ProjectStatus step : List.of(ProjectStatus.SUBMITTED, ProjectStatus.IN_REVIEW, ProjectStatus.APPROVED,
				ProjectStatus.IN_IMPLEMENTATION)) {
			directory.moveByDecision(id, step, "test", "Sichtbarkeit");
		}
	}

	@Test
	void anotherOfficesDraftIsNotDisclosedByMonitoring() throws Exception {
		for (String other : List.of("lead2", "reader", "board", "evaluator")) {
			// the portfolio itself does not disclose the draft …
			call(other, get("/api/v1/projects/{key}", draft), 404);
			// … nor do the monitoring routes, reading or writing
			call(other, get("/api/v1/projects/{key}/milestones", draft), 404);
			call(other, get("/api/v1/projects/{key}/risks", draft), 404);
			call(other, get("/api/v1/projects/{key}/reports", draft), 404);
			call(other, get("/monitoring/projects/{key}", draft), 404);
			call(other, get("/monitoring/projects/{key}/reports/{cycle}", draft, UUID.randomUUID()), 404);
			String lists = page(other, "/monitoring/milestones") + page(other, "/monitoring/milestones?filter=overdue")
					+ page(other, "/monitoring/risks") + page(other, "/monitoring/risks?probability=5&impact=5")
					+ page(other, "/monitoring/dashboard") + page(other, "/monitoring/dependencies")
					+ call(other, get("/api/v1/dashboard"), 200);
			assertThat(lists).as(other).doesNotContain(draft, milestone, risk);
			assertThat(page(other, "/monitoring/dependencies")).as("the dependent stays visible").contains(dependent);
		}
		call("lead2", post("/api/v1/projects/{key}/risks", draft).contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"x\", \"probability\": 1, \"impact\": 1, \"owner\": \"x\"}"), 404);
		call("lead2", put("/api/v1/projects/{key}/milestones/{id}", draft, UUID.randomUUID())
			.contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"x\", \"planned\": \"2030-01-01\"}"), 404);
		call("lead2", post("/monitoring/projects/{key}/risks", draft).with(csrf()).param("title", "x"), 404);
		call("lead2", post("/monitoring/projects/{key}/milestones", draft).with(csrf()).param("title", "x"), 404);
	}

	@Test
	void theOfficeAndThePortfolioOfficeSeeTheirDraftsMonitoringData() throws Exception {
		for (String insider : List.of("lead", "portfolio")) {
			assertThat(call(insider, get("/api/v1/projects/{key}/milestones", draft), 200)).contains(milestone);
			assertThat(call(insider, get("/api/v1/projects/{key}/risks", draft), 200)).contains(risk);
			assertThat(call(insider, get("/api/v1/projects/{key}/reports", draft), 200)).isEqualTo("[]");
			assertThat(page(insider, "/monitoring/projects/" + draft)).contains(milestone, risk);
			assertThat(page(insider, "/monitoring/milestones")).contains(draft, milestone);
			assertThat(page(insider, "/monitoring/risks?probability=5&impact=5")).contains(draft, risk);
			assertThat(page(insider, "/monitoring/dependencies")).contains(draft, dependent);
		}
	}

	String create(String as, String title, String unit, String requires) throws Exception {
		String body = """
				{"title": "%s", "shortDescription": "Sichtbarkeit im Monitoring", "type": "PROJECT",
				 "leadUnit": "%s", "plannedStart": "2026-01-01", "plannedEnd": "2027-06-30", %s
				 "goals": [{"goal": "Z3.1", "contribution": "HIGH"}], "ai": {"used": false},
				 "publication": {"published": false}}
				""".formatted(title, unit, requires == null ? "" : "\"requires\": [\"" + requires + "\"],");
		return JsonPath.read(call(as, post("/api/v1/projects").contentType(MediaType.APPLICATION_JSON).content(body),
				201), "$.key");
	}

	String page(String as, String path) throws Exception {
		return call(as, get(path), 200);
	}

	String call(String as, MockHttpServletRequestBuilder request, int expected) throws Exception {
		MvcResult result = mvc.perform(request.with(user(users.loadUserByUsername(as)))).andReturn();
		String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(result.getResponse().getStatus()).as(as + " " + result.getRequest().getRequestURI() + ": " + body)
			.isEqualTo(expected);
		return body;
	}
}
