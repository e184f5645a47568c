package de.leitstand.publicmonitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;

import com.jayway.jsonpath.JsonPath;

import de.leitstand.organization.OrgUnitDirectory;
import de.leitstand.organization.Role;
import de.leitstand.organization.internal.UserAccount;
import de.leitstand.organization.internal.UserAccounts;
import de.leitstand.portfolio.ProjectDirectory;
import de.leitstand.portfolio.ProjectStatus;
import de.leitstand.portfolio.internal.Project;
import de.leitstand.portfolio.internal.ProjectService;
import de.leitstand.prioritization.internal.scoring.Assessment;
import de.leitstand.prioritization.internal.scoring.Assessments;
import de.leitstand.prioritization.internal.scoring.Criterion;
import de.leitstand.prioritization.internal.scoring.ScoringModelService;
import de.leitstand.strategy.StrategyCatalog;

/**
 * Nothing internal leaks (DESIGN.md §5): a published project carries a unique marker in every internal field —
 * internal title, description, problem, impact, contact person and e-mail, costs, effort, funding, tags, the
 * dependency on an unpublished project, a lifecycle comment — and an unpublished project carries one in its public
 * title and summary. No public response (HTML in both languages, search, AI register, CSV, JSON, DCAT, feed) may
 * contain any marker.
 * <p>
 * The published project then goes the whole way a real one does, collecting internal texts as it goes: an
 * evaluator (whose name is internal) rates it with justifications, a benefit plan is recorded, the board's decision
 * carries a comment, it is implemented and reports in a cycle (summary, achievements, next steps, escalation text,
 * actual costs, a later draft), and has risks (title, owner, mitigation), open issues (title, owner) and an
 * internal milestone. Only its progress and its published milestone may reach the public — both are checked to
 * arrive, so the test cannot pass because nothing was refreshed.
 * <p>
 * To extend it when a module adds internal data about a project: write a marker into the new field in
 * {@link #internalDataWithMarkers} or {@link #monitoringAndEvaluationWithMarkers} and add it to {@code markers}.
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

	@Autowired
	ProjectDirectory directory;

	@Autowired
	UserAccounts accounts;

	@Autowired
	Assessments assessments;

	@Autowired
	ScoringModelService models;

	@Autowired
	TransactionTemplate tx;

	final List<String> markers = new ArrayList<>();

	final List<Pattern> patterns = new ArrayList<>();

	Project published;

	Project unpublished;

	@Test
	void noPublicResponseContainsAnyInternalField() throws Exception {
		internalDataWithMarkers();
		monitoringAndEvaluationWithMarkers();
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

		// What may be public did arrive: the title, the reported progress and the published milestone.
		assertThat(body("/monitor/projects/" + published.getKey())).contains(cleanTitle, "44 %",
				"Öffentlicher Meilenstein " + published.getKey());
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

	/**
	 * Takes the published project through evaluation, the board and implementation, and gives it status reports,
	 * risks, issues and milestones, each internal text with its own marker.
	 */
	private void monitoringAndEvaluationWithMarkers() throws Exception {
		String base = MonitorFixtures.unique();
		String key = published.getKey();

		// Evaluation: an evaluator whose name is internal rates with justifications; a benefit plan is recorded.
		String evaluator = "gutachten-" + base;
		String evaluatorName = "Gutachterin en" + base;
		accounts.save(new UserAccount(evaluator, evaluatorName, null, null, Set.of(Role.EVALUATOR), null));
		mvc.perform(post("/assessments/assign").with(as("portfolio")).with(csrf())
			.param("project", published.getId().toString()).param("evaluator", evaluator))
			.andExpect(status().is3xxRedirection());
		UUID model = models.active().orElseThrow().getId();
		Assessment assessment = assessments
			.findByModelIdAndProjectIdAndEvaluatorUsernameIgnoreCase(model, published.getId(), evaluator).orElseThrow();
		String justification = "ej" + base;
		MockHttpServletRequestBuilder rating = post("/assessments/" + assessment.getId()).with(as(evaluator))
			.with(csrf()).param("version", String.valueOf(assessment.getVersion())).param("action", "submit");
		for (Criterion c : ratedCriteria()) {
			rating.param("level-" + c.getId(), String.valueOf(c.maxLevel()))
				.param("justification-" + c.getId(), "Begründung " + justification);
		}
		mvc.perform(rating).andExpect(status().is3xxRedirection());
		assertThat(assessments.findById(assessment.getId()).orElseThrow().isSubmitted()).isTrue();
		mvc.perform(post("/assessments/projects/{key}/benefits", key).with(as("portfolio")).with(csrf())
			.param("benefit-2027", "7654321")).andExpect(status().is3xxRedirection());
		markers.addAll(List.of(justification, evaluator, evaluatorName, "7654321", "7.654.321"));

		// The board decides (with an internal comment) and the project is implemented.
		String decision = "bd" + base;
		for (ProjectStatus step : List.of(ProjectStatus.IN_REVIEW, ProjectStatus.APPROVED,
				ProjectStatus.IN_IMPLEMENTATION)) {
			directory.moveByDecision(published.getId(), step, "board", "Beschluss " + decision);
		}
		markers.add(decision);

		// A reporting cycle and a status report whose every text is internal; only the progress is public.
		String cycleLabel = "cy" + base;
		String cycleId = JsonPath.read(mvc.perform(post("/api/v1/cycles").with(as("portfolio"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"label\": \"%s\", \"cadence\": \"MONTHLY\", \"periodEnd\": \"%s\", \"dueDate\": \"%s\"}"
				.formatted(cycleLabel, LocalDate.now(), LocalDate.now().plusDays(7))))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
		String summary = "rs" + base;
		String achievements = "ra" + base;
		String nextSteps = "rn" + base;
		String escalation = "rd" + base;
		mvc.perform(post("/api/v1/projects/{key}/reports", key).with(as("lead")).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"cycleId": "%s", "overall": "RED", "scope": "YELLOW", "time": "RED", "cost": "YELLOW",
					 "risk": "RED", "progressPercent": 44, "summary": "Zusammenfassung %s",
					 "achievements": "Erreicht %s", "nextSteps": "Als Nächstes %s",
					 "decisionNeeded": "Eskalation %s", "actualCosts": {"2026": 5432109}, "submit": true}
					""".formatted(cycleId, summary, achievements, nextSteps, escalation)))
			.andExpect(status().isCreated());
		// A correction started but not submitted: its texts are internal too.
		String draft = "rv" + base;
		mvc.perform(post("/api/v1/projects/{key}/reports", key).with(as("lead")).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"cycleId": "%s", "overall": "GREEN", "scope": "GREEN", "time": "GREEN", "cost": "GREEN",
					 "risk": "GREEN", "progressPercent": 45, "summary": "Entwurf %s", "submit": false}
					""".formatted(cycleId, draft)))
			.andExpect(status().isCreated());
		markers.addAll(List.of(cycleLabel, summary, achievements, nextSteps, escalation, draft, "5432109",
				"5.432.109"));
		// Closed like a past cycle (its texts stay internal); no open cycle is left behind on a shared database.
		mvc.perform(post("/api/v1/cycles/{id}/close", cycleId).with(as("portfolio"))).andExpect(status().isOk());

		// Risks and open issues.
		String riskTitle = "rk" + base;
		String riskOwner = "ro" + base;
		String mitigation = "rm" + base;
		mvc.perform(post("/api/v1/projects/{key}/risks", key).with(as("lead")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"Risiko %s\", \"probability\": 4, \"impact\": 5, \"owner\": \"%s\", \"mitigation\": \"Gegenmaßnahme %s\"}"
				.formatted(riskTitle, riskOwner, mitigation)))
			.andExpect(status().isCreated());
		String issueTitle = "it" + base;
		String issueOwner = "io" + base;
		mvc.perform(post("/monitoring/projects/{key}/issues", key).with(as("lead")).with(csrf())
			.param("title", "Offener Punkt " + issueTitle).param("owner", issueOwner).param("due", "2027-01-15"))
			.andExpect(status().is3xxRedirection());
		markers.addAll(List.of(riskTitle, riskOwner, mitigation, issueTitle, issueOwner));

		// An internal milestone beside a published one.
		String internalMilestone = "ms" + base;
		mvc.perform(post("/api/v1/projects/{key}/milestones", key).with(as("lead")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"Intern %s\", \"planned\": \"2027-02-01\", \"published\": false}"
				.formatted(internalMilestone)))
			.andExpect(status().isCreated());
		mvc.perform(post("/api/v1/projects/{key}/milestones", key).with(as("lead")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"Öffentlicher Meilenstein %s\", \"planned\": \"2027-03-01\", \"published\": true}"
				.formatted(key)))
			.andExpect(status().isCreated());
		markers.add(internalMilestone);
	}

	private List<Criterion> ratedCriteria() {
		return tx.execute(s -> {
			List<Criterion> list = models.active().orElseThrow().criteria().stream().filter(Criterion::isRated)
				.toList();
			list.forEach(c -> c.getLevels().size());
			return list;
		});
	}

	private RequestPostProcessor as(String username) {
		return SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(username));
	}

	private String body(String url) throws Exception {
		MockHttpServletResponse response = mvc.perform(get(url)).andReturn().getResponse();
		assertThat(response.getStatus()).as(url).isIn(200, 404);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}
}
