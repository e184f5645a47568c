package de.leitstand.portfolio.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

/**
 * The project API over MockMvc with HTTP Basic and the demo accounts: search, ETags, create, replace with
 * If-Match, lifecycle steps, who may do what, and problem details for every error. Titles are unique per run so
 * the tests also hold on a shared PostgreSQL database.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ProjectApiIntegrationTests {

	static final String PASSWORD = "leitstand-demo";
	static final String BASE = "/api/v1/projects";

	@Autowired
	MockMvc mvc;

	static RequestPostProcessor as(String user) {
		return httpBasic(user, PASSWORD);
	}

	static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	static String profile(String title, String leadUnit) {
		return """
				{"title": "%s", "shortDescription": "Beschreibung des Vorhabens %s", "type": "PROJECT",
				 "leadUnit": "%s", "plannedStart": "2026-01-01", "plannedEnd": "2027-06-30",
				 "costs": [{"year": 2026, "investment": 100000, "running": 5000}],
				 "efforts": [{"unit": "%s", "year": 2026, "personDays": 40}],
				 "goals": [{"goal": "Z3.1", "contribution": "HIGH"}], "bundles": ["M1.1"],
				 "tags": ["API", "Test"], "ai": {"used": false}, "publication": {"published": false}}
				""".formatted(title, title, leadUnit, leadUnit);
	}

	/** Creates a project as the given user and returns its key. */
	String create(String user, String title, String leadUnit) throws Exception {
		MvcResult result = mvc.perform(post(BASE).with(as(user)).contentType(MediaType.APPLICATION_JSON)
			.content(profile(title, leadUnit))).andExpect(status().isCreated()).andReturn();
		return JsonPath.read(result.getResponse().getContentAsString(), "$.key");
	}

	void submit(String user, String key) throws Exception {
		long version = version(key);
		mvc.perform(post(BASE + "/" + key + "/transitions").with(as(user)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"to\": \"SUBMITTED\", \"version\": " + version + "}")).andExpect(status().isOk());
	}

	long version(String key) throws Exception {
		MvcResult result = mvc.perform(get(BASE + "/" + key).with(as("portfolio"))).andReturn();
		return ((Number) JsonPath.read(result.getResponse().getContentAsString(), "$.version")).longValue();
	}

	@Test
	void createAnswers201WithLocationEtagAndTheResolvedProfile() throws Exception {
		String title = "API-Anlage " + unique();

		MvcResult result = mvc.perform(post(BASE).with(as("lead")).contentType(MediaType.APPLICATION_JSON)
			.content(profile(title, "AMT-51")))
			.andExpect(status().isCreated())
			.andExpect(header().exists("ETag"))
			.andExpect(jsonPath("$.title").value(title))
			.andExpect(jsonPath("$.status").value("IDEA"))
			.andExpect(jsonPath("$.leadUnit.code").value("AMT-51"))
			.andExpect(jsonPath("$.leadUnit.name").value("Jugendamt"))
			.andExpect(jsonPath("$.goals[0].goal").value("Z3.1"))
			.andExpect(jsonPath("$.goals[0].contribution").value("HIGH"))
			.andExpect(jsonPath("$.bundles[0].code").value("M1.1"))
			.andExpect(jsonPath("$.efforts[0].unit.code").value("AMT-51"))
			.andExpect(jsonPath("$.totalCost").value(105000.0))
			.andReturn();

		String key = JsonPath.read(result.getResponse().getContentAsString(), "$.key");
		assertThat(result.getResponse().getHeader("Location")).isEqualTo(BASE + "/" + key);
		mvc.perform(get(BASE + "/" + key).with(as("lead"))).andExpect(status().isOk())
			.andExpect(jsonPath("$.key").value(key));
	}

	@Test
	void getAnswersWithEtagAnd304WhenUnchanged() throws Exception {
		String key = create("portfolio", "ETag-Test " + unique(), "AMT-17");

		long version = version(key);
		MvcResult result = mvc.perform(get(BASE + "/" + key).with(as("portfolio")))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"" + version + "\""))
			.andReturn();

		mvc.perform(get(BASE + "/" + key).with(as("portfolio")).header("If-None-Match",
				result.getResponse().getHeader("ETag")))
			.andExpect(status().isNotModified())
			.andExpect(content().string(""));
		mvc.perform(get(BASE + "/" + key).with(as("portfolio")).header("If-None-Match", "\"" + (version + 1) + "\""))
			.andExpect(status().isOk());
	}

	@Test
	void unknownKeyIs404Problem() throws Exception {
		mvc.perform(get(BASE + "/P-99999").with(as("reader")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(404))
			.andExpect(jsonPath("$.detail").value(containsString("existiert nicht")));
	}

	@Test
	void listFiltersAndFindsGermanInflections() throws Exception {
		String marker = "Zqx" + unique().replaceAll("[^a-z]", "");
		String key = create("portfolio", "Antrag " + marker + " digital stellen", "AMT-63");
		submit("portfolio", key);

		mvc.perform(get(BASE).with(as("reader")).param("q", "Anträge " + marker))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].key").value(key))
			.andExpect(jsonPath("$.items[0].leadUnit.code").value("AMT-63"))
			.andExpect(jsonPath("$.items[0].status").value("SUBMITTED"))
			.andExpect(jsonPath("$.facets.status.SUBMITTED").value(1));
		mvc.perform(get(BASE).with(as("reader")).param("q", marker).param("unit", "AMT-63")
			.param("status", "SUBMITTED").param("tag", "API"))
			.andExpect(jsonPath("$.items[*].key").value(hasItem(key)));
		mvc.perform(get(BASE).with(as("reader")).param("q", marker).param("unit", "AMT-51"))
			.andExpect(jsonPath("$.total").value(0));
		mvc.perform(get(BASE).with(as("reader")).param("q", marker).param("status", "NOPE"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.ignoredParameters[0]").value("status"));
	}

	@Test
	void updateWithIfMatchSavesAndStaleIs412MissingIs428() throws Exception {
		String key = create("lead", "Änderung per API " + unique(), "AMT-51");
		String changed = "Geändert per API " + unique();
		long v0 = version(key);

		MvcResult saved = mvc.perform(put(BASE + "/" + key).with(as("lead")).header("If-Match", "\"" + v0 + "\"")
			.contentType(MediaType.APPLICATION_JSON).content(profile(changed, "AMT-51")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.title").value(changed))
			.andReturn();
		long v1 = version(key);
		assertThat(v1).isGreaterThan(v0);
		assertThat(saved.getResponse().getHeader("ETag")).isEqualTo("\"" + v1 + "\"");

		mvc.perform(put(BASE + "/" + key).with(as("lead")).header("If-Match", "\"" + v0 + "\"")
			.contentType(MediaType.APPLICATION_JSON).content(profile("Überschreibt nichts", "AMT-51")))
			.andExpect(status().isPreconditionFailed())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(header().string("ETag", "\"" + v1 + "\""))
			.andExpect(jsonPath("$.currentVersion").value(v1));
		mvc.perform(put(BASE + "/" + key).with(as("lead")).contentType(MediaType.APPLICATION_JSON)
			.content(profile("Überschreibt nichts", "AMT-51")))
			.andExpect(status().isPreconditionRequired())
			.andExpect(jsonPath("$.status").value(428));
		String withStaleVersion = profile("Überschreibt nichts", "AMT-51").replaceFirst("\\{",
				"{\"version\": " + v0 + ", ");
		mvc.perform(put(BASE + "/" + key).with(as("lead")).contentType(MediaType.APPLICATION_JSON)
			.content(withStaleVersion))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.currentVersion").value(v1));

		mvc.perform(get(BASE + "/" + key).with(as("lead"))).andExpect(jsonPath("$.title").value(changed));
	}

	@Test
	void leadCannotChangeAnotherOfficesProject() throws Exception {
		String title = "Fremdes Vorhaben " + unique();
		String key = create("lead2", title, "AMT-63");
		submit("lead2", key);
		long version = version(key);

		mvc.perform(put(BASE + "/" + key).with(as("lead")).header("If-Match", "\"" + version + "\"")
			.contentType(MediaType.APPLICATION_JSON).content(profile("Übernommen", "AMT-63")))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("Berechtigung")));

		mvc.perform(get(BASE + "/" + key).with(as("lead"))).andExpect(jsonPath("$.title").value(title))
			.andExpect(jsonPath("$.version").value(version));
	}

	@Test
	void readerMayNotCreate() throws Exception {
		mvc.perform(post(BASE).with(as("reader")).contentType(MediaType.APPLICATION_JSON)
			.content(profile("Leser legt an " + unique(), "AMT-10")))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void unauthenticatedIs401ProblemWithoutRedirect() throws Exception {
		mvc.perform(get(BASE))
			.andExpect(status().isUnauthorized())
			.andExpect(header().doesNotExist("Location"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(401))
			.andExpect(jsonPath("$.detail").value(containsString("melden Sie sich an")));
		mvc.perform(get(BASE).with(httpBasic("lead", "wrong")).header("Accept-Language", "en"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value(containsString("Please sign in")));
	}

	@Test
	void apiNeedsNoCsrfTokenAndCreatesNoSession() throws Exception {
		MvcResult result = mvc.perform(post(BASE).with(as("portfolio")).contentType(MediaType.APPLICATION_JSON)
			.content(profile("Ohne CSRF " + unique(), "AMT-17"))).andExpect(status().isCreated()).andReturn();
		assertThat(result.getResponse().getHeader("Set-Cookie")).isNull();
		assertThat(result.getRequest().getSession(false)).isNull();
	}

	@Test
	void invalidProfileIs422WithGermanMessagesPerField() throws Exception {
		String body = """
				{"title": "", "shortDescription": "x", "type": "PROJECT", "leadUnit": "AMT-XX",
				 "plannedStart": "2027-01-01", "plannedEnd": "2026-01-01",
				 "goals": [{"goal": "Z9.9", "contribution": "HIGH"}]}
				""";
		mvc.perform(post(BASE).with(as("portfolio")).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[?(@.field == 'leadUnit')].message")
				.value(hasItem("Diese Organisationseinheit gibt es nicht.")))
			.andExpect(jsonPath("$.errors[?(@.field == 'goals[0].goal')].message")
				.value(hasItem(containsString("strategische Ziel"))));

		String rules = profile("", "AMT-17").replace("\"2027-06-30\"", "\"2025-06-30\"");
		mvc.perform(post(BASE).with(as("portfolio")).contentType(MediaType.APPLICATION_JSON).content(rules))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[?(@.field == 'title')].message")
				.value(hasItem("Bitte füllen Sie dieses Feld aus.")))
			.andExpect(jsonPath("$.errors[?(@.field == 'plannedEnd')].message")
				.value(hasItem(containsString("Das geplante Ende muss nach dem Start liegen"))));
		mvc.perform(post(BASE).with(as("portfolio")).header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON).content(rules))
			.andExpect(jsonPath("$.errors[?(@.field == 'title')].message")
				.value(hasItem(containsString("Please"))));
	}

	@Test
	void malformedJsonAndUnknownEnumAre400NamingTheField() throws Exception {
		mvc.perform(post(BASE).with(as("portfolio")).contentType(MediaType.APPLICATION_JSON).content("{\"title\": "))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("kein gültiges JSON")))
			.andExpect(content().string(not(containsString("Exception"))));
		String body = profile("Falscher Typ " + unique(), "AMT-17").replace("\"PROJECT\"", "\"PROGRAMME\"");
		mvc.perform(post(BASE).with(as("portfolio")).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("type"))
			.andExpect(jsonPath("$.detail").value(containsString("„type“")))
			.andExpect(jsonPath("$.detail").value(containsString("QUICK_WIN")));
		String contribution = profile("Falscher Beitrag " + unique(), "AMT-17").replace("\"HIGH\"", "\"HUGE\"");
		mvc.perform(post(BASE).with(as("portfolio")).contentType(MediaType.APPLICATION_JSON).content(contribution))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("goals[0].contribution"));
	}

	@Test
	void transitionsLegalIllegalForbiddenAndHistory() throws Exception {
		String key = create("lead", "Lebenszyklus per API " + unique(), "AMT-51");
		long v0 = version(key);

		mvc.perform(post(BASE + "/" + key + "/transitions").with(as("lead")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"to\": \"SUBMITTED\", \"comment\": \"Bitte prüfen\", \"version\": " + v0 + "}"))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"" + version(key) + "\""))
			.andExpect(jsonPath("$.status").value("SUBMITTED"))
			.andExpect(jsonPath("$.nextSteps[0]").value("IDEA"));

		mvc.perform(post(BASE + "/" + key + "/transitions").with(as("portfolio"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"to\": \"COMPLETED\", \"version\": " + version(key) + "}"))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("nicht vorgesehen")));
		mvc.perform(post(BASE + "/" + key + "/transitions").with(as("lead")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"to\": \"IN_REVIEW\", \"version\": " + version(key) + "}"))
			.andExpect(status().isForbidden());
		mvc.perform(post(BASE + "/" + key + "/transitions").with(as("portfolio"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"to\": \"IN_REVIEW\"}"))
			.andExpect(status().isPreconditionRequired());
		mvc.perform(post(BASE + "/" + key + "/transitions").with(as("portfolio"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"to\": \"SOMEWHERE\", \"version\": " + version(key) + "}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("to"));
		mvc.perform(post(BASE + "/" + key + "/transitions").with(as("portfolio")).header("If-Match", "\"" + version(key) + "\"")
			.contentType(MediaType.APPLICATION_JSON).content("{\"to\": \"IN_REVIEW\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("IN_REVIEW"));

		mvc.perform(get(BASE + "/" + key + "/transitions").with(as("reader")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].to").value("IN_REVIEW"))
			.andExpect(jsonPath("$[0].by").value("portfolio"))
			.andExpect(jsonPath("$[1].from").value("IDEA"))
			.andExpect(jsonPath("$[1].to").value("SUBMITTED"))
			.andExpect(jsonPath("$[1].comment").value("Bitte prüfen"));
	}

	@Test
	void openApiDescriptionIsServedAnonymouslyAndListsTheEndpoints() throws Exception {
		mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/v1/projects'].get").exists())
			.andExpect(jsonPath("$.paths['/api/v1/projects'].post.responses['201']").exists())
			.andExpect(jsonPath("$.paths['/api/v1/projects/{key}'].get.responses['304']").exists())
			.andExpect(jsonPath("$.paths['/api/v1/projects/{key}'].put.responses['412']").exists())
			.andExpect(jsonPath("$.paths['/api/v1/projects/{key}'].put.responses['428']").exists())
			.andExpect(jsonPath("$.paths['/api/v1/projects/{key}/transitions'].post").exists())
			.andExpect(jsonPath("$.paths['/api/v1/projects/{key}/transitions'].get").exists())
			.andExpect(jsonPath("$.components.schemas.Problem").exists())
			.andExpect(jsonPath("$.components.securitySchemes.basic.scheme").value("basic"))
			.andExpect(jsonPath("$.paths['/login']").doesNotExist());
	}
}
