package de.leitstand.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * 50 parallel users over real HTTP (JSON API, HTTP Basic, one connection each) change the same project at once.
 * Every request ends in success or a reported conflict (409/412 with problem details), never a server error; no
 * successful write is lost (each one's marker is in the Envers history, in the order of the versions handed out);
 * the version grew by exactly the number of successful writes; and the recorded lifecycle steps form a valid path.
 * Runs on H2 and, in CI, on PostgreSQL.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ConcurrencyIntegrationTests {

	static final int USERS = 50;
	static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	record Outcome(int status, String marker, long version, String body) {
	}

	@Test
	void fiftyParallelEditorsLoseNoUpdate() throws Exception {
		String key = createProject();
		UUID id = jdbc.queryForObject("select id from portfolio_project where project_key = ?", UUID.class, key);
		long initial = version(key);

		List<Outcome> outcomes = inParallel(i -> {
			String marker = "Parallel " + key + " #" + i;
			// Each user reads, then writes on the version they read (If-Match), as a client would.
			HttpResponse<String> read = send("GET", "/api/v1/projects/" + key, null, null);
			String etag = read.headers().firstValue("ETag").orElseThrow();
			HttpResponse<String> write = send("PUT", "/api/v1/projects/" + key, etag, profile(marker));
			return new Outcome(write.statusCode(), marker, versionIn(write.body()), write.body());
		});

		List<Outcome> ok = outcomes.stream().filter(o -> o.status() == 200).sorted((a, b) -> Long.compare(a.version(),
				b.version())).toList();
		assertThat(outcomes).allSatisfy(o -> {
			assertThat(o.status()).as(o.body()).isIn(200, 409, 412);
			if (o.status() != 200) {
				assertThat(o.body()).as("conflict reported as problem details").contains("\"status\"", "\"detail\"");
			}
		});
		assertThat(ok).as("at least one write succeeds").isNotEmpty();
		assertThat(version(key) - initial).as("one version per successful write").isEqualTo(ok.size());
		List<String> history = jdbc.queryForList("select title from portfolio_project_aud where id = ? order by rev",
				String.class, id);
		List<String> written = history.subList(history.size() - ok.size(), history.size());
		assertThat(written).as("every successful write is in the history, in version order")
			.containsExactlyElementsOf(ok.stream().map(Outcome::marker).toList());
		figures("edit", outcomes);
	}

	@Test
	void fiftyParallelLifecycleStepsFormAValidPath() throws Exception {
		String key = createProject();
		UUID id = jdbc.queryForObject("select id from portfolio_project where project_key = ?", UUID.class, key);

		List<Outcome> outcomes = inParallel(i -> {
			String to = i % 2 == 0 ? "SUBMITTED" : "IDEA";
			HttpResponse<String> read = send("GET", "/api/v1/projects/" + key, null, null);
			String etag = read.headers().firstValue("ETag").orElseThrow();
			HttpResponse<String> step = send("POST", "/api/v1/projects/" + key + "/transitions", etag,
					"{\"to\":\"" + to + "\",\"comment\":\"parallel " + i + "\"}");
			return new Outcome(step.statusCode(), to, versionIn(step.body()), step.body());
		});

		assertThat(outcomes).allSatisfy(o -> {
			assertThat(o.status()).as(o.body()).isIn(200, 409, 412);
			if (o.status() != 200) {
				assertThat(o.body()).contains("\"status\"", "\"detail\"");
			}
		});
		long ok = outcomes.stream().filter(o -> o.status() == 200).count();
		List<Map<String, Object>> steps = jdbc.queryForList(
				"select from_status, to_status from portfolio_transition where project_id = ?", id);
		assertThat(steps).as("one recorded step per successful request").hasSize((int) ok);
		List<String> statuses = jdbc.queryForList(
				"select status from portfolio_project_aud where id = ? order by rev", String.class, id);
		String previous = statuses.get(0);
		int changes = 0;
		for (String status : statuses.subList(1, statuses.size())) {
			if (!status.equals(previous)) {
				assertThat(List.of(previous, status)).as("valid lifecycle step")
					.isIn(List.of("IDEA", "SUBMITTED"), List.of("SUBMITTED", "IDEA"));
				changes++;
			}
			previous = status;
		}
		assertThat(changes).as("status changes in the history = successful steps").isEqualTo(ok);
		assertThat(jdbc.queryForObject("select status from portfolio_project where id = ?", String.class, id))
			.isEqualTo(previous);
		figures("transition", outcomes);
	}

	interface Attempt {
		Outcome run(int i) throws Exception;
	}

	List<Outcome> inParallel(Attempt attempt) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(USERS);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Outcome>> futures = new ArrayList<>();
		for (int i = 0; i < USERS; i++) {
			int n = i;
			futures.add(pool.submit(() -> {
				start.await();
				return attempt.run(n);
			}));
		}
		start.countDown();
		List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
		for (Future<Outcome> f : futures) {
			outcomes.add(f.get(5, TimeUnit.MINUTES));
		}
		pool.shutdown();
		return outcomes;
	}

	String createProject() throws Exception {
		HttpResponse<String> created = send("POST", "/api/v1/projects", null, profile("Parallel " + UUID.randomUUID()));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return created.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
	}

	static String profile(String title) {
		return """
				{"title": "%s", "shortDescription": "Gleichzeitige Bearbeitung", "type": "PROJECT",
				 "leadUnit": "AMT-17", "plannedStart": "2026-01-01", "plannedEnd": "2027-06-30",
				 "goals": [{"goal": "Z3.1", "contribution": "HIGH"}], "tags": ["Parallel"],
				 "ai": {"used": false}, "publication": {"published": false}}
				""".formatted(title);
	}

	HttpResponse<String> send(String method, String path, String ifMatch, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofMinutes(2))
			.header("Accept", "application/json")
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString("portfolio:leitstand-demo".getBytes(StandardCharsets.UTF_8)));
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		if (json == null) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
		}
		// A client of its own per request: separate connections, as separate users would have.
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	long version(String key) {
		return jdbc.queryForObject("select version from portfolio_project where project_key = ?", Long.class, key);
	}

	static long versionIn(String body) {
		Matcher m = VERSION.matcher(body);
		return m.find() ? Long.parseLong(m.group(1)) : -1;
	}

	static void figures(String name, List<Outcome> outcomes) throws Exception {
		Path dir = Path.of("target", "security");
		Files.createDirectories(dir);
		StringBuilder out = new StringBuilder("users=" + USERS + "\n");
		outcomes.stream().collect(java.util.stream.Collectors.groupingBy(Outcome::status,
				java.util.TreeMap::new, java.util.stream.Collectors.counting()))
			.forEach((status, count) -> out.append("status").append(status).append('=').append(count).append('\n'));
		Files.writeString(dir.resolve("concurrency-" + name + "-figures.txt"), out.toString());
	}
}
