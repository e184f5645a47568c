package de.leitstand.prioritization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import de.leitstand.portfolio.ProjectDirectory;
import de.leitstand.portfolio.ProjectSnapshot;
import de.leitstand.portfolio.ProjectStatus;
import de.leitstand.prioritization.internal.optimizer.OptimizationResult;
import de.leitstand.prioritization.internal.optimizer.Scenario;
import de.leitstand.prioritization.internal.optimizer.ScenarioJson;
import de.leitstand.prioritization.internal.scenario.OptimizationRun;
import de.leitstand.prioritization.internal.scenario.PortfolioScenarios;
import de.leitstand.prioritization.internal.scenario.RunResult;
import de.leitstand.prioritization.internal.scenario.ScenarioRuns;

/**
 * Scenarios as the portfolio office meets them: create one over the demo portfolio, optimise it in the
 * background and read why each project is out; an infeasible scenario explained in words; the scenario file
 * round trip; an import naming the unknown project; and who may run what. Unique names, so the suite also runs
 * against a shared PostgreSQL database.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ScenarioIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	ScenarioRuns runs;

	@Autowired
	PortfolioScenarios scenarios;

	@Autowired
	ProjectDirectory projects;

	@Test
	void aScenarioOverTheDemoPortfolioRunsAndExplainsEveryProjectLeftOut() throws Exception {
		String name = "Haushalt Test " + unique();
		String location = mvc.perform(post("/scenarios").with(as("portfolio")).with(csrf())
			.param("name", name).param("years", "2027, 2028").param("budgetPerYear", "3.000.000"))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		UUID id = UUID.fromString(location.substring("/scenarios/".length()));
		String page = mvc.perform(get(location).with(as("reader"))).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
		assertThat(page).contains(name, "Kandidaten", "P-0");

		// the example scenario has the demo budget: running projects fit, about a third of the rest does
		UUID example = scenarios.findAll().stream().filter(s -> s.isExampleData()).findFirst().orElseThrow().getId();
		String runUrl = mvc.perform(post("/scenarios/" + example + "/runs").with(as("portfolio")).with(csrf()))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		UUID runId = UUID.fromString(runUrl.substring(runUrl.lastIndexOf('/') + 1));
		OptimizationRun run = awaitFinished(runId);
		assertThat(run.getStatus()).isIn(OptimizationRun.State.OPTIMAL, OptimizationRun.State.FEASIBLE);
		RunResult stored = ScenarioRuns.resultOf(run);
		OptimizationResult result = stored.result();
		assertThat(result.selected()).isNotEmpty();
		assertThat(result.greedy().objective()).isLessThanOrEqualTo(result.objective());
		List<OptimizationResult.Explanation> out = result.explanations().stream().filter(e -> !e.selected()).toList();
		assertThat(out).isNotEmpty().allSatisfy(e -> assertThat(e.reasons()).as(e.id()).isNotEmpty());
		assertThat(result.explanations()).hasSize(stored.titles().size());
		assertThat(stored.frontier()).hasSize(11);

		String resultPage = mvc.perform(get(runUrl).with(as("board"))).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
		assertThat(resultPage).contains("Nicht im Portfolio", "Einfache Auswahl", "Effizienzkurve", "Budget 2027");
		assertThat(resultPage).contains("ausgeschöpft");

		// the API gives the same result in the command line's form
		String api = mvc.perform(get("/api/v1/scenarios/" + example + "/runs/" + runId).with(httpBasic("reader",
				"leitstand-demo")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(api).contains("\"status\"", "\"objective\"", "\"greedy\"", "\"explanations\"");

		// compare shows the new scenario beside the example scenario
		mvc.perform(get("/scenarios/compare").param("id", id.toString()).param("id", example.toString())
			.with(as("reader"))).andExpect(status().isOk());
	}

	@Test
	void mandatoryProjectsAboveTheBudgetAreExplainedNotFailed() throws Exception {
		ProjectSnapshot expensive = projects.inStatus(EnumSet.of(ProjectStatus.IN_IMPLEMENTATION, ProjectStatus.APPROVED))
			.stream().filter(p -> p.costIn(2027).signum() > 0).findFirst().orElseThrow();
		String file = """
				{"name": "Zu knapp %s", "years": ["2027"], "budget": {"2027": 1},
				 "candidates": [{"id": "%s", "value": 10, "mandatory": true}]}""".formatted(unique(), expensive.key());
		String created = mvc.perform(post("/api/v1/scenarios").with(httpBasic("portfolio", "leitstand-demo"))
			.contentType(MediaType.APPLICATION_JSON).content(file))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		UUID id = UUID.fromString(created.replaceAll(".*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1"));
		String runUrl = mvc.perform(post("/scenarios/" + id + "/runs").with(as("portfolio")).with(csrf()))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		UUID runId = UUID.fromString(runUrl.substring(runUrl.lastIndexOf('/') + 1));
		assertThat(awaitFinished(runId).getStatus()).isEqualTo(OptimizationRun.State.INFEASIBLE);
		String page = mvc.perform(get(runUrl).with(as("portfolio"))).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
		assertThat(page).contains("Dieses Szenario ist nicht erfüllbar")
			.contains("Budget 2027: Die Pflichtprojekte und ihre Voraussetzungen kosten")
			.contains(expensive.key())
			.doesNotContain("Exception");
	}

	@Test
	void theScenarioFileRoundTripsAndAnUnknownProjectIsNamed() throws Exception {
		UUID example = scenarios.findAll().stream().filter(s -> s.isExampleData()).findFirst().orElseThrow().getId();
		String exported = mvc.perform(get("/scenarios/" + example + "/export").with(as("reader")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		Scenario first = ScenarioJson.read(exported);
		assertThat(first.candidates()).isNotEmpty();

		String renamed = exported.replaceFirst("\"name\" : \"[^\"]*\"", "\"name\" : \"Rundreise " + unique() + "\"");
		String location = mvc.perform(multipart("/scenarios/import")
			.file(new MockMultipartFile("file", "s.json", "application/json", renamed.getBytes(StandardCharsets.UTF_8)))
			.with(as("portfolio")).with(csrf()))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		String again = mvc.perform(get(location + "/export").with(as("portfolio"))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		Scenario second = ScenarioJson.read(again);
		assertThat(second.years()).isEqualTo(first.years());
		assertThat(second.budget()).isEqualTo(first.budget());
		assertThat(second.capacity()).isEqualTo(first.capacity());
		assertThat(second.candidates()).isEqualTo(first.candidates());

		long before = scenarios.count();
		String bad = """
				{"name": "Fehler %s", "years": ["2027"], "budget": {"2027": 1000},
				 "candidates": [{"id": "P-0001", "value": 1}, {"id": "P-9999", "value": 2}]}""".formatted(unique());
		String page = mvc.perform(multipart("/scenarios/import")
			.file(new MockMultipartFile("file", "s.json", "application/json", bad.getBytes(StandardCharsets.UTF_8)))
			.with(as("portfolio")).with(csrf()))
			.andExpect(status().is(422)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("Das Projekt „P-9999“ gibt es im Portfolio nicht.");
		assertThat(scenarios.count()).isEqualTo(before);

		String cycle = """
				{"years": ["2027"], "candidates": [{"id": "P-0001", "requires": ["P-0002"]},
				  {"id": "P-0002", "requires": ["P-0001"]}]}""";
		mvc.perform(post("/api/v1/scenarios").with(httpBasic("portfolio", "leitstand-demo"))
			.contentType(MediaType.APPLICATION_JSON).content(cycle))
			.andExpect(status().is(422));
	}

	@Test
	void anOverrideNeedsAReason() throws Exception {
		UUID example = scenarios.findAll().stream().filter(s -> s.isExampleData()).findFirst().orElseThrow().getId();
		long version = scenarios.findById(example).orElseThrow().getVersion();
		String key = scenarios.findById(example).map(s -> s.getId()).map(x -> "P-0001").orElseThrow();
		String page = mvc.perform(post("/scenarios/" + example + "/candidates").with(as("portfolio")).with(csrf())
			.param("version", String.valueOf(version))
			.param("rows[0].key", key).param("rows[0].included", "on").param("rows[0].valueOverride", "88")
			.param("rows[0].overrideReason", ""))
			.andExpect(status().is(422)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("Bitte begründen, warum der Wert von " + key + " überschrieben wird.");
	}

	@Test
	void onlyThePortfolioOfficeEditsAndRuns() throws Exception {
		UUID example = scenarios.findAll().stream().filter(s -> s.isExampleData()).findFirst().orElseThrow().getId();
		mvc.perform(get("/scenarios").with(as("reader"))).andExpect(status().isOk());
		mvc.perform(get("/scenarios/" + example).with(as("board"))).andExpect(status().isOk());
		mvc.perform(get("/scenarios").with(as("lead"))).andExpect(status().isForbidden());
		mvc.perform(post("/scenarios/" + example + "/runs").with(as("reader")).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/scenarios/" + example + "/runs").with(as("lead")).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/scenarios").with(as("board")).with(csrf()).param("name", "x").param("years", "2027")
			.param("budgetPerYear", "1")).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/scenarios/" + example + "/runs").with(httpBasic("reader", "leitstand-demo")))
			.andExpect(status().isForbidden());
	}

	private OptimizationRun awaitFinished(UUID runId) throws InterruptedException {
		// waits for the background run; the bound only stops a hanging test, it asserts nothing about speed
		for (int i = 0; i < 1200; i++) {
			OptimizationRun run = asPortfolio(() -> runs.run(runId));
			if (run.getStatus() != OptimizationRun.State.RUNNING) {
				return run;
			}
			Thread.sleep(250);
		}
		throw new AssertionError("run " + runId + " did not finish");
	}

	private <T> T asPortfolio(java.util.function.Supplier<T> action) {
		var context = org.springframework.security.core.context.SecurityContextHolder.getContext();
		var previous = context.getAuthentication();
		var user = users.loadUserByUsername("portfolio");
		context.setAuthentication(new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(
				user, null, user.getAuthorities()));
		try {
			return action.get();
		}
		finally {
			context.setAuthentication(previous);
		}
	}

	private RequestPostProcessor as(String username) {
		return SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(username));
	}

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}
}
