package de.leitstand.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
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
import de.leitstand.support.Browser;
import de.leitstand.support.BrowserTest;

/**
 * Hostile text in the free-text fields of every module that takes free text (portfolio, monitoring, KPIs,
 * scenarios, board), then every page and chart that shows it, in Chromium. Every field first gets a tag and must
 * refuse it with the German message (nothing stored); then it gets text that is hostile without a tag (attribute
 * breakouts, {@code javascript:}, template syntax, script-string breakouts, entities, bidi overrides), which is
 * stored. Each page is loaded with a listener, installed before any page script runs, that records Content Security
 * Policy violations and every {@code alert}/{@code confirm}/{@code prompt}; the chart tooltips are opened on the
 * hostile entries. Zero reports, zero dialogs, no handler attribute or inline script, and the text shown literally.
 */
@BrowserTest
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PlainTextEverywhereBrowserTests {

	static final String TAG = "<img src=x onerror=alert(1)>";

	/** Hostile without a tag, for fields of 300 characters and more. */
	static final String LONG = "\" onmouseover=alert(1) x=\" ' onfocus='alert(2) javascript:alert(3) ${7*7} {{7*7}} "
			+ "#{7*7} [[${7*7}]] '); alert(4);// \"); alert(5);// &lt;script&gt; &#60;img src=x onerror=alert(6)&#62; "
			+ "\\u003cscript\\u003e %3Cscript%3E a < b \u202Egnp.exe\u202C";

	/** The same for shorter fields (cycle labels: 100 characters). */
	static final String SHORT = "\" onmouseover=alert(1) x=\" ${7*7} {{7*7}} '); alert(4);// \u202Egnp\u202C";

	/** Records CSP violations and dialogs; runs in every new document before the page's own scripts. */
	static final String LISTENER = """
			window.__reports = [];
			document.addEventListener('securitypolicyviolation', function (e) {
			  window.__reports.push('csp ' + e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || ''));
			}, true);
			['alert', 'confirm', 'prompt', 'print'].forEach(function (name) {
			  window[name] = function (message) { window.__reports.push('dialog ' + name + ' ' + message); return null; };
			});
			""";

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	ProjectDirectory directory;

	static Browser browser;

	final String marker = "Feind" + UUID.randomUUID().toString().substring(0, 6);

	/** Every stored text, by the page that must show it literally. */
	final Map<String, List<String>> shownOn = new LinkedHashMap<>();

	int refused;

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
	void hostileTextInEveryModuleIsRefusedOrShownInertOnEveryPageAndChart() throws Exception {
		String today = LocalDate.now(ZoneId.of("Europe/Berlin")).toString();

		// Portfolio: a project in implementation (with dates, for the roadmap), its transition comment.
		Map<String, String> projectTexts = texts("title", "shortDescription", "problem", "expectedImpact");
		ProjectSnapshot project = directory.findByKey(JsonPath.read(body(store(texts -> post("/api/v1/projects")
			.with(as("portfolio")).contentType(MediaType.APPLICATION_JSON).content("""
					{"title": %s, "shortDescription": %s, "problem": %s, "expectedImpact": %s, "type": "PROJECT",
					 "leadUnit": "AMT-17", "plannedStart": "2026-01-01", "plannedEnd": "2027-12-31",
					 "ai": {"used": false}, "publication": {"published": false}}""".formatted(json(texts.get("title")),
					json(texts.get("shortDescription")), json(texts.get("problem")),
					json(texts.get("expectedImpact")))), projectTexts)), "$.key")).orElseThrow();
		String projectPage = "/portfolio/projects/" + project.key();
		show(projectPage, projectTexts.values());
		Map<String, String> comment = texts("comment");
		store(texts -> post("/api/v1/projects/{key}/transitions", project.key()).with(as("portfolio"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"to\": \"SUBMITTED\", \"comment\": %s, \"version\": %d}"
				.formatted(json(texts.get("comment")), project.version())), comment);
		show(projectPage, comment.values());
		for (ProjectStatus step : List.of(ProjectStatus.IN_REVIEW, ProjectStatus.APPROVED,
				ProjectStatus.IN_IMPLEMENTATION)) {
			directory.moveByDecision(project.id(), step, "test", "Test");
		}

		// Monitoring: milestone, risk, issue (form), cycle, status report.
		String monitoringPage = "/monitoring/projects/" + project.key();
		Map<String, String> milestone = texts("title");
		store(texts -> post("/api/v1/projects/{key}/milestones", project.key()).with(as("portfolio"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"title\": %s, \"planned\": \"2026-09-30\"}"
				.formatted(json(texts.get("title")))), milestone);
		show(monitoringPage, milestone.values());
		show("/monitoring/milestones", List.of());
		Map<String, String> risk = texts("title", "owner", "mitigation");
		store(texts -> post("/api/v1/projects/{key}/risks", project.key()).with(as("portfolio"))
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"title": %s, "probability": 4, "impact": 5, "owner": %s, "mitigation": %s}"""
				.formatted(json(texts.get("title")), json(texts.get("owner")), json(texts.get("mitigation")))), risk);
		show(monitoringPage, risk.values());
		show("/monitoring/risks", List.of(risk.get("title")));
		Map<String, String> issue = texts("title", "owner");
		store(texts -> post("/monitoring/projects/{key}/issues", project.key()).with(as("portfolio")).with(csrf())
			.param("title", texts.get("title")).param("owner", texts.get("owner")).param("due", ""), issue);
		show(monitoringPage, issue.values());
		Map<String, String> label = Map.of("label", marker + " " + SHORT);
		String cycle = JsonPath.read(body(store(texts -> post("/api/v1/cycles").with(as("portfolio"))
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"label": %s, "cadence": "MONTHLY", "periodEnd": "%s", "dueDate": "%s"}"""
				.formatted(json(texts.get("label")), today, LocalDate.parse(today).plusDays(7))), label)), "$.id");
		try {
			show("/monitoring/cycles", label.values());
			show("/monitoring/cycles/" + cycle, label.values());
			Map<String, String> report = texts("summary", "achievements", "nextSteps", "decisionNeeded");
			store(texts -> post("/api/v1/projects/{key}/reports", project.key()).with(as("portfolio"))
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"cycleId": "%s", "overall": "RED", "scope": "GREEN", "time": "RED", "cost": "YELLOW",
						 "risk": "RED", "progressPercent": 30, "summary": %s, "achievements": %s, "nextSteps": %s,
						 "decisionNeeded": %s, "submit": true}""".formatted(cycle, json(texts.get("summary")),
						json(texts.get("achievements")), json(texts.get("nextSteps")),
						json(texts.get("decisionNeeded")))), report);
			show("/monitoring/projects/" + project.key() + "/reports/" + cycle, report.values());
			show("/monitoring/reports?cycle=" + cycle, List.of());
			show("/monitoring/dashboard?cycle=" + cycle, List.of());
			show("/monitoring/roadmap", List.of());
			show("/monitoring/dependencies", List.of());
			show("/reports/council?cycle=" + cycle, List.of());

			// KPIs: a measurement's source (and the unit, which must be the KPI's, refuses markup too).
			String kpis = body(mvc.perform(get("/api/v1/kpis").with(as("reader"))).andReturn());
			String kpi = JsonPath.read(kpis, "$[0].id");
			String unit = JsonPath.read(kpis, "$[0].unit");
			Map<String, String> source = texts("source");
			String stored = body(store(texts -> post("/api/v1/kpis/{id}/measurements", kpi).with(as("portfolio"))
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"measuredOn": "%s", "value": "1", "unit": %s, "source": %s}""".formatted(today, json(unit),
						json(texts.get("source")))), source));
			show("/kpis/" + kpi, source.values());
			show("/strategy/achievement", List.of());
			String measurementId = JsonPath.read(stored, "$.id");
			long measurementVersion = ((Number) JsonPath.read(stored, "$.version")).longValue();

			// Scenarios: the name (form).
			Map<String, String> scenarioName = texts("name");
			String scenario = store(texts -> post("/scenarios").with(as("portfolio")).with(csrf())
				.param("name", texts.get("name")).param("years", "2027, 2028").param("budgetPerYear", "5000000"),
					scenarioName).getResponse().getRedirectedUrl();
			show(scenario, scenarioName.values());
			show("/scenarios", scenarioName.values());

			// Board: meeting, agenda items, a decision with rationale and conditions, the decision log.
			Map<String, String> meetingTexts = texts("meetingTitle", "location");
			String meeting = store(texts -> post("/board/meetings/new").with(as("portfolio")).with(csrf())
				.param("meetingTitle", texts.get("meetingTitle")).param("scheduledAt", "2027-03-10T14:00")
				.param("durationMinutes", "90").param("location", texts.get("location")), meetingTexts)
				.getResponse().getRedirectedUrl();
			Map<String, String> note = texts("itemTitle", "note");
			store(texts -> post(meeting + "/items").with(as("portfolio")).with(csrf()).param("itemType", "NOTE")
				.param("itemTitle", texts.get("itemTitle")).param("note", texts.get("note")), note);
			ProjectSnapshot proposal = directory.findByKey(JsonPath.read(body(mvc.perform(post("/api/v1/projects")
				.with(as("portfolio")).contentType(MediaType.APPLICATION_JSON).content("""
						{"title": %s, "shortDescription": "Vorlage", "type": "PROJECT", "leadUnit": "AMT-17",
						 "ai": {"used": false}, "publication": {"published": false}}""".formatted(json(marker + " "
						+ LONG)))).andReturn()), "$.key")).orElseThrow();
			directory.moveByDecision(proposal.id(), ProjectStatus.SUBMITTED, "test", "Test");
			expectRedirect(post(meeting + "/items").with(as("portfolio")).with(csrf()).param("itemType", "PROPOSAL")
				.param("projectId", proposal.id().toString()));
			expectRedirect(post(meeting + "/open").with(as("portfolio")).with(csrf()));
			String meetingId = meeting.replace("/board/meetings/", "");
			String item = JsonPath.read(body(mvc.perform(get("/api/v1/meetings/{id}", meetingId).with(as("board")))
				.andReturn()), "$.agenda[?(@.type == 'PROPOSAL')].id").toString().replaceAll("[\\[\\]\"]", "");
			Map<String, String> decision = texts("rationale", "conditions");
			store(texts -> post("/api/v1/meetings/{id}/decisions", meetingId).with(as("board"))
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"itemId": "%s", "outcome": "APPROVED_WITH_CONDITIONS", "rationale": %s, "conditions": %s}"""
					.formatted(item, json(texts.get("rationale")), json(texts.get("conditions")))), decision);
			show(meeting, meetingTexts.values());
			show(meeting, note.values());
			show(meeting, decision.values());
			expectRedirect(post(meeting + "/close").with(as("board")).with(csrf()));
			show("/board/meetings", List.of(meetingTexts.get("meetingTitle")));
			show("/board/decisions", List.of(decision.get("rationale")));
			show("/portfolio/projects/" + proposal.key(), List.of());
			show("/portfolio?q=" + marker + "&size=100", List.of());
			show("/ranking", List.of());

			checkPages();
			// the KPI's other readers should not find a measurement of today from this test
			mvc.perform(delete("/api/v1/kpis/{id}/measurements/{m}", kpi, measurementId).with(as("portfolio"))
				.param("version", Long.toString(measurementVersion)));
		}
		finally {
			mvc.perform(post("/api/v1/cycles/{id}/close", cycle).with(as("portfolio")));
		}
	}

	/** Loads every page once, in Chromium, with the listener; opens every chart's tooltips on the hostile entries. */
	void checkPages() throws Exception {
		ChromeDriver chrome = (ChromeDriver) browser.driver();
		browser.reset().login("portfolio", "leitstand-demo");
		chrome.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", LISTENER));
		JavascriptExecutor js = chrome;
		List<String> findings = new ArrayList<>();
		int tooltips = 0;
		int hostileTooltips = 0;
		for (Map.Entry<String, List<String>> page : shownOn.entrySet()) {
			browser.open(page.getKey());
			@SuppressWarnings("unchecked")
			Map<String, Object> r = (Map<String, Object>) js.executeAsyncScript("""
					const done = arguments[arguments.length - 1];
					const marker = arguments[0];
					let tips = 0;
					const hostile = [];
					if (typeof echarts !== 'undefined') {
					  document.querySelectorAll('[data-chart],[data-kpi-chart],[data-frontier]').forEach(el => {
					    const chart = echarts.getInstanceByDom(el);
					    if (!chart) { return; }
					    let last = null;
					    (chart.getOption().series || []).forEach((s, si) => {
					      (s.data || []).forEach((d, di) => {
					        const name = d && typeof d === 'object' && !Array.isArray(d) ? String(d.name || '') : '';
					        if (di === 0) {
					          chart.dispatchAction({ type: 'showTip', seriesIndex: si, dataIndex: di });
					          tips++;
					        }
					        if (name.includes(marker) && last === null) {
					          last = { seriesIndex: si, dataIndex: di };
					        }
					      });
					    });
					    // the tooltip on the hostile entry comes last, so it is the one still shown when we look
					    if (last !== null) {
					      chart.dispatchAction({ type: 'dataZoom', start: 0, end: 100 });
					      chart.dispatchAction(Object.assign({ type: 'showTip' }, last));
					      tips++;
					      hostile.push(el);
					    }
					    chart.getZr().flush();
					  });
					}
					const charts = () => Array.from(document.querySelectorAll('[data-chart],[data-kpi-chart],[data-frontier]'));
					requestAnimationFrame(() => setTimeout(() => done({
					  reports: window.__reports || ['listener missing'],
					  handlers: document.querySelectorAll('[onmouseover],[onfocus],[onerror],[onload],[onclick]').length,
					  jsLinks: Array.from(document.querySelectorAll('a[href]')).filter(a => a.getAttribute('href').trim().toLowerCase().startsWith('javascript:')).length,
					  scripts: Array.from(document.scripts).filter(s => !s.src).length,
					  images: document.querySelectorAll('img[src=x]').length,
					  tips: tips,
					  tipTexts: hostile.map(el => (el.querySelector('svg') || {}).textContent || ''),
					  htmlTips: charts().flatMap(el => Array.from(el.querySelectorAll('div')))
					    .filter(d => !d.querySelector('svg') && d.textContent.trim() !== '').length,
					  text: document.body.innerText
					}), 0));
					""", marker);
			String at = page.getKey() + ": ";
			((List<?>) r.get("reports")).forEach(report -> findings.add(at + report));
			for (String key : List.of("handlers", "jsLinks", "scripts", "images", "htmlTips")) {
				if (((Number) r.get(key)).intValue() != 0) {
					findings.add(at + key + "=" + r.get(key));
				}
			}
			for (Object tip : (List<?>) r.get("tipTexts")) {
				if (!tip.toString().contains(marker + " " + LONG.substring(0, 40))) {
					findings.add(at + "tooltip not literal: " + tip);
				}
			}
			String text = (String) r.get("text");
			for (String expected : page.getValue()) {
				if (!text.contains(expected.strip())) {
					findings.add(at + "not shown literally: " + expected);
				}
			}
			tooltips += ((Number) r.get("tips")).intValue();
			hostileTooltips += ((List<?>) r.get("tipTexts")).size();
		}
		Files.createDirectories(Path.of("target", "security"));
		Files.writeString(Path.of("target", "security", "plain-text-everywhere-figures.txt"),
				"refusedTagPayloads=" + refused + "\npagesChecked=" + shownOn.size() + "\ntooltipsOpened=" + tooltips + "\nhostileTooltips=" + hostileTooltips
						+ "\n");
		assertThat(findings).as("CSP reports, dialogs, live markup or altered text on %d pages", shownOn.size())
			.isEmpty();
		assertThat(tooltips).as("chart tooltips opened").isPositive();
		assertThat(hostileTooltips).as("tooltips opened on a hostile milestone title (roadmap)").isPositive();
	}

	// --- helpers ---

	/** Field name to hostile text (the long or the short payload by the field's limit), each with the marker. */
	Map<String, String> texts(String... fields) {
		Map<String, String> texts = new LinkedHashMap<>();
		for (String field : fields) {
			boolean small = List.of("owner", "label", "name", "location").contains(field);
			texts.put(field, marker + " " + (small ? SHORT : LONG));
		}
		return texts;
	}

	/**
	 * Sends the request once per field with a tag in that field (refused: 422, the German message, so nothing is
	 * stored), then with every field hostile but tag-free, which must be stored (2xx or a redirect).
	 */
	MvcResult store(Function<Map<String, String>, MockHttpServletRequestBuilder> request, Map<String, String> texts)
			throws Exception {
		for (String field : texts.keySet()) {
			Map<String, String> bad = new LinkedHashMap<>(texts);
			bad.put(field, marker + " " + TAG);
			MvcResult result = mvc.perform(request.apply(bad).accept(MediaType.APPLICATION_JSON, MediaType.TEXT_HTML))
				.andReturn();
			assertThat(result.getResponse().getStatus()).as("tag in " + field).isEqualTo(422);
			assertThat(body(result)).as("message for " + field).contains("ohne HTML-Auszeichnungen");
			refused++;
		}
		MvcResult result = mvc.perform(request.apply(texts).accept(MediaType.APPLICATION_JSON, MediaType.TEXT_HTML))
			.andReturn();
		assertThat(result.getResponse().getStatus()).as(texts.keySet() + ": " + body(result)).isBetween(200, 399);
		return result;
	}

	void show(String page, java.util.Collection<String> texts) {
		shownOn.computeIfAbsent(page, p -> new ArrayList<>()).addAll(texts);
	}

	void expectRedirect(MockHttpServletRequestBuilder request) throws Exception {
		assertThat(mvc.perform(request).andReturn().getResponse().getStatus()).isBetween(300, 399);
	}

	RequestPostProcessor as(String username) {
		return SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(username));
	}

	static String body(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	static String json(String text) {
		return HostileInputBrowserTests.json(text);
	}
}
