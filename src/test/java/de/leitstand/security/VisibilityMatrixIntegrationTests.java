package de.leitstand.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.zip.ZipEntry;

import jakarta.servlet.RequestDispatcher;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import de.leitstand.support.HandlerRoutes;
import de.leitstand.portfolio.ProjectDirectory;
import de.leitstand.portfolio.ProjectSnapshot;
import de.leitstand.prioritization.internal.board.BoardMeeting;
import de.leitstand.prioritization.internal.board.BoardService;
import de.leitstand.prioritization.internal.board.ItemType;
import de.leitstand.prioritization.internal.scenario.OptimizationRun;
import de.leitstand.prioritization.internal.scenario.PortfolioScenario;
import de.leitstand.prioritization.internal.scenario.ScenarioRuns;
import de.leitstand.prioritization.internal.scenario.ScenarioService;
import de.leitstand.prioritization.internal.scoring.AssessmentService;

/**
 * The one visibility rule, proven on every read route of the application: the routes come from the handler mappings
 * (like {@link AuthorizationMatrixIntegrationTests}), each with its query string in
 * {@code src/test/resources/security/visibility-routes.csv}, so a new page, fragment, API read or download is covered
 * as soon as it is added to that table — and a read route missing from it fails the build.
 *
 * <p>Two projects of AMT-51 ({@code lead}'s office) carry a unique marker in every free-text field:
 * <ul>
 * <li>a draft (idea), with a milestone and a risk;</li>
 * <li>a proposal that was submitted, assessed by {@code evaluator} (with justifications), put into a scenario that was
 * optimised and onto a board agenda, and then withdrawn back to an idea and changed (new markers).</li>
 * </ul>
 * No answer (HTML, JSON, CSV, XLSX or PDF, read as text) to {@code lead2} (AMT-63), {@code reader}, {@code board},
 * {@code evaluator} or an anonymous caller may contain a marker of the draft, the withdrawn proposal's new content or
 * the evaluator's justifications. Records that legitimately keep the withdrawn proposal (the agenda item, the stored
 * run) show the text frozen when they took it. The lead office and the portfolio office do see the markers (so the
 * markers are where a leak would show them).
 *
 * <p>The second test is the existence oracle: for every route with a project key, reading or writing, a hidden
 * project answers exactly like an unknown key (status, content type, problem type and text, page heading).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VisibilityMatrixIntegrationTests {

	static final String TABLE = "/security/visibility-routes.csv";
	static final List<String> OUTSIDERS = List.of("anonymous", "lead2", "reader", "board", "evaluator");
	static final Path FIGURES = Path.of("target", "security", "visibility-figures.txt");

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ProjectDirectory directory;

	@Autowired
	ScenarioService scenarios;

	@Autowired
	ScenarioRuns runs;

	@Autowired
	BoardService board;

	@Autowired
	AssessmentService assessments;

	final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(Locale.ROOT);

	/** A word both hidden projects carry in title and description, so that list and search routes find them. */
	final String word = "Sichtprobe" + run.toLowerCase(Locale.ROOT).replaceAll("[0-9]", "q");

	/** Markers that no outsider may see, by field. */
	final Map<String, String> hidden = new TreeMap<>();

	/** Markers of the withdrawn proposal before it was withdrawn (may stay in frozen records). */
	final Map<String, String> frozen = new TreeMap<>();

	String draft;
	String withdrawn;
	final Map<String, String> ids = new LinkedHashMap<>();

	String marker(Map<String, String> into, String field) {
		String m = "MRK" + run + field.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
		into.put(field, m);
		return m;
	}

	@BeforeAll
	void twoHiddenProjects() throws Exception {
		draft = create(project("d", hidden, false));
		call("lead", post("/api/v1/projects/{key}/milestones", draft).contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"%s\", \"planned\": \"2027-03-31\"}".formatted(marker(hidden, "dmilestone"))), 201);
		call("lead", post("/api/v1/projects/{key}/risks", draft).contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"%s\", \"probability\": 5, \"impact\": 5, \"owner\": \"%s\"}"
				.formatted(marker(hidden, "drisk"), marker(hidden, "driskowner"))), 201);

		withdrawn = create(project("w", frozen, true));
		ProjectSnapshot w = as("lead", () -> directory.findByKey(withdrawn).orElseThrow());
		call("lead", post("/api/v1/projects/{key}/transitions", withdrawn).contentType(MediaType.APPLICATION_JSON)
			.content("{\"to\": \"SUBMITTED\", \"version\": " + w.version() + "}"), 200);
		assess(w.id());
		PortfolioScenario scenario = as("portfolio",
				() -> scenarios.create("Sichtbarkeit " + run, List.of("2027", "2028"), new java.math.BigDecimal(3_000_000)));
		ids.put("scenario", scenario.getId().toString());
		OptimizationRun optimisation = as("portfolio", () -> runs.start(scenario.getId()));
		ids.put("run", optimisation.getId().toString());
		for (int i = 0; i < 900 && state(optimisation.getId()) == OptimizationRun.State.RUNNING; i++) {
			Thread.sleep(200);
		}
		assertThat(state(optimisation.getId())).as("the optimisation finished").isNotEqualTo(OptimizationRun.State.RUNNING);
		BoardMeeting meeting = as("portfolio", () -> board.schedule(new BoardService.MeetingInput("Board " + run,
				Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS), 60, "Rathaus")));
		ids.put("meeting", meeting.getId().toString());
		as("portfolio", () -> board.addItem(meeting.getId(),
				new BoardService.ItemInput(ItemType.PROPOSAL, w.id(), null, null, null)));

		// withdrawn back to an idea, then changed by its office
		long version = as("lead", () -> directory.findByKey(withdrawn).orElseThrow().version());
		call("lead", post("/api/v1/projects/{key}/transitions", withdrawn).contentType(MediaType.APPLICATION_JSON)
			.content("{\"to\": \"IDEA\", \"version\": " + version + "}"), 200);
		long changed = as("lead", () -> directory.findByKey(withdrawn).orElseThrow().version());
		String body = project("x", hidden, true).replaceFirst("^\\{", "{\"version\": " + changed + ", ");
		call("lead", put("/api/v1/projects/{key}", withdrawn).contentType(MediaType.APPLICATION_JSON).content(body),
				200);

		ids.put("cycle", jdbc.queryForObject("select id from monitoring_cycle order by period_end desc, label "
				+ "fetch first 1 rows only", UUID.class).toString());
		ids.put("assessment", jdbc.queryForObject("select a.id from prio_assessment a join portfolio_project p "
				+ "on a.project_id = p.id where p.project_key = ?", UUID.class, withdrawn).toString());
		UUID model = jdbc.queryForObject("select id from prio_scoring_model where status = 'ACTIVE'", UUID.class);
		ids.put("model", model.toString());
		ids.put("criterion", jdbc.queryForObject("select c.id from prio_criterion c join prio_criterion_group g on "
				+ "c.group_id = g.id where g.model_id = ? order by c.code fetch first 1 rows only", UUID.class, model)
			.toString());
		UUID strategy = jdbc.queryForObject("select id from strategy where status = 'ACTIVE' fetch first 1 rows only",
				UUID.class);
		ids.put("strategy", strategy.toString());
		UUID field = jdbc.queryForObject("select id from strategy_field where strategy_id = ? order by number "
				+ "fetch first 1 rows only", UUID.class, strategy);
		ids.put("field", field.toString());
		UUID goal = jdbc.queryForObject("select id from strategy_goal where field_id = ? order by code "
				+ "fetch first 1 rows only", UUID.class, field);
		ids.put("goal", goal.toString());
		ids.put("kpi", jdbc.queryForObject("select k.id from strategy_kpi k join strategy_goal g on k.goal_id = g.id "
				+ "join strategy_field f on g.field_id = f.id where f.strategy_id = ? order by g.code, k.name "
				+ "fetch first 1 rows only", UUID.class, strategy).toString());
		ids.put("measurement", jdbc.queryForList("select id from monitoring_kpi_measurement where kpi_id = ? "
				+ "fetch first 1 rows only", UUID.class, UUID.fromString(ids.get("kpi"))).stream().findFirst()
			.map(UUID::toString).orElse(new UUID(0, 0).toString()));
		ids.put("bundle", jdbc.queryForObject("select id from strategy_bundle where field_id = ? order by code "
				+ "fetch first 1 rows only", UUID.class, field).toString());
		ids.put("user", jdbc.queryForObject("select id from user_account where username = 'reader'", UUID.class)
			.toString());
		ids.put("unit", jdbc.queryForObject("select id from org_unit where code = 'AMT-51'", UUID.class).toString());
	}

	OptimizationRun.State state(UUID run) throws Exception {
		return as("portfolio", () -> runs.run(run).getStatus());
	}

	/** A profile with a marker in every free-text field; the draft without goals (coverage lists it there). */
	String project(String prefix, Map<String, String> into, boolean withGoal) {
		return """
				{"title": "%s %s", "shortDescription": "%s %s", "problem": "%s", "expectedImpact": "%s",
				 "type": "PROJECT", "leadUnit": "AMT-51", "participatingUnits": ["AMT-63"],
				 "contact": {"name": "%s", "email": "%s@example.org"},
				 "plannedStart": "2027-01-01", "plannedEnd": "2028-06-30",
				 "costs": [{"year": 2027, "investment": 120000, "running": 5000}],
				 "efforts": [{"unit": "AMT-51", "year": 2027, "personDays": 40}],
				 "funding": {"programme": "%s", "share": 10},
				 %s
				 "onlineServices": [{"leikaKey": "99123012104000", "name": "%s", "model": "OZG_2017", "currentLevel": 1,
				   "targetLevel": 3}],
				 "tags": ["%s"], "ai": {"used": true, "purpose": "%s", "riskClass": "MINIMAL"},
				 "publication": {"published": false, "title": "%s", "summary": "%s"}}
				""".formatted(word, marker(into, prefix + "title"), word, marker(into, prefix + "short"),
				marker(into, prefix + "problem"), marker(into, prefix + "impact"), marker(into, prefix + "contact"),
				marker(into, prefix + "email").toLowerCase(Locale.ROOT), marker(into, prefix + "funding"),
				withGoal ? "\"goals\": [{\"goal\": \"Z3.1\", \"contribution\": \"HIGH\"}]," : "",
				marker(into, prefix + "service"), marker(into, prefix + "tag"), marker(into, prefix + "aipurpose"),
				marker(into, prefix + "publictitle"), marker(into, prefix + "publicsummary"));
	}

	String create(String body) throws Exception {
		return JsonPath.read(call("lead", post("/api/v1/projects").contentType(MediaType.APPLICATION_JSON)
			.content(body), 201), "$.key");
	}

	/** The evaluator rates every rated criterion with a justification that carries a marker, and submits. */
	void assess(UUID project) throws Exception {
		as("portfolio", () -> assessments.assign(project, "evaluator"));
		UUID model = jdbc.queryForObject("select id from prio_scoring_model where status = 'ACTIVE'", UUID.class);
		List<String> codes = JsonPath.read(call("portfolio", get("/api/v1/models/{id}/criteria", model), 200),
				"$[?(@.kind == 'RATED')].code");
		assertThat(codes).isNotEmpty();
		StringBuilder levels = new StringBuilder();
		StringBuilder texts = new StringBuilder();
		for (String code : codes) {
			levels.append(levels.isEmpty() ? "" : ",").append('"').append(code).append("\": 1");
			texts.append(texts.isEmpty() ? "" : ",").append('"').append(code).append("\": \"Begründung ")
				.append(marker(hidden, "justification" + code)).append('"');
		}
		call("evaluator", post("/api/v1/assessments/{key}/ratings", withdrawn).contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\": 0, \"levels\": {" + levels + "}, \"justifications\": {" + texts + "}, "
					+ "\"submit\": true}"), 200);
	}

	@Test
	void noReadRouteShowsAHiddenProjectToAnyoneOutsideItsOffice() throws Exception {
		Map<String, String> table = readTable();
		Set<String> routes = readRoutes();
		List<String> problems = new ArrayList<>();
		int requests = 0;
		for (String route : routes) {
			if (!table.containsKey(route)) {
				problems.add("Read route " + route + " is not in " + TABLE + ": add it to the table (with its query)");
				continue;
			}
			for (String key : route.contains("{key}") ? List.of(draft, withdrawn) : List.of(draft)) {
				String path = fill(route, key, table.get(route));
				for (String actor : OUTSIDERS) {
					String text = text(perform(HttpMethod.GET, path, actor, route));
					requests++;
					hidden.values().stream().filter(text::contains)
						.forEach(m -> problems.add(route + " as " + actor + " (" + path + ") shows " + m));
					// the draft's key alone is an answer too (the withdrawn proposal's stays in frozen records)
					if (!path.contains(draft) && text.contains(draft)) {
						problems.add(route + " as " + actor + " (" + path + ") names " + draft);
					}
				}
			}
		}
		for (String route : table.keySet()) {
			if (!routes.contains(route)) {
				problems.add("Table row " + route + " names no read route of the application: remove or fix it");
			}
		}
		Files.createDirectories(FIGURES.getParent());
		Files.writeString(FIGURES, "routes=" + routes.size() + "\nrequests=" + requests + "\nmarkers=" + hidden.size()
				+ "\n");
		assertThat(routes).as("read routes found in the handler mappings").hasSizeGreaterThan(100);
		assertThat(problems).as("visibility matrix (%d read routes, %d requests)", routes.size(), requests).isEmpty();
	}

	@Test
	void theOfficeAndThePortfolioOfficeSeeWhatTheOthersMayNot() throws Exception {
		String lead = text(perform(HttpMethod.GET, "/api/v1/projects/" + draft, "lead", ""));
		assertThat(lead).contains(hidden.get("dtitle"), hidden.get("dshort"), hidden.get("dproblem"),
				hidden.get("daipurpose"), hidden.get("dpublicsummary"));
		assertThat(text(perform(HttpMethod.GET, "/api/v1/projects/" + withdrawn, "lead", "")))
			.contains(hidden.get("xtitle")).doesNotContain(frozen.get("wtitle"));
		assertThat(text(perform(HttpMethod.GET, "/portfolio/coverage", "portfolio", "")))
			.as("a draft without goal is listed for the portfolio office").contains(hidden.get("dtitle"));
		assertThat(text(perform(HttpMethod.GET, "/portfolio/coverage", "lead", ""))).contains(hidden.get("dtitle"));
		assertThat(text(perform(HttpMethod.GET, "/portfolio?q=" + word, "lead", ""))).contains(hidden.get("dtitle"),
				hidden.get("xtitle"));
		assertThat(text(perform(HttpMethod.GET, "/monitoring/projects/" + draft, "lead", "")))
			.contains(hidden.get("dmilestone"), hidden.get("drisk"));
		String justification = hidden.entrySet().stream().filter(e -> e.getKey().startsWith("justification"))
			.map(Map.Entry::getValue).findFirst().orElseThrow();
		assertThat(text(perform(HttpMethod.GET, "/api/v1/assessments?project=" + withdrawn, "portfolio", "")))
			.contains(justification);
		// the agenda item keeps the text frozen when the proposal was put on it, never the current one
		String agenda = text(perform(HttpMethod.GET, "/board/meetings/" + ids.get("meeting"), "board", ""));
		assertThat(agenda).contains(frozen.get("wtitle")).doesNotContain(hidden.get("xtitle"));
		// the stored run keeps the title of the time of the run
		String result = text(perform(HttpMethod.GET, "/scenarios/" + ids.get("scenario") + "/runs/" + ids.get("run"),
				"reader", ""));
		assertThat(result).doesNotContain(hidden.get("xtitle"));
	}

	@Test
	void aHiddenProjectAnswersExactlyLikeAnUnknownKey() throws Exception {
		String unknown = "P-" + (90000 + (int) (Math.random() * 9999));
		assertThat(jdbc.queryForObject("select count(*) from portfolio_project where project_key = ?", Integer.class,
				unknown)).isZero();
		List<String> problems = new ArrayList<>();
		int compared = 0;
		for (String route : allRoutes()) {
			if (!route.contains("{key}")) {
				continue;
			}
			HttpMethod method = HttpMethod.valueOf(route.substring(0, route.indexOf(' ')).replace("ANY", "GET"));
			String pattern = route.substring(route.indexOf(' ') + 1);
			for (String actor : List.of("lead2", "reader", "board", "evaluator")) {
				for (String key : List.of(draft, withdrawn)) {
					String hiddenAnswer = shape(perform(method, fill(pattern, key, "-"), actor, pattern), key);
					String unknownAnswer = shape(perform(method, fill(pattern, unknown, "-"), actor, pattern), unknown);
					compared++;
					if (!hiddenAnswer.equals(unknownAnswer)) {
						problems.add(route + " as " + actor + ": hidden " + hiddenAnswer + " but unknown " + unknownAnswer);
					}
				}
			}
		}
		// references to a project in a request body or query: a prerequisite, a rating, an assessment lookup
		for (String key : List.of(draft, withdrawn)) {
			String refHidden = shape(call(post("/api/v1/projects").contentType(MediaType.APPLICATION_JSON)
				.content(reference(key)), "lead2"), key);
			String refUnknown = shape(call(post("/api/v1/projects").contentType(MediaType.APPLICATION_JSON)
				.content(reference(unknown)), "lead2"), unknown);
			assertThat(refHidden).as("prerequisite").isEqualTo(refUnknown).contains("422");
			assertThat(shape(call(get("/api/v1/assessments").param("project", key), "evaluator"), key))
				.as("assessment lookup").isEqualTo(shape(call(get("/api/v1/assessments").param("project", unknown),
						"evaluator"), unknown));
			assertThat(shape(call(post("/api/v1/assessments/{key}/ratings", key).contentType(MediaType.APPLICATION_JSON)
				.content("{\"version\": 0, \"levels\": {}, \"submit\": false}"), "evaluator"), key)).as("rating")
				.isEqualTo(shape(call(post("/api/v1/assessments/{key}/ratings", unknown)
					.contentType(MediaType.APPLICATION_JSON).content("{\"version\": 0, \"levels\": {}, \"submit\": false}"),
						"evaluator"), unknown));
			compared += 3;
		}
		Files.createDirectories(FIGURES.getParent());
		Files.writeString(FIGURES.resolveSibling("existence-oracle-figures.txt"), "compared=" + compared + "\n");
		assertThat(compared).isGreaterThan(100);
		assertThat(problems).isEmpty();
	}

	String reference(String key) {
		return """
				{"title": "Verweis", "shortDescription": "Verweis auf ein Vorhaben", "type": "PROJECT",
				 "leadUnit": "AMT-63", "requires": ["%s"], "ai": {"used": false}, "publication": {"published": false}}
				""".formatted(key);
	}

	/** What an answer says about existence: status, type, problem document or page heading, the key neutralised. */
	static String shape(MvcResult result, String key) throws IOException {
		String type = result.getResponse().getContentType();
		String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8).replace(key, "{key}");
		String essence;
		if (type != null && type.contains("json")) {
			essence = body.replaceAll("\"instance\"\\s*:\\s*\"[^\"]*\"", "").replaceAll("\"timestamp\"[^,}]*", "");
		}
		else {
			var m = java.util.regex.Pattern.compile("<h1[^>]*>(.*?)</h1>", java.util.regex.Pattern.DOTALL).matcher(body);
			essence = m.find() ? m.group(1).strip() : "";
		}
		String location = result.getResponse().getHeader("Location");
		return result.getResponse().getStatus() + " " + (type == null ? "" : type.replace(";charset=UTF-8", ""))
				+ " " + essence + (location == null ? "" : " -> " + location.replace(key, "{key}"));
	}

	MvcResult call(MockHttpServletRequestBuilder request, String actor) throws Exception {
		request.accept(MediaType.APPLICATION_JSON).with(user(users.loadUserByUsername(actor)));
		return mvc.perform(request).andReturn();
	}

	String call(String actor, MockHttpServletRequestBuilder request, int expected) throws Exception {
		MvcResult result = mvc.perform(request.accept(MediaType.APPLICATION_JSON)
			.with(user(users.loadUserByUsername(actor)))).andReturn();
		String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(result.getResponse().getStatus()).as(actor + " " + result.getRequest().getRequestURI() + ": " + body)
			.isEqualTo(expected);
		return body;
	}

	MvcResult perform(HttpMethod method, String path, String actor, String pattern) throws Exception {
		boolean unsafe = method != HttpMethod.GET;
		String[] parts = path.split("\\?", 2);
		MockHttpServletRequestBuilder request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.request(method, parts[0]);
		if (parts.length > 1) {
			for (String pair : parts[1].split("&")) {
				String[] kv = pair.split("=", 2);
				request.param(kv[0], kv.length > 1 ? kv[1] : "");
			}
		}
		if (pattern.equals("/error")) {
			request.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 404)
				.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/no-such-page");
		}
		if (path.startsWith("/api/")) {
			request.accept(MediaType.APPLICATION_JSON);
			if (unsafe) {
				request.contentType(MediaType.APPLICATION_JSON).header("If-Match", "\"-1\"")
					.content(pattern.endsWith("/transitions") ? "{\"to\":\"SUBMITTED\",\"version\":-1}"
							: "{\"version\":-1}");
			}
		}
		else if (!path.startsWith("/actuator") && !path.startsWith("/v3/")) {
			request.accept(MediaType.TEXT_HTML);
			if (unsafe) {
				request.param("version", "-1").param("to", "SUBMITTED")
					.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
						.csrf());
			}
		}
		if (!actor.equals("anonymous")) {
			request.with(user(users.loadUserByUsername(actor)));
		}
		return mvc.perform(request).andReturn();
	}

	/** The answer as text: PDF text, the XML of an XLSX workbook, or the body as UTF-8. */
	static String text(MvcResult result) throws IOException {
		byte[] body = result.getResponse().getContentAsByteArray();
		if (body.length > 4 && body[0] == '%' && body[1] == 'P' && body[2] == 'D' && body[3] == 'F') {
			try (PDDocument pdf = Loader.loadPDF(body)) {
				return new PDFTextStripper().getText(pdf);
			}
		}
		if (body.length > 4 && body[0] == 'P' && body[1] == 'K') {
			StringBuilder all = new StringBuilder();
			Path file = Files.createTempFile("visibility", ".zip");
			try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(Files.write(file, body).toFile())) {
				for (ZipEntry e : java.util.Collections.list(zip.entries())) {
					try (InputStream in = zip.getInputStream(e)) {
						all.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
					}
				}
			}
			finally {
				Files.deleteIfExists(file);
			}
			return all.toString();
		}
		return new String(body, StandardCharsets.UTF_8);
	}

	String fill(String pattern, String key, String query) {
		String path = pattern.replace("{key}", key).replace("{step}", "basics")
			.replace("/actuator/health/**", "/actuator/health/liveness")
			.replace("/v3/api-docs/**", "/v3/api-docs/swagger-config")
			.replace("{runId}", ids.getOrDefault("run", "x"))
			.replace("{cycleId}", ids.getOrDefault("cycle", "x"))
			.replace("{criterionId}", ids.getOrDefault("criterion", "x"))
			.replace("{kpiId}", ids.getOrDefault("kpi", "x"))
			.replace("{measurementId}", ids.getOrDefault("measurement", "x"))
			.replace("{fieldId}", ids.getOrDefault("field", "x"));
		Map<String, String> byPrefix = new LinkedHashMap<>();
		byPrefix.put("/scenarios/", "scenario");
		byPrefix.put("/api/v1/scenarios/", "scenario");
		byPrefix.put("/board/meetings/", "meeting");
		byPrefix.put("/api/v1/meetings/", "meeting");
		byPrefix.put("/monitoring/cycles/", "cycle");
		byPrefix.put("/api/v1/cycles/", "cycle");
		byPrefix.put("/assessments/", "assessment");
		byPrefix.put("/scoring/models/", "model");
		byPrefix.put("/api/v1/models/", "model");
		byPrefix.put("/api/v1/kpis/", "kpi");
		byPrefix.put("/strategy/versions/", "strategy");
		byPrefix.put("/strategy/fields/", "field");
		byPrefix.put("/strategy/goals/", "goal");
		byPrefix.put("/strategy/kpis/", "kpi");
		byPrefix.put("/strategy/bundles/", "bundle");
		byPrefix.put("/admin/users/", "user");
		byPrefix.put("/admin/org-units/", "unit");
		for (Map.Entry<String, String> e : byPrefix.entrySet()) {
			if (path.startsWith(e.getKey()) && path.contains("{id}")) {
				path = path.replace("{id}", ids.getOrDefault(e.getValue(), "x"));
			}
		}
		path = path.replaceAll("\\{[^}/]+}", "00000000-0000-0000-0000-000000000000");
		if (!query.equals("-")) {
			path += "?" + query.replace("{word}", word).replace("{key}", key);
		}
		return path;
	}

	Set<String> readRoutes() {
		Set<String> reads = new TreeSet<>();
		for (String route : allRoutes()) {
			if (route.startsWith("GET ") || route.startsWith("ANY ")) {
				reads.add(route.substring(route.indexOf(' ') + 1));
			}
		}
		return reads;
	}

	Set<String> allRoutes() {
		return HandlerRoutes.of(context);
	}

	static Map<String, String> readTable() throws IOException {
		Map<String, String> table = new TreeMap<>();
		try (InputStream in = VisibilityMatrixIntegrationTests.class.getResourceAsStream(TABLE)) {
			assertThat(in).as(TABLE).isNotNull();
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				String trimmed = line.strip();
				if (trimmed.isEmpty() || trimmed.startsWith("#")) {
					continue;
				}
				String[] cells = trimmed.split("\\s*,\\s*", 2);
				assertThat(cells).as("row %s: pattern and query", trimmed).hasSize(2);
				assertThat(table.put(cells[0], cells[1])).as("duplicate row " + trimmed).isNull();
			}
		}
		return table;
	}

	<T> T as(String username, Callable<T> work) throws Exception {
		UserDetails principal = users.loadUserByUsername(username);
		var previous = SecurityContextHolder.getContext();
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				new UsernamePasswordAuthenticationToken(principal, null, principal.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			return work.call();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}
}
