package de.leitstand.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * SQL, HQL and Lucene query syntax (and other junk) in every search and filter parameter of every search endpoint:
 * the answer is a page with results or a message (200), or a 4xx naming the problem — never a server error — and
 * the data is still there afterwards.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SearchInjectionIntegrationTests {

	static final List<String> PAYLOADS = List.of("' OR 1=1 --", "'; DROP TABLE portfolio_project; --",
			"\" OR \"\"=\"", "1 UNION SELECT username, password_hash FROM user_account", "%", "_", "\\",
			"from Project p where 1=1", "select p from Project p", "title:*", "*:*", "*", "?", "(((", ")))",
			"\"unclosed", "~", "foo~2", "a^10", "[a TO z]", "{a TO z}", "AND OR NOT", "+-&&||!", "/regex.*/",
			"x".repeat(5000), "a\u0000b", "\u0000", "Ä ß € \uD83D\uDE00", "\u202Eevil", "-1", "999999999999999999999",
			"NaN", "${7*7}", "<script>alert(1)</script>", "", " ");

	static final List<String> PORTFOLIO_PARAMS = List.of("q", "field", "goal", "bundle", "unit", "status", "type",
			"tag", "year", "ai", "sort", "page", "size");

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void injectionInEverySearchParameterNeverCausesAServerError() throws Exception {
		long projects = jdbc.queryForObject("select count(*) from portfolio_project", Long.class);
		List<String> problems = new ArrayList<>();
		int tried = 0;
		for (String payload : PAYLOADS) {
			for (String param : PORTFOLIO_PARAMS) {
				// The HTML list is slow to render: every payload in q, a sample of them in the other filters
				// (the JSON API below gets every payload in every filter; both parse filters in QueryParams).
				if (param.equals("q") || PAYLOADS.indexOf(payload) % 4 == 0) {
					tried += check(problems, "/portfolio", param, payload, "portfolio", MediaType.TEXT_HTML);
				}
				tried += check(problems, "/api/v1/projects", param, payload, "reader", MediaType.APPLICATION_JSON);
			}
			tried += check(problems, "/portfolio/similar", "title", payload, "lead", MediaType.TEXT_HTML);
			tried += check(problems, "/portfolio/similar", "shortDescription", payload, "lead", MediaType.TEXT_HTML);
			tried += check(problems, "/portfolio/similar", "exclude", payload, "lead", MediaType.TEXT_HTML);
			tried += check(problems, "/portfolio/export.csv", "q", payload, "reader", MediaType.ALL);
			tried += check(problems, "/portfolio/coverage", "q", payload, "board", MediaType.TEXT_HTML);
			for (String param : List.of("type", "username", "page")) {
				tried += check(problems, "/admin/security-events", param, payload, "admin", MediaType.TEXT_HTML);
			}
		}
		Files.createDirectories(Path.of("target", "security"));
		Files.writeString(Path.of("target", "security", "search-injection-figures.txt"),
				"payloads=" + PAYLOADS.size() + "\nrequests=" + tried + "\n");
		assertThat(problems).as("%d requests", tried).isEmpty();
		assertThat(jdbc.queryForObject("select count(*) from portfolio_project", Long.class))
			.as("nothing dropped").isGreaterThanOrEqualTo(projects);
	}

	@Test
	void sqlInTheFullTextSearchFindsNothingExtraAndLeaksNothing() throws Exception {
		MvcResult result = mvc.perform(get("/api/v1/projects").param("q", "' OR 1=1 --")
			.with(user(users.loadUserByUsername("reader"))).accept(MediaType.APPLICATION_JSON)).andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		String body = result.getResponse().getContentAsString();
		assertThat(body).doesNotContain("password", "{bcrypt}", "SQL", "Exception");
		long total = jdbc.queryForObject("select count(*) from portfolio_project where status <> 'IDEA'", Long.class);
		assertThat(body).doesNotContain("\"total\":" + total);
	}

	private int check(List<String> problems, String path, String param, String payload, String actor,
			MediaType accept) throws Exception {
		MvcResult result = mvc.perform(get(path).param(param, payload).accept(accept)
			.with(user(users.loadUserByUsername(actor)))).andReturn();
		int status = result.getResponse().getStatus();
		if (status >= 500 || (status != 200 && status != 400 && status != 422)) {
			String shown = payload.length() > 40 ? payload.substring(0, 40) + "…" : payload;
			problems.add(path + "?" + param + "=" + shown + " → " + status);
		}
		return 1;
	}
}
