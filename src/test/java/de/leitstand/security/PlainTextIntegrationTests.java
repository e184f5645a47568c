package de.leitstand.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import de.leitstand.portfolio.ProjectDirectory;
import de.leitstand.portfolio.ProjectSnapshot;
import de.leitstand.portfolio.ProjectStatus;

/**
 * The plain-text rule in every module that takes free text: a tag, a NUL and a lone surrogate are each refused with
 * their own German message — in the API as 422 problem details naming the field (sent as JSON escapes, so Jackson
 * decodes them into the string), in the forms at the field with the input kept — and nothing is stored.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PlainTextIntegrationTests {

	/** The payload as a JSON string literal's content, the decoded text, and the German message it gets. */
	record Bad(String json, String text, String message) {
	}

	static final List<Bad> BAD = List.of(new Bad("<b>fett</b>", "<b>fett</b>", "ohne HTML-Auszeichnungen"),
			new Bad("a\\u0000b", "a\u0000b", "unsichtbares Steuerzeichen"),
			new Bad("a\\u0007b", "a\u0007b", "unsichtbares Steuerzeichen"),
			new Bad("a\\ud800b", "a\ud800b", "halbes Unicode-Zeichenpaar"),
			new Bad("a\\udc00b", "a\udc00b", "halbes Unicode-Zeichenpaar"));

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	ProjectDirectory directory;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void projectTitleAndTransitionComment() throws Exception {
		for (Bad bad : BAD) {
			String marker = unique();
			refused(post("/api/v1/projects").with(as("portfolio")).content("""
					{"title": "%s %s", "shortDescription": "Beschreibung", "type": "PROJECT", "leadUnit": "AMT-17",
					 "ai": {"used": false}, "publication": {"published": false}}
					""".formatted(marker, bad.json())), "title", bad);
			assertThat(count("select count(*) from portfolio_project where title like ?", marker + "%")).isZero();
		}
		ProjectSnapshot p = project("Kommentar " + unique());
		for (Bad bad : BAD) {
			refused(post("/api/v1/projects/{key}/transitions", p.key()).with(as("portfolio")).content("""
					{"to": "SUBMITTED", "comment": "%s", "version": %d}""".formatted(bad.json(), p.version())),
					"comment", bad);
			assertThat(directory.findByKey(p.key()).orElseThrow().status()).isEqualTo(ProjectStatus.IDEA);
		}
	}

	@Test
	void milestonesRisksCyclesReportsAndKpiSources() throws Exception {
		ProjectSnapshot p = inImplementation("Überwachung " + unique());
		String cycle = openDemoCycle();
		String kpis = body(mvc.perform(get("/api/v1/kpis").with(as("reader"))).andReturn());
		String kpi = JsonPath.read(kpis, "$[0].id");
		String unit = JsonPath.read(kpis, "$[0].unit");
		String today = LocalDate.now(ZoneId.of("Europe/Berlin")).toString();
		for (Bad bad : BAD) {
			refused(post("/api/v1/projects/{key}/milestones", p.key()).with(as("portfolio")).content("""
					{"title": "M %s", "planned": "2027-03-01"}""".formatted(bad.json())), "title", bad);
			refused(post("/api/v1/projects/{key}/risks", p.key()).with(as("portfolio")).content("""
					{"title": "R", "probability": 2, "impact": 3, "owner": "%s", "mitigation": "ok"}"""
				.formatted(bad.json())), "owner", bad);
			refused(post("/api/v1/projects/{key}/risks", p.key()).with(as("portfolio")).content("""
					{"title": "R", "probability": 2, "impact": 3, "owner": "Amt", "mitigation": "%s"}"""
				.formatted(bad.json())), "mitigation", bad);
			refused(post("/api/v1/cycles").with(as("portfolio")).content("""
					{"label": "Z %s", "cadence": "MONTHLY", "periodEnd": "%s", "dueDate": "%s"}"""
				.formatted(bad.json(), today, LocalDate.parse(today).plusDays(3))), "label", bad);
			for (String field : List.of("summary", "achievements", "nextSteps", "decisionNeeded")) {
				refused(post("/api/v1/projects/{key}/reports", p.key()).with(as("portfolio")).content("""
						{"cycleId": "%s", "overall": "GREEN", "scope": "GREEN", "time": "GREEN", "cost": "GREEN",
						 "risk": "GREEN", "progressPercent": 10, "summary": "Stand", "%s": "%s"}"""
					.formatted(cycle, field, bad.json())), field, bad);
			}
			refused(post("/api/v1/kpis/{id}/measurements", kpi).with(as("portfolio")).content("""
					{"measuredOn": "%s", "value": "1", "unit": "%s", "source": "Quelle %s"}"""
				.formatted(today, unit, bad.json())), "source", bad);
			refused(post("/api/v1/kpis/{id}/measurements", kpi).with(as("portfolio")).content("""
					{"measuredOn": "%s", "value": "1", "unit": "%s", "source": "Quelle"}"""
				.formatted(today, bad.json())), "unit", bad);
		}
		assertThat(body(mvc.perform(get("/api/v1/projects/{key}/milestones", p.key()).with(as("reader"))).andReturn()))
			.isEqualTo("[]");
		assertThat(body(mvc.perform(get("/api/v1/projects/{key}/risks", p.key()).with(as("reader"))).andReturn()))
			.isEqualTo("[]");
		assertThat(body(mvc.perform(get("/api/v1/projects/{key}/reports", p.key()).with(as("reader"))).andReturn()))
			.isEqualTo("[]");
		assertThat(count("select count(*) from monitoring_cycle where label like ?", "Z a%")).isZero();
		assertThat(count("select count(*) from monitoring_kpi_measurement where source like ?", "Quelle%")).isZero();
	}

	@Test
	void theIssueFormShowsTheMessageAtTheFieldAndKeepsTheInput() throws Exception {
		ProjectSnapshot p = inImplementation("Offene Punkte " + unique());
		for (Bad bad : BAD) {
			Document page = form(post("/monitoring/projects/{key}/issues", p.key()).with(as("portfolio")).with(csrf())
				.param("title", "Punkt " + bad.text()).param("owner", "Amt 17"));
			assertThat(page.getElementById("issueTitle-error").text()).contains(bad.message());
			assertThat(page.getElementById("issueTitle").val()).isEqualTo(shown("Punkt " + bad.text()));
		}
		assertThat(count("select count(*) from monitoring_issue where project_id = ?", p.id())).isZero();
	}

	@Test
	void boardMeetingsAgendaItemsAndDecisions() throws Exception {
		for (Bad bad : BAD) {
			String marker = unique();
			Document page = form(post("/board/meetings/new").with(as("portfolio")).with(csrf())
				.param("meetingTitle", marker + " " + bad.text()).param("scheduledAt", "2027-03-10T14:00")
				.param("durationMinutes", "90").param("location", "Rathaus"));
			assertThat(page.getElementById("meetingTitle-error").text()).contains(bad.message());
			assertThat(page.getElementById("meetingTitle").val()).isEqualTo(shown(marker + " " + bad.text()));
			page = form(post("/board/meetings/new").with(as("portfolio")).with(csrf()).param("meetingTitle", marker)
				.param("scheduledAt", "2027-03-10T14:00").param("durationMinutes", "90")
				.param("location", "Raum " + bad.text()));
			assertThat(page.getElementById("location-error").text()).contains(bad.message());
			assertThat(count("select count(*) from board_meeting where title like ?", marker + "%")).isZero();
		}
		UUID meeting = meeting("Sitzung " + unique());
		ProjectSnapshot p = project("Vorlage " + unique());
		mvc.perform(post("/portfolio/projects/{key}/transitions", p.key()).with(as("portfolio")).with(csrf())
			.param("to", "SUBMITTED").param("version", Long.toString(p.version())))
			.andExpect(status().is3xxRedirection());
		for (Bad bad : BAD) {
			Document page = form(post("/board/meetings/{id}/items", meeting).with(as("portfolio")).with(csrf())
				.param("itemType", "NOTE").param("itemTitle", "Punkt " + bad.text()).param("note", "Notiz"));
			assertThat(page.getElementById("itemTitle-error").text()).contains(bad.message());
			page = form(post("/board/meetings/{id}/items", meeting).with(as("portfolio")).with(csrf())
				.param("itemType", "NOTE").param("itemTitle", "Punkt").param("note", "Notiz " + bad.text()));
			assertThat(page.getElementById("note-error").text()).contains(bad.message());
		}
		mvc.perform(post("/board/meetings/{id}/items", meeting).with(as("portfolio")).with(csrf())
			.param("itemType", "PROPOSAL").param("projectId", p.id().toString()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/board/meetings/{id}/open", meeting).with(as("portfolio")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		String item = JsonPath.read(body(mvc.perform(get("/api/v1/meetings/{id}", meeting).with(as("board")))
			.andReturn()), "$.agenda[0].id");
		for (Bad bad : BAD) {
			refused(post("/api/v1/meetings/{id}/decisions", meeting).with(as("board")).content("""
					{"itemId": "%s", "outcome": "APPROVED", "rationale": "Weil %s"}""".formatted(item, bad.json())),
					"rationale", bad);
			refused(post("/api/v1/meetings/{id}/decisions", meeting).with(as("board")).content("""
					{"itemId": "%s", "outcome": "APPROVED_WITH_CONDITIONS", "rationale": "Weil",
					 "conditions": "Wenn %s"}""".formatted(item, bad.json())), "conditions", bad);
		}
		assertThat(body(mvc.perform(get("/api/v1/meetings/{id}", meeting).with(as("board"))).andReturn()))
			.contains("\"agenda\":[{").contains("\"decisions\":[]");
		assertThat(directory.findByKey(p.key()).orElseThrow().status()).isEqualTo(ProjectStatus.SUBMITTED);
		mvc.perform(post("/board/meetings/{id}/close", meeting).with(as("board")).with(csrf()))
			.andExpect(status().is3xxRedirection());
	}

	@Test
	void scenarioNamesInTheFormAndTheScenarioFile() throws Exception {
		for (Bad bad : BAD) {
			String marker = unique();
			Document page = form(post("/scenarios").with(as("portfolio")).with(csrf())
				.param("name", marker + " " + bad.text()).param("years", "2027, 2028")
				.param("budgetPerYear", "1000000"));
			assertThat(page.getElementById("name-error").text()).contains(bad.message());
			assertThat(page.getElementById("name").val()).isEqualTo(shown(marker + " " + bad.text()));
			assertThat(count("select count(*) from prioritization_scenario where name like ?", marker + "%")).isZero();
		}
	}

	@Test
	void formsValidatedByTheAnnotationNameTheBrokenRuleToo() throws Exception {
		// organisation and strategy forms carry @PlainText; the API token name stands for them
		for (Bad bad : BAD) {
			String marker = unique();
			Document page = Jsoup.parse(body(mvc.perform(post("/account/tokens").with(as("reader")).with(csrf())
				.param("name", marker + " " + bad.text())).andReturn()));
			assertThat(page.getElementById("name-error").text()).contains(bad.message());
			assertThat(count("select count(*) from api_token where name like ?", marker + "%")).isZero();
		}
	}

	@Test
	void anApiErrorIsEnglishWhenAskedFor() throws Exception {
		MvcResult result = mvc.perform(post("/api/v1/projects").with(as("portfolio"))
			.contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "en").content("""
					{"title": "a\\u0000b", "shortDescription": "x", "type": "PROJECT", "leadUnit": "AMT-17",
					 "ai": {"used": false}, "publication": {"published": false}}"""))
			.andExpect(status().isUnprocessableContent()).andReturn();
		assertThat((String) JsonPath.read(body(result), "$.errors[0].field")).isEqualTo("title");
		assertThat((String) JsonPath.read(body(result), "$.errors[0].message")).contains("invisible control character");
	}

	// --- helpers ---

	/**
	 * The input as a page can show it again: HTML turns a NUL into U+FFFD, and UTF-8 has no bytes for a lone
	 * surrogate (the response writer puts "?" there). Everything else comes back as typed.
	 */
	private static String shown(String input) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < input.length(); i++) {
			char c = input.charAt(i);
			boolean pair = Character.isHighSurrogate(c) && i + 1 < input.length()
					&& Character.isLowSurrogate(input.charAt(i + 1));
			if (c == 0) {
				out.append('\uFFFD');
			}
			else if (Character.isSurrogate(c) && !pair) {
				out.append('?');
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

	private void refused(MockHttpServletRequestBuilder request, String field, Bad bad) throws Exception {
		MvcResult result = mvc.perform(request.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)).andReturn();
		String body = body(result);
		assertThat(result.getResponse().getStatus()).as(field + " " + bad.json() + ": " + body).isEqualTo(422);
		List<Map<String, Object>> errors = JsonPath.read(body, "$.errors[?(@.field == '" + field + "')]");
		assertThat(errors).as(field + " " + bad.json() + ": " + body).isNotEmpty();
		assertThat(errors.get(0).get("message").toString()).as(field).contains(bad.message());
	}

	private Document form(MockHttpServletRequestBuilder request) throws Exception {
		return Jsoup.parse(body(mvc.perform(request).andExpect(status().isUnprocessableContent()).andReturn()));
	}

	private static String body(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private long count(String sql, Object arg) {
		return jdbc.queryForObject(sql, Long.class, arg);
	}

	private String openDemoCycle() throws Exception {
		List<String> open = JsonPath.read(body(mvc.perform(get("/api/v1/cycles").with(as("reader"))).andReturn()),
				"$[?(@.closed == false)].id");
		assertThat(open).as("the demo data has an open cycle").isNotEmpty();
		return open.get(0);
	}

	private ProjectSnapshot project(String title) throws Exception {
		String key = JsonPath.read(body(mvc.perform(post("/api/v1/projects").with(as("portfolio"))
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"title": "%s", "shortDescription": "Beschreibung", "type": "PROJECT", "leadUnit": "AMT-17",
					 "ai": {"used": false}, "publication": {"published": false}}""".formatted(title)))
			.andExpect(status().isCreated()).andReturn()), "$.key");
		return directory.findByKey(key).orElseThrow();
	}

	private ProjectSnapshot inImplementation(String title) throws Exception {
		ProjectSnapshot p = project(title);
		for (ProjectStatus step : List.of(ProjectStatus.SUBMITTED, ProjectStatus.IN_REVIEW, ProjectStatus.APPROVED,
				ProjectStatus.IN_IMPLEMENTATION)) {
			directory.moveByDecision(p.id(), step, "test", "Test");
		}
		return directory.findByKey(p.key()).orElseThrow();
	}

	private UUID meeting(String title) throws Exception {
		MvcResult result = mvc.perform(post("/board/meetings/new").with(as("portfolio")).with(csrf())
			.param("meetingTitle", title).param("scheduledAt", "2027-03-10T14:00").param("durationMinutes", "90")
			.param("location", "Rathaus, Raum 101"))
			.andExpect(status().is3xxRedirection()).andReturn();
		return UUID.fromString(result.getResponse().getRedirectedUrl().replace("/board/meetings/", ""));
	}

	private RequestPostProcessor as(String username) {
		return SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(username));
	}

	private static String unique() {
		return "P" + UUID.randomUUID().toString().substring(0, 8);
	}
}
