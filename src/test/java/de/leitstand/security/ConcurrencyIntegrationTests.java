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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
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

import org.jsoup.Jsoup;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import com.jayway.jsonpath.JsonPath;

import de.leitstand.portfolio.ProjectDirectory;
import de.leitstand.portfolio.ProjectStatus;
import de.leitstand.support.HttpSession;

/**
 * 50 parallel users over real HTTP (one connection each) change the same record at once: a project through the JSON
 * API (edit, lifecycle steps) and through its web edit form (signed-in sessions with CSRF tokens), and a status
 * report through the API (saving and submitting one draft; starting the same draft). Every request ends in success
 * or a reported conflict (409/412 problem details, or the German conflict message on the page), never a server
 * error; no successful write is lost (each one's marker is in the Envers history, in the order of the versions
 * handed out); the version grew by exactly the number of successful writes; the recorded lifecycle steps form a
 * valid path; a report never gets two drafts. Runs on H2 and, in CI, on PostgreSQL.
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

	@Autowired
	ProjectDirectory directory;

	/** One user's attempt: the answer, their marker, the version they got, and the version they had read. */
	record Outcome(int status, String marker, long version, String body, long read) {

		Outcome(int status, String marker, long version, String body) {
			this(status, marker, version, body, Long.MIN_VALUE);
		}
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

	@Test
	void fiftyParallelWebEditorsOfOneProjectFormLoseNoUpdate() throws Exception {
		String key = createProject();
		UUID id = jdbc.queryForObject("select id from portfolio_project where project_key = ?", UUID.class, key);
		long initial = version(key);
		String form = "/portfolio/projects/" + key + "/edit/basics";
		// 50 browsers, each signed in with a session of its own (sign-in is not what is measured here)
		List<HttpSession> sessions = new ArrayList<>();
		for (int i = 0; i < USERS; i++) {
			HttpSession session = new HttpSession(port);
			assertThat(session.login("portfolio", "leitstand-demo").headers().firstValue("Location").orElse(""))
				.doesNotContain("error");
			sessions.add(session);
		}

		List<Outcome> outcomes = inParallel(i -> {
			HttpSession session = sessions.get(i);
			String marker = "Formular " + key + " #" + i;
			// Each user opens the form (with its version and CSRF token), changes the title and saves.
			FormElement page = (FormElement) Jsoup.parse(session.get(form).body())
				.selectFirst("form[action$=/edit/basics]");
			List<String> fields = new ArrayList<>();
			long[] read = { Long.MIN_VALUE };
			page.formData().forEach(f -> {
				fields.add(f.key());
				fields.add(f.key().equals("title") ? marker : f.value());
				if (f.key().equals("version")) {
					read[0] = Long.parseLong(f.value());
				}
			});
			HttpResponse<String> saved = session.post(form, fields.toArray(String[]::new));
			return new Outcome(saved.statusCode(), marker, -1, saved.body(), read[0]);
		});

		List<Outcome> ok = outcomes.stream().filter(o -> o.status() == 302).toList();
		assertThat(outcomes).allSatisfy(o -> {
			assertThat(o.status()).as(o.body()).isIn(302, 409);
			if (o.status() == 409) {
				assertThat(Jsoup.parse(o.body()).text()).as("conflict reported on the page")
					.containsAnyOf("Jemand anderes hat dieses Vorhaben gespeichert, während Sie bearbeitet haben.",
							"Jemand anderes hat diesen Datensatz gerade gespeichert.");
			}
		});
		assertThat(ok).as("at least one save succeeds").isNotEmpty();
		assertThat(version(key) - initial).as("one version per successful save").isEqualTo(ok.size());
		assertThat(ok.stream().map(Outcome::read).sorted().toList())
			.as("no lost update: each successful save was made on the version the one before produced")
			.isEqualTo(java.util.stream.LongStream.range(initial, initial + ok.size()).boxed().toList());
		List<String> history = jdbc.queryForList("select title from portfolio_project_aud where id = ? order by rev",
				String.class, id);
		assertThat(history.subList(history.size() - ok.size(), history.size()))
			.as("every successful save is in the history").containsExactlyInAnyOrderElementsOf(
					ok.stream().map(Outcome::marker).toList());
		figures("web-form", outcomes);
	}

	@Test
	void fiftyParallelReportersOnOneStatusReportLoseNoUpdate() throws Exception {
		String key = projectInImplementation();
		String cycle = openCycle();
		HttpResponse<String> first = send("POST", "/api/v1/projects/" + key + "/reports", null,
				report(cycle, "Start", 0, false, null));
		assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
		UUID report = UUID.fromString(JsonPath.read(first.body(), "$.id"));
		UUID slot = jdbc.queryForObject("select slot_id from monitoring_report where id = ?", UUID.class, report);
		long initial = reportVersion(report);

		List<Outcome> outcomes = inParallel(i -> {
			String marker = "Bericht " + key + " #" + i;
			boolean submit = i % 10 == 9;
			// Each reporter reads the report, then saves (every tenth submits) on the draft version read; whoever
			// reads after a submit finds no draft and starts the correction (version -1: "there was none").
			HttpResponse<String> read = send("GET", "/api/v1/projects/" + key + "/reports", null, null);
			List<Number> drafts = JsonPath.read(read.body(), "$[?(@.state == 'DRAFT')].version");
			long version = drafts.isEmpty() ? -1 : drafts.get(0).longValue();
			HttpResponse<String> write = send("POST", "/api/v1/projects/" + key + "/reports", null,
					report(cycle, marker, i, submit, version));
			return new Outcome(write.statusCode(), (submit ? "submit " : "") + marker, versionIn(write.body()),
					write.body(), version);
		});

		assertThat(outcomes).allSatisfy(o -> {
			assertThat(o.status()).as(o.body()).isIn(201, 409, 412);
			if (o.status() != 201) {
				assertThat(o.body()).as("conflict reported as problem details").contains("\"status\"", "\"detail\"");
			}
		});
		List<Outcome> ok = outcomes.stream().filter(o -> o.status() == 201).toList();
		assertThat(ok).as("at least one save succeeds").isNotEmpty();
		// Per report version (the draft, and a correction started after a submit): every success is there.
		Map<String, List<Outcome>> byReport = new java.util.TreeMap<>();
		ok.forEach(o -> byReport.computeIfAbsent(JsonPath.read(o.body(), "$.id"), r -> new ArrayList<>()).add(o));
		List<Map<String, Object>> rows = jdbc.queryForList("select id, report_version, state, version from "
				+ "monitoring_report where slot_id = ? order by report_version", slot);
		assertThat(rows.stream().map(r -> ((Number) r.get("report_version")).intValue()).toList())
			.as("report versions 1, 2, … without gaps or twins").isEqualTo(java.util.stream.IntStream
				.rangeClosed(1, rows.size()).boxed().toList());
		assertThat(rows.stream().filter(r -> r.get("state").equals("DRAFT")).count()).as("at most one draft")
			.isLessThanOrEqualTo(1);
		for (Map<String, Object> row : rows) {
			UUID id = (UUID) row.get("id");
			List<Outcome> mine = byReport.getOrDefault(id.toString(), List.of()).stream()
				.sorted((a, b) -> Long.compare(a.version(), b.version())).toList();
			long stored = ((Number) row.get("version")).longValue();
			assertThat(stored).as("report %s stands at the version of its last successful save", id)
				.isEqualTo(mine.isEmpty() ? initial : mine.get(mine.size() - 1).version());
			for (int k = 0; k < mine.size(); k++) {
				long before = k > 0 ? mine.get(k - 1).version() : id.equals(report) ? initial : -1;
				assertThat(mine.get(k).read()).as("no lost update: save %s was made on the version before it",
						mine.get(k).marker()).isEqualTo(before);
			}
			List<String> history = jdbc.queryForList(
					"select summary from monitoring_report_aud where id = ? order by rev", String.class, id);
			assertThat(history.subList(history.size() - mine.size(), history.size()))
				.as("every successful save is in the history, in version order")
				.containsExactlyElementsOf(mine.stream().map(o -> o.marker().replace("submit ", "")).toList());
			if (row.get("state").equals("SUBMITTED")) {
				assertThat(mine.get(mine.size() - 1).marker()).as("the submit is the last save of a submitted report")
					.startsWith("submit ");
				assertThat(mine.stream().filter(o -> o.marker().startsWith("submit "))).hasSize(1);
			}
			else {
				assertThat(mine).noneMatch(o -> o.marker().startsWith("submit "));
			}
		}
		Map<String, Object> last = rows.stream().filter(r -> r.get("state").equals("SUBMITTED"))
			.reduce((a, b) -> b).orElse(null);
		assertThat(jdbc.queryForObject("select current_report_id from monitoring_slot where id = ?", UUID.class,
				slot)).as("the latest submitted version counts").isEqualTo(last == null ? null : last.get("id"));
		figures("report", outcomes);
	}

	@Test
	void fiftyReportersStartingTheSameReportAtOnceCreateOneDraft() throws Exception {
		String key = projectInImplementation();
		String cycle = openCycle();

		List<Outcome> outcomes = inParallel(i -> {
			String marker = "Neu " + key + " #" + i;
			// Everybody opened the empty form: version -1, "there was no draft".
			HttpResponse<String> write = send("POST", "/api/v1/projects/" + key + "/reports", null,
					report(cycle, marker, i, false, -1L));
			return new Outcome(write.statusCode(), marker, versionIn(write.body()), write.body());
		});

		assertThat(outcomes).allSatisfy(o -> {
			assertThat(o.status()).as(o.body()).isIn(201, 409);
			if (o.status() != 201) {
				assertThat(o.body()).contains("\"status\"", "\"detail\"");
			}
		});
		List<Outcome> ok = outcomes.stream().filter(o -> o.status() == 201).toList();
		assertThat(ok).as("exactly one reporter starts the draft").hasSize(1);
		UUID project = jdbc.queryForObject("select id from portfolio_project where project_key = ?", UUID.class, key);
		List<Map<String, Object>> rows = jdbc.queryForList("select summary, state, report_version from "
				+ "monitoring_report where project_id = ? and cycle_id = ?", project, UUID.fromString(cycle));
		assertThat(rows).as("one draft, the winner's").singleElement().satisfies(r -> {
			assertThat(r.get("summary")).isEqualTo(ok.get(0).marker());
			assertThat(r.get("state")).isEqualTo("DRAFT");
		});
		figures("report-start", outcomes);
	}

	@Test
	void twoBrowsersOnOneReportFormGetTheConflictPageAndKeepTheirInput() throws Exception {
		String key = projectInImplementation();
		String cycle = openCycle();
		assertThat(send("POST", "/api/v1/projects/" + key + "/reports", null, report(cycle, "Start", 10, false, null))
			.statusCode()).isEqualTo(201);
		String form = "/monitoring/projects/" + key + "/reports/" + cycle;
		HttpSession anna = new HttpSession(port);
		anna.login("portfolio", "leitstand-demo");
		HttpSession bernd = new HttpSession(port);
		bernd.login("portfolio", "leitstand-demo");
		List<String> annas = reportForm(anna, form, "Annas Fassung");
		List<String> bernds = reportForm(bernd, form, "Bernds Fassung");

		assertThat(anna.post(form, annas.toArray(String[]::new)).statusCode()).isEqualTo(302);
		HttpResponse<String> conflict = bernd.post(form, bernds.toArray(String[]::new));

		assertThat(conflict.statusCode()).isEqualTo(409);
		var page = Jsoup.parse(conflict.body());
		assertThat(page.select("h1").text()).isEqualTo("Jemand anderes hat diesen Datensatz geändert");
		assertThat(page.text()).contains("Annas Fassung", "Bernds Fassung");
		assertThat(summaryOf(key)).as("Anna's save stands").isEqualTo("Annas Fassung");
		// Bernd decides to keep his version: the conflict page's form saves it on the current version.
		FormElement keep = (FormElement) page.selectFirst("form[action$=" + cycle + "]");
		List<String> fields = new ArrayList<>();
		keep.formData().forEach(f -> {
			fields.add(f.key());
			fields.add(f.value());
		});
		assertThat(bernd.post(form, fields.toArray(String[]::new)).statusCode()).isEqualTo(302);
		assertThat(summaryOf(key)).isEqualTo("Bernds Fassung");
	}

	static List<String> reportForm(HttpSession session, String path, String summary) {
		FormElement form = (FormElement) Jsoup.parse(session.get(path).body())
			.selectFirst("form[action$=" + path.substring(path.lastIndexOf('/') + 1) + "]:has(textarea)");
		List<String> fields = new ArrayList<>();
		form.formData().forEach(f -> {
			fields.add(f.key());
			fields.add(f.key().equals("summary") ? summary : f.value());
		});
		fields.add("action");
		fields.add("save");
		return fields;
	}

	String summaryOf(String key) {
		return jdbc.queryForObject("select r.summary from monitoring_report r join portfolio_project p on "
				+ "p.id = r.project_id where p.project_key = ? and r.state = 'DRAFT'", String.class, key);
	}

	/** A new project of AMT-17, moved into implementation (so that a cycle expects a report for it). */
	String projectInImplementation() throws Exception {
		String key = createProject();
		UUID id = jdbc.queryForObject("select id from portfolio_project where project_key = ?", UUID.class, key);
		for (ProjectStatus step : Arrays.asList(ProjectStatus.SUBMITTED, ProjectStatus.IN_REVIEW,
				ProjectStatus.APPROVED, ProjectStatus.IN_IMPLEMENTATION)) {
			directory.moveByDecision(id, step, "test", "Parallelität");
		}
		return key;
	}

	String openCycle() throws Exception {
		LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
		HttpResponse<String> opened = send("POST", "/api/v1/cycles", null, """
				{"label": "Parallel %s", "cadence": "MONTHLY", "periodEnd": "%s", "dueDate": "%s"}
				""".formatted(UUID.randomUUID().toString().substring(0, 8), today, today.plusDays(5)));
		assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
		return JsonPath.read(opened.body(), "$.id");
	}

	static String report(String cycle, String summary, int progress, boolean submit, Long version) {
		return """
				{"cycleId": "%s", "overall": "YELLOW", "scope": "GREEN", "time": "YELLOW", "cost": "GREEN",
				 "risk": "GREEN", "progressPercent": %d, "summary": "%s", "submit": %s, "version": %s}
				""".formatted(cycle, progress % 101, summary, submit, version);
	}

	long reportVersion(UUID report) {
		return jdbc.queryForObject("select version from monitoring_report where id = ?", Long.class, report);
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
