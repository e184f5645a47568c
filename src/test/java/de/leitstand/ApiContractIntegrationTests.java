package de.leitstand;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API contract: loads the OpenAPI description the application serves ({@code /v3/api-docs}), writes it to
 * {@code target/openapi.json} (CI lints that file with an independent validator) and walks every operation it
 * lists, whoever added it: each GET is called with real demo values for its path parameters and must answer with
 * a documented 2xx status and a documented content type; every other operation must refuse an anonymous caller
 * with 401 problem details.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ApiContractIntegrationTests {

	static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");
	/** Demo values for path parameters that cannot be read from a parent list. */
	static final Map<String, String> KNOWN = Map.of("key", "P-0001", "projectKey", "P-0001", "goal", "Z1.1",
			"goalCode", "Z1.1", "bundle", "M1.1", "bundleCode", "M1.1", "unit", "AMT-17", "code", "AMT-17",
			"project", "P-0001");
	static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "patch");

	@LocalServerPort
	int port;

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.context.ApplicationContext context;

	final HttpClient http = HttpClient.newHttpClient();
	final JsonMapper json = JsonMapper.builder().build();
	final String basic = "Basic " + Base64.getEncoder()
		.encodeToString("portfolio:leitstand-demo".getBytes(StandardCharsets.UTF_8));

	HttpResponse<String> send(String method, String path, boolean authenticated) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", "application/json, application/problem+json, */*;q=0.1");
		if (authenticated) {
			request.header("Authorization", basic);
		}
		if (method.equals("get") || method.equals("delete")) {
			request.method(method.toUpperCase(), HttpRequest.BodyPublishers.noBody());
		}
		else {
			request.header("Content-Type", "application/json")
				.method(method.toUpperCase(), HttpRequest.BodyPublishers.ofString("{}"));
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void everyDocumentedOperationAnswersAsDocumented() throws Exception {
		HttpResponse<String> docs = send("get", "/v3/api-docs", false);
		assertThat(docs.statusCode()).isEqualTo(200);
		Path out = Path.of("target", "openapi.json");
		Files.createDirectories(out.getParent());
		Files.writeString(out, docs.body());
		JsonNode api = json.readTree(docs.body());
		assertThat(api.path("openapi").asString()).startsWith("3.");
		JsonNode paths = api.path("paths");
		assertThat(paths.propertyNames()).as("documented paths").contains("/api/v1/projects");

		List<String> failures = new ArrayList<>();
		int walked = 0;
		for (String template : paths.propertyNames()) {
			JsonNode item = paths.path(template);
			for (String method : item.propertyNames()) {
				if (!OPERATIONS.contains(method)) {
					continue;
				}
				JsonNode operation = item.path(method);
				String label = method.toUpperCase() + " " + template;
				walked++;
				try {
					if (method.equals("get")) {
						checkGet(template, operation, label, failures);
					}
					else {
						HttpResponse<String> anonymous = send(method, concrete(template, item, operation), false);
						if (anonymous.statusCode() != 401 || !contentType(anonymous).equals("application/problem+json")) {
							failures.add(label + " without credentials: " + anonymous.statusCode() + " "
									+ contentType(anonymous) + " (expected 401 application/problem+json)");
						}
					}
				}
				catch (IllegalStateException cannot) {
					failures.add(label + ": " + cannot.getMessage());
				}
			}
		}
		assertThat(walked).as("operations walked").isPositive();
		assertThat(failures).as("operations that do not answer as documented").isEmpty();
	}

	private void checkGet(String template, JsonNode operation, String label, List<String> failures)
			throws Exception {
		String path = concrete(template, null, operation);
		HttpResponse<String> response = send("get", path, true);
		String status = Integer.toString(response.statusCode());
		JsonNode responses = operation.path("responses");
		if (response.statusCode() / 100 != 2) {
			failures.add(label + " (" + path + "): status " + status + " " + response.body());
			return;
		}
		JsonNode documented = responses.has(status) ? responses.path(status) : responses.path("default");
		if (documented.isMissingNode()) {
			failures.add(label + ": status " + status + " is not documented (" + responses.propertyNames() + ")");
			return;
		}
		JsonNode content = documented.path("content");
		String type = contentType(response);
		if (!content.isMissingNode() && content.size() > 0 && !content.has(type) && !content.has("*/*")) {
			failures.add(label + ": content type " + type + " is not documented (" + content.propertyNames() + ")");
		}
		if (type.endsWith("json") && !response.body().isBlank()) {
			json.readTree(response.body());
		}
	}

	/** The path with real values for its path parameters and example values for required query parameters. */
	private String concrete(String template, JsonNode item, JsonNode operation) throws Exception {
		StringBuilder path = new StringBuilder();
		Matcher matcher = PARAM.matcher(template);
		int last = 0;
		while (matcher.find()) {
			path.append(template, last, matcher.start());
			path.append(URLEncoder.encode(value(path.toString(), matcher.group(1)), StandardCharsets.UTF_8));
			last = matcher.end();
		}
		path.append(template.substring(last));
		Map<String, String> query = new LinkedHashMap<>();
		for (JsonNode parameter : operation.path("parameters")) {
			if ("query".equals(parameter.path("in").asString()) && parameter.path("required").asBoolean(false)) {
				String name = parameter.path("name").asString();
				query.put(name, KNOWN.containsKey(name) ? KNOWN.get(name) : example(parameter.path("schema")));
			}
		}
		if (!query.isEmpty()) {
			path.append('?');
			query.forEach((name, value) -> path.append(name).append('=')
				.append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&'));
			path.setLength(path.length() - 1);
		}
		return path.toString();
	}

	/** A real value: the named field (or key/id/code) of the first element the parent list returns. */
	private String value(String parent, String name) throws Exception {
		String collection = parent.endsWith("/") ? parent.substring(0, parent.length() - 1) : parent;
		HttpResponse<String> list = send("get", collection, true);
		if (list.statusCode() == 200 && contentType(list).endsWith("json")) {
			JsonNode body = json.readTree(list.body());
			JsonNode first = body.isArray() ? body.path(0) : body.path("content").path(0);
			if (first.isMissingNode()) {
				first = body.path("items").path(0);
			}
			for (String field : List.of(name, "key", "code", "id")) {
				if (first.path(field).isValueNode()) {
					return first.path(field).asString();
				}
			}
		}
		if (KNOWN.containsKey(name)) {
			return KNOWN.get(name);
		}
		if (parent.matches("/api/v1/projects/[^/]+/milestones/")) {
			// The project may have no milestone on a shared database; only the unauthenticated call uses it.
			return "00000000-0000-0000-0000-000000000000";
		}
		if (parent.startsWith("/api/v1/scenarios/")) {
			// Scenarios have no list endpoint; the demo scenario and its run stand in.
			String placeholder = "id".equals(name) ? "{scenario}" : "{scenarioRun}";
			return de.leitstand.prioritization.ScenarioTestPages.resolve(placeholder, context);
		}
		throw new IllegalStateException("no demo value for path parameter {" + name + "} under " + parent);
	}

	private static String example(JsonNode schema) {
		if (schema.has("example")) {
			return schema.path("example").asString();
		}
		if (schema.has("default")) {
			return schema.path("default").asString();
		}
		if (schema.path("enum").size() > 0) {
			return schema.path("enum").path(0).asString();
		}
		return switch (schema.path("type").asString()) {
			case "integer", "number" -> "1";
			case "boolean" -> "true";
			default -> "a";
		};
	}

	private static String contentType(HttpResponse<String> response) {
		return response.headers().firstValue("Content-Type").map(t -> t.split(";")[0].trim()).orElse("");
	}
}
