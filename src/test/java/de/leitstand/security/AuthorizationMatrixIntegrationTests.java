package de.leitstand.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.servlet.RequestDispatcher;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import de.leitstand.support.HandlerRoutes;

/**
 * Every HTTP route of the running application (read from its handler mappings: pages, JSON API, OpenAPI,
 * actuator, error) × anonymous and the seven demo users, against the expected outcome in
 * {@code src/test/resources/security/authorization-matrix.csv}. A route that is not in the table fails the test
 * with its name ("add it to the table"), as does a table row for a route that no longer exists.
 *
 * <p>Path variables are filled with real demo data: {@code {key}} is a draft (IDEA) of AMT-51, the office of
 * {@code lead} — so the columns also prove object-level rules (lead2, of AMT-63, gets 404 for it). Requests that
 * change state carry a CSRF token and a stale version ({@code version=-1}, {@code If-Match: "-1"}) or an unknown
 * id, so that an allowed request ends in a conflict or 404 instead of changing demo data; a refused one is 403.
 *
 * <p>To update the table after adding a route: run this test, look at
 * {@code target/security/authorization-matrix-actual.csv}, check each new cell by hand and copy the row.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AuthorizationMatrixIntegrationTests {

	static final List<String> ACTORS = List.of("anonymous", "admin", "portfolio", "lead", "lead2", "evaluator",
			"board", "reader");
	static final String TABLE = "/security/authorization-matrix.csv";
	static final Path ACTUAL = Path.of("target", "security", "authorization-matrix-actual.csv");

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	Map<String, String> ids = new LinkedHashMap<>();

	@BeforeEach
	void demoData() {
		ids.put("key", jdbc.queryForObject("select p.project_key from portfolio_project p join org_unit u "
				+ "on p.lead_unit_id = u.id where p.status = 'IDEA' and u.code = 'AMT-51' and p.example_data = true "
				+ "order by p.project_key fetch first 1 rows only", String.class));
		UUID strategy = jdbc.queryForObject(
				"select id from strategy where status = 'ACTIVE' fetch first 1 rows only", UUID.class);
		ids.put("/strategy/versions/", strategy.toString());
		UUID field = jdbc.queryForObject("select id from strategy_field where strategy_id = ? "
				+ "order by number fetch first 1 rows only", UUID.class, strategy);
		ids.put("/strategy/fields/", field.toString());
		UUID goal = jdbc.queryForObject("select id from strategy_goal where field_id = ? order by code "
				+ "fetch first 1 rows only", UUID.class, field);
		ids.put("/strategy/goals/", goal.toString());
		ids.put("/strategy/kpis/", jdbc.queryForObject("select id from strategy_kpi where goal_id = ? "
				+ "fetch first 1 rows only", UUID.class, goal).toString());
		ids.put("/strategy/bundles/", jdbc.queryForObject("select id from strategy_bundle where field_id = ? "
				+ "order by code fetch first 1 rows only", UUID.class, field).toString());
		ids.put("/admin/users/", jdbc.queryForObject("select id from user_account where username = 'reader'",
				UUID.class).toString());
		ids.put("/admin/org-units/", jdbc.queryForObject("select id from org_unit where code = 'AMT-51'",
				UUID.class).toString());
	}

	@Test
	void everyRouteAnswersEveryRoleAsTheTableSays() throws Exception {
		Map<String, Map<String, String>> expected = readTable();
		Set<String> routes = routes();
		Map<String, Map<String, String>> actual = new TreeMap<>();
		List<String> problems = new ArrayList<>();
		int checked = 0;
		for (String route : routes) {
			String method = route.substring(0, route.indexOf(' '));
			String pattern = route.substring(route.indexOf(' ') + 1);
			Map<String, String> row = new LinkedHashMap<>();
			for (String actor : ACTORS) {
				String outcome = perform(method, pattern, actor);
				row.put(actor, outcome);
				checked++;
				if (outcome.equals("500")) {
					problems.add(route + " as " + actor + ": server error 500");
				}
			}
			actual.put(route, row);
			Map<String, String> want = expected.get(route);
			if (want == null) {
				problems.add("Route " + route + " is not in " + TABLE + ": add it to the table (actual outcomes: "
						+ row + ")");
				continue;
			}
			for (String actor : ACTORS) {
				// "A|B": either outcome is right (it depends on data other tests may have written, e.g. an
				// existing benefit plan turns a save with version -1 into a 409).
				if (!java.util.List.of(want.get(actor).split("\\|")).contains(row.get(actor))) {
					problems.add(route + " as " + actor + ": expected " + want.get(actor) + " but was " + row.get(actor));
				}
			}
		}
		for (String route : expected.keySet()) {
			if (!routes.contains(route)) {
				problems.add("Table row " + route + " names no route of the application: remove or fix it");
			}
		}
		writeActual(actual, checked);
		assertThat(routes).as("routes found in the handler mappings").hasSizeGreaterThan(50);
		assertThat(problems).as("authorisation matrix (%d routes × %d actors = %d requests)", routes.size(),
				ACTORS.size(), checked).isEmpty();
	}

	@Test
	void everyStateChangingPageRouteRefusesARequestWithoutCsrfToken() throws Exception {
		Map<String, Map<String, String>> expected = readTable();
		List<String> problems = new ArrayList<>();
		int checked = 0;
		for (String route : routes()) {
			String method = route.substring(0, route.indexOf(' '));
			String pattern = route.substring(route.indexOf(' ') + 1);
			if (method.equals("GET") || method.equals("ANY") || pattern.startsWith("/api/")) {
				continue;
			}
			// Someone who may use the route, so that a 403 can only come from the missing token.
			String actor = ACTORS.stream()
				.filter(a -> !a.equals("anonymous"))
				.filter(a -> expected.containsKey(route) && !Set.of("403", "LOGIN").contains(expected.get(route).get(a)))
				.findFirst()
				.orElse("admin");
			String outcome = perform(method, pattern, actor, false);
			checked++;
			if (!outcome.equals("403")) {
				problems.add(route + " as " + actor + " without CSRF token: " + outcome);
			}
		}
		Files.createDirectories(ACTUAL.getParent());
		Files.writeString(ACTUAL.resolveSibling("csrf-figures.txt"), "routes=" + checked + "\n");
		assertThat(checked).isGreaterThan(20);
		assertThat(problems).isEmpty();
	}

	@Test
	void aLeadCannotChangeAProjectOfAnotherOfficeThatTheyMayRead() throws Exception {
		Map<String, Object> project = jdbc.queryForMap("select p.project_key, p.version from portfolio_project p "
				+ "join org_unit u on p.lead_unit_id = u.id where p.status = 'SUBMITTED' and u.code = 'AMT-51' "
				+ "order by p.project_key fetch first 1 rows only");
		String key = (String) project.get("project_key");
		long version = ((Number) project.get("version")).longValue();
		var lead2 = user(users.loadUserByUsername("lead2"));
		String page = "/portfolio/projects/" + key;

		assertThat(status(request(HttpMethod.GET, page).with(lead2))).as("read").isEqualTo(200);
		assertThat(status(request(HttpMethod.GET, page + "/edit/basics").with(lead2))).as("edit form").isEqualTo(403);
		assertThat(status(request(HttpMethod.POST, page + "/edit/basics").with(lead2).with(csrf())
			.param("version", Long.toString(version)).param("title", "Übernommen"))).as("edit").isEqualTo(403);
		assertThat(status(request(HttpMethod.POST, page + "/transitions").with(lead2).with(csrf())
			.param("version", Long.toString(version)).param("to", "IDEA"))).as("withdraw").isEqualTo(403);
		assertThat(status(request(HttpMethod.PUT, "/api/v1/projects/" + key).with(lead2)
			.contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
			.header("If-Match", "\"" + version + "\"").content("{}"))).as("API PUT").isEqualTo(403);
		assertThat(status(request(HttpMethod.POST, "/api/v1/projects/" + key + "/transitions").with(lead2)
			.contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
			.content("{\"to\":\"IDEA\",\"version\":" + version + "}"))).as("API transition").isEqualTo(403);

		assertThat(jdbc.queryForObject("select version from portfolio_project where project_key = ?", Long.class, key))
			.as("nothing changed").isEqualTo(version);
		assertThat(jdbc.queryForObject("select status from portfolio_project where project_key = ?", String.class, key))
			.isEqualTo("SUBMITTED");
	}

	int status(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse().getStatus();
	}

	Set<String> routes() {
		return HandlerRoutes.of(context);
	}

	String perform(String method, String pattern, String actor) throws Exception {
		return perform(method, pattern, actor, true);
	}

	String perform(String method, String pattern, String actor, boolean withCsrf) throws Exception {
		boolean unsafe = !method.equals("GET") && !method.equals("ANY");
		boolean api = pattern.startsWith("/api/");
		String path = fill(pattern, unsafe);
		MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(method.equals("ANY") ? "GET" : method),
				path);
		if (pattern.equals("/error")) {
			// As the servlet container forwards a failed request (MockMvc does not forward by itself).
			request.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 404)
				.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/no-such-page");
		}
		if (pattern.startsWith("/actuator") || pattern.startsWith("/v3/")) {
			request.accept(MediaType.ALL);
		}
		else if (api) {
			request.accept(MediaType.APPLICATION_JSON);
			if (unsafe) {
				request.contentType(MediaType.APPLICATION_JSON).header("If-Match", "\"-1\"")
					.content(pattern.endsWith("/transitions") ? "{\"to\":\"SUBMITTED\",\"version\":-1}"
							: "{\"version\":-1}");
			}
		}
		else {
			request.accept(MediaType.TEXT_HTML);
			if (unsafe) {
				request.param("version", "-1").param("to", "SUBMITTED");
				if (withCsrf) {
					request.with(csrf());
				}
			}
		}
		if (!actor.equals("anonymous")) {
			request.with(user(users.loadUserByUsername(actor)));
		}
		MvcResult result = mvc.perform(request).andReturn();
		return outcome(result.getResponse().getStatus(), result.getResponse().getHeader("Location"));
	}

	static String outcome(int status, String location) {
		if (status >= 200 && status < 300) {
			return "OK";
		}
		if (status >= 300 && status < 400) {
			return location != null && location.endsWith("/login") ? "LOGIN" : "REDIRECT";
		}
		return Integer.toString(status);
	}

	/** Concrete path for a pattern: demo data for reads; for changes an unknown id where no stale version applies. */
	String fill(String pattern, boolean unsafe) {
		String path = pattern.replace("{key}", ids.get("key")).replace("{step}", "basics")
			.replace("/actuator/health/**", "/actuator/health/liveness")
			.replace("/v3/api-docs/**", "/v3/api-docs/swagger-config")
			.replace("{*path}", "x");
		if (path.contains("{id}")) {
			String id = null;
			if (!unsafe) {
				for (Map.Entry<String, String> e : ids.entrySet()) {
					if (path.startsWith(e.getKey())) {
						id = e.getValue();
					}
				}
			}
			path = path.replace("{id}", id == null ? UUID.randomUUID().toString() : id);
		}
		// Any other variable gets a fixed id that names no record: the outcome is then the same on every run
		// (404 for those who may ask, 401/403 for those who may not).
		path = path.replaceAll("\\{[^}/]+}", "00000000-0000-0000-0000-000000000000");
		return path;
	}

	static Map<String, Map<String, String>> readTable() throws IOException {
		Map<String, Map<String, String>> table = new TreeMap<>();
		try (InputStream in = AuthorizationMatrixIntegrationTests.class.getResourceAsStream(TABLE)) {
			assertThat(in).as(TABLE).isNotNull();
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				String trimmed = line.strip();
				if (trimmed.isEmpty() || trimmed.startsWith("#")) {
					continue;
				}
				String[] cells = trimmed.split("\\s*,\\s*");
				assertThat(cells).as("row %s: method, pattern and one outcome per actor %s", trimmed, ACTORS)
					.hasSize(2 + ACTORS.size());
				Map<String, String> row = new LinkedHashMap<>();
				for (int i = 0; i < ACTORS.size(); i++) {
					row.put(ACTORS.get(i), cells[2 + i]);
				}
				assertThat(table.put(cells[0] + " " + cells[1], row)).as("duplicate row " + trimmed).isNull();
			}
		}
		return table;
	}

	static void writeActual(Map<String, Map<String, String>> actual, int checked) throws IOException {
		Files.createDirectories(ACTUAL.getParent());
		StringBuilder out = new StringBuilder("# method, pattern, " + String.join(", ", ACTORS) + "\n");
		actual.forEach((route, row) -> out.append(route.replace(' ', ',')).append(',')
			.append(String.join(",", row.values())).append('\n'));
		Files.writeString(ACTUAL, out.toString());
		Files.writeString(ACTUAL.resolveSibling("authorization-matrix-figures.txt"),
				"routes=" + actual.size() + "\nactors=" + ACTORS.size() + "\nrequests=" + checked + "\n");
	}
}
