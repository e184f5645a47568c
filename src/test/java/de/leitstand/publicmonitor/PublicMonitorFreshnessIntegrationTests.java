package de.leitstand.publicmonitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

import de.leitstand.organization.OrgUnitDirectory;
import de.leitstand.portfolio.ProjectDirectory;
import de.leitstand.portfolio.ProjectStatus;
import de.leitstand.portfolio.internal.Project;
import de.leitstand.portfolio.internal.ProjectService;
import de.leitstand.strategy.StrategyCatalog;

/**
 * The public monitor learns of monitoring's news at once, not on its periodic rebuild: a submitted status report
 * shows its progress on the project page as soon as the request returns, a correction replaces it, and a published
 * milestone appears (and disappears when withdrawn) the same way. An internal milestone changes no public answer.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PublicMonitorFreshnessIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	ProjectService projects;

	@Autowired
	ProjectDirectory directory;

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
	void aSubmittedReportAndAPublishedMilestoneShowOnTheMonitorWithoutWaiting() throws Exception {
		String marker = MonitorFixtures.unique();
		Project project = fixtures.create(fixtures.internalProfile("f" + marker, false, Set.of()));
		fixtures.publication(project, true, "Frisch " + marker, "Öffentliche Zusammenfassung.");
		for (ProjectStatus step : List.of(ProjectStatus.SUBMITTED, ProjectStatus.IN_REVIEW, ProjectStatus.APPROVED,
				ProjectStatus.IN_IMPLEMENTATION)) {
			directory.moveByDecision(project.getId(), step, "test", "Test");
		}
		String page = "/monitor/projects/" + project.getKey();
		assertThat(anonymous(page)).contains("Frisch " + marker).doesNotContain("47 %");

		LocalDate today = LocalDate.now();
		String cycleId = JsonPath.read(mvc.perform(post("/api/v1/cycles").with(as("portfolio"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"label\": \"Frische %s\", \"cadence\": \"MONTHLY\", \"periodEnd\": \"%s\", \"dueDate\": \"%s\"}"
				.formatted(marker, today, today.plusDays(7))))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");

		String etag = mvc.perform(get(page)).andReturn().getResponse().getHeader("ETag");
		submit(project, cycleId, 47);
		assertThat(anonymous(page)).contains("47 %");
		mvc.perform(get(page).header("If-None-Match", etag)).andExpect(status().isOk());
		assertThat(anonymous("/monitor/projects.json")).contains("\"key\":\"" + project.getKey() + "\"");

		// A correction counts as soon as it is submitted.
		submit(project, cycleId, 63);
		assertThat(anonymous(page)).contains("63 %").doesNotContain("47 %");

		// A milestone marked for publication appears at once; withdrawn, it is gone at once.
		String milestone = JsonPath.read(mvc.perform(post("/api/v1/projects/{key}/milestones", project.getKey())
			.with(as("lead")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"Freigabe %s\", \"planned\": \"2027-03-01\", \"published\": true}".formatted(marker)))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
		assertThat(anonymous(page)).contains("Freigabe " + marker);
		mvc.perform(put("/api/v1/projects/{key}/milestones/{id}", project.getKey(), milestone).with(as("lead"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"Freigabe %s\", \"planned\": \"2027-03-01\", \"published\": false}".formatted(marker)))
			.andExpect(status().isOk());
		assertThat(anonymous(page)).doesNotContain("Freigabe " + marker);

		// An internal milestone leaves every public answer as it was.
		String unchanged = mvc.perform(get(page)).andReturn().getResponse().getHeader("ETag");
		mvc.perform(post("/api/v1/projects/{key}/milestones", project.getKey()).with(as("lead"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"Intern %s\", \"planned\": \"2027-04-01\"}".formatted(marker)))
			.andExpect(status().isCreated());
		mvc.perform(get(page).header("If-None-Match", unchanged)).andExpect(status().isNotModified());
		assertThat(anonymous(page)).doesNotContain("Intern " + marker);
		mvc.perform(post("/api/v1/cycles/{id}/close", cycleId).with(as("portfolio"))).andExpect(status().isOk());
	}

	private void submit(Project project, String cycleId, int progress) throws Exception {
		mvc.perform(post("/api/v1/projects/{key}/reports", project.getKey()).with(as("lead"))
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"cycleId": "%s", "overall": "GREEN", "scope": "GREEN", "time": "GREEN", "cost": "GREEN",
					 "risk": "GREEN", "progressPercent": %d, "summary": "Stand", "submit": true}
					""".formatted(cycleId, progress)))
			.andExpect(status().isCreated());
	}

	private String anonymous(String url) throws Exception {
		return mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private RequestPostProcessor as(String username) {
		return SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(username));
	}
}
