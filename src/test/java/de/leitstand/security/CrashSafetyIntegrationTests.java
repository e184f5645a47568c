package de.leitstand.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;

import com.jayway.jsonpath.JsonPath;

import de.leitstand.portfolio.PortfolioWorkbookFiles;
import de.leitstand.support.HttpSession;

/**
 * Crash safety: the packaged jar runs as a process of its own on a temporary H2 data folder and is killed (SIGKILL,
 * {@code destroyForcibly}) in the middle of a long job, then restarted on the same data.
 * <ul>
 * <li>Import: a 5,000-row workbook is uploaded and the process killed while the import runs. After the kill none
 * of the file's projects exists (the import is one transaction), and the same file imports completely.</li>
 * <li>Optimisation: a scenario that keeps CP-SAT busy for its whole time limit is optimised and the process killed
 * while the run is RUNNING. After the kill the run has no result; after the restart it is shown as interrupted
 * ("Abgebrochen (Neustart des Servers) – bitte erneut starten"), and a new run of the same scenario completes.</li>
 * </ul>
 * Figures go to {@code target/security/crash-figures.txt} (each test its own keys). Needs
 * {@code target/leitstand.jar} (failsafe runs after packaging). Runs in the H2 pass of CI only (it brings its own
 * database; the PostgreSQL pass would repeat the same).
 */
@DisabledIfEnvironmentVariable(named = "LEITSTAND_DB_URL", matches = ".+")
class CrashSafetyIntegrationTests {

	static final Path JAR = Path.of("target", "leitstand.jar");
	static final int ROWS = 5000;

	@Test
	void anImportKilledHalfwayLeavesNothingAndCanBeRepeated() throws Exception {
		assertThat(JAR).as("packaged jar (run ./mvnw verify)").exists();
		Path data = Files.createTempDirectory("leitstand-crash-");
		String word = "Absturz" + UUID.randomUUID().toString().substring(0, 8);
		PortfolioWorkbookFiles file = new PortfolioWorkbookFiles();
		for (int i = 1; i <= ROWS; i++) {
			file.project(null, "Absturztest " + word + " " + i, i % 2 == 0 ? "AMT-51" : "AMT-63");
		}
		byte[] workbook = file.bytes();

		int port = freePort();
		Process app = start(data, port, "first");
		boolean killedMidImport;
		try {
			HttpSession http = signedIn(port);
			CompletableFuture<HttpResponse<String>> upload = upload(http, port, workbook);
			// The upload is on its way; give the server a moment to be inside the import, then pull the plug.
			Thread.sleep(1500);
			killedMidImport = !upload.isDone();
			app.destroyForcibly().waitFor();
		}
		finally {
			app.destroyForcibly();
		}
		assertThat(count(data, word)).as("no project of the interrupted file").isZero();

		Process again = start(data, port, "restart");
		try {
			HttpSession http = signedIn(port);
			HttpResponse<String> response = upload(http, port, workbook).join();
			assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
			assertThat(response.headers().firstValue("Location").orElse("")).endsWith("/portfolio/import");
		}
		finally {
			again.destroy();
			again.waitFor();
		}
		assertThat(count(data, word)).as("the repeated import is complete").isEqualTo(ROWS);
		figures(Map.of("rows", String.valueOf(ROWS), "killedMidImport", String.valueOf(killedMidImport)));
	}

	static final int CANDIDATES = 120;
	static final List<String> YEARS = List.of("2027", "2028", "2029", "2030", "2031");

	@Test
	void anOptimisationKilledWhileRunningIsShownAsInterruptedAndCanBeRunAgain() throws Exception {
		assertThat(JAR).as("packaged jar (run ./mvnw verify)").exists();
		Path data = Files.createTempDirectory("leitstand-crash-run-");
		String word = "crashopt" + UUID.randomUUID().toString().substring(0, 8);
		int port = freePort();
		Map<String, String> figures = new LinkedHashMap<>();

		Process app = start(data, port, "optimisation-first");
		UUID scenario;
		UUID killedRun;
		long runningFor;
		try {
			scenario = hardScenario(port, word);
			HttpResponse<String> started = api(port, "POST", "/api/v1/scenarios/" + scenario + "/runs", null);
			assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
			killedRun = UUID.fromString(JsonPath.read(started.body(), "$.id"));
			Instant begun = Instant.now();
			// Running for a few seconds, and still running right before the kill (checked through the API).
			Thread.sleep(4000);
			String state = JsonPath.read(api(port, "GET", "/api/v1/scenarios/" + scenario + "/runs/" + killedRun, null)
				.body(), "$.status");
			assertThat(state).as("the run is still running when the plug is pulled").isEqualTo("RUNNING");
			runningFor = Duration.between(begun, Instant.now()).toMillis();
			app.destroyForcibly().waitFor();
		}
		finally {
			app.destroyForcibly();
		}
		Map<String, Object> afterKill = run(data, killedRun);
		assertThat(afterKill.get("status")).as("nothing finished the run").isEqualTo("RUNNING");
		assertThat(afterKill.get("result_json")).as("no partial result stored").isNull();
		assertThat(afterKill.get("objective")).isNull();

		Process again = start(data, port, "optimisation-restart");
		Instant restarted = Instant.now();
		UUID newRun;
		try {
			// At start-up, or at the latest on the next check once the heartbeat is stale, the run is interrupted.
			String state = awaitState(port, scenario, killedRun, Duration.ofMinutes(3), "INTERRUPTED");
			assertThat(state).isEqualTo("INTERRUPTED");
			long recoveredAfter = Duration.between(restarted, Instant.now()).toMillis();
			HttpSession http = signedIn(port);
			String page = http.get("/scenarios/" + scenario).body();
			assertThat(page).contains("Abgebrochen (Neustart des Servers) – bitte erneut starten");
			String runPage = http.get("/scenarios/" + scenario + "/runs/" + killedRun).body();
			assertThat(runPage).contains("Es wurde kein Ergebnis gespeichert.").doesNotContain("Die Optimierung läuft.");

			// The same scenario is optimised again, to the end.
			Instant second = Instant.now();
			HttpResponse<String> rerun = api(port, "POST", "/api/v1/scenarios/" + scenario + "/runs", null);
			assertThat(rerun.statusCode()).as(rerun.body()).isEqualTo(202);
			newRun = UUID.fromString(JsonPath.read(rerun.body(), "$.id"));
			String finished = awaitState(port, scenario, newRun, Duration.ofMinutes(8), "OPTIMAL", "FEASIBLE",
					"INFEASIBLE", "UNKNOWN", "FAILED");
			assertThat(finished).as("the new run completes").isIn("OPTIMAL", "FEASIBLE");
			String result = api(port, "GET", "/api/v1/scenarios/" + scenario + "/runs/" + newRun, null).body();
			assertThat((List<?>) JsonPath.read(result, "$.selected")).isNotEmpty();
			figures.put("optimisation.candidates", String.valueOf(CANDIDATES));
			figures.put("optimisation.years", String.valueOf(YEARS.size()));
			figures.put("optimisation.killedWhileRunning", "true");
			figures.put("optimisation.runningBeforeKillMs", String.valueOf(runningFor));
			figures.put("optimisation.interruptedAfterRestartMs", String.valueOf(recoveredAfter));
			figures.put("optimisation.rerunStatus", finished);
			figures.put("optimisation.rerunMs", String.valueOf(Duration.between(second, Instant.now()).toMillis()));
			figures.put("optimisation.rerunObjective", String.valueOf((Object) JsonPath.read(result, "$.objective")));
		}
		finally {
			again.destroy();
			again.waitFor();
		}
		Map<String, Object> interrupted = run(data, killedRun);
		assertThat(interrupted.get("status")).isEqualTo("INTERRUPTED");
		assertThat(interrupted.get("result_json")).as("still no result for the interrupted run").isNull();
		assertThat(interrupted.get("finished_at")).isNotNull();
		Map<String, Object> completed = run(data, newRun);
		assertThat(completed.get("status")).isIn("OPTIMAL", "FEASIBLE");
		assertThat(completed.get("result_json")).isNotNull();
		figures(figures);
	}

	/**
	 * A multidimensional knapsack in the style of Chu and Beasley (correlated values, half of the summed costs as
	 * budget per year): {@value #CANDIDATES} imported projects with costs in five years, as a scenario with values
	 * from the file. A run of it (main solve, up to 150 what-if re-solves for the explanations, the efficient
	 * frontier) keeps the server busy for over a minute (86 s for the rerun in CI on 26 Nov, main solve proven
	 * optimal), so the kill after 4 s surely meets it running; the test checks the state right before the kill.
	 */
	static UUID hardScenario(int port, String word) throws Exception {
		Random random = new Random(2026);
		PortfolioWorkbookFiles file = new PortfolioWorkbookFiles();
		Map<String, long[]> costs = new LinkedHashMap<>();
		for (int i = 1; i <= CANDIDATES; i++) {
			String ref = "NEU-" + i;
			Map<String, Object> values = new LinkedHashMap<>();
			values.put("Schlüssel", ref);
			values.put("Titel", "Optimierungstest " + word + " " + i);
			values.put("Kurzbeschreibung", "Kandidat " + i + " des Absturztests");
			values.put("Typ", "Projekt");
			values.put("Federführung", i % 2 == 0 ? "AMT-51" : "AMT-63");
			values.put("Ziele", "Z3.1:hoch");
			values.put("Schlagworte", word);
			values.put("KI-Einsatz", "nein");
			values.put("Veröffentlicht", "nein");
			file.row(de.leitstand.portfolio.internal.ProjectWorkbook.PROJECTS, values);
			long[] perYear = new long[YEARS.size()];
			for (int y = 0; y < YEARS.size(); y++) {
				perYear[y] = 1_000 + random.nextInt(99_000);
				file.row(de.leitstand.portfolio.internal.ProjectWorkbook.COSTS, Map.of("Schlüssel", ref, "Jahr",
						Integer.parseInt(YEARS.get(y)), "Investition EUR", perYear[y], "Betrieb EUR", 0));
			}
			costs.put("Optimierungstest " + word + " " + i, perYear);
		}
		HttpSession http = signedIn(port);
		HttpResponse<String> imported = upload(http, port, file.bytes()).join();
		assertThat(imported.statusCode()).as(imported.body()).isEqualTo(302);
		assertThat(imported.headers().firstValue("Location").orElse("")).endsWith("/portfolio/import");

		Map<String, String> keys = new TreeMap<>();
		for (int page = 0; keys.size() < CANDIDATES && page < 10; page++) {
			String list = api(port, "GET", "/api/v1/projects?tag=" + word + "&size=100&page=" + page, null).body();
			List<String> found = JsonPath.read(list, "$.items[*].key");
			List<String> titles = JsonPath.read(list, "$.items[*].title");
			for (int i = 0; i < found.size(); i++) {
				keys.put(titles.get(i), found.get(i));
			}
			if (found.isEmpty()) {
				break;
			}
		}
		assertThat(keys).as("imported projects found by their tag").hasSize(CANDIDATES);

		long[] sums = new long[YEARS.size()];
		List<String> candidates = new ArrayList<>();
		for (Map.Entry<String, long[]> c : costs.entrySet()) {
			long total = 0;
			for (int y = 0; y < YEARS.size(); y++) {
				sums[y] += c.getValue()[y];
				total += c.getValue()[y];
			}
			double value = total / (double) YEARS.size() / 1000.0 + random.nextInt(5000) / 100.0;
			candidates.add("{\"id\": \"" + keys.get(c.getKey()) + "\", \"value\": "
					+ String.format(java.util.Locale.ROOT, "%.2f", value) + "}");
		}
		StringBuilder budget = new StringBuilder();
		for (int y = 0; y < YEARS.size(); y++) {
			budget.append(y == 0 ? "" : ", ").append('"').append(YEARS.get(y)).append("\": ").append(sums[y] / 2);
		}
		String json = "{\"name\": \"Absturztest " + word + "\", \"years\": [\"" + String.join("\", \"", YEARS)
				+ "\"], \"budget\": {" + budget + "}, \"candidates\": [" + String.join(", ", candidates) + "]}";
		HttpResponse<String> created = api(port, "POST", "/api/v1/scenarios", json);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return UUID.fromString(JsonPath.read(created.body(), "$.id"));
	}

	static HttpResponse<String> api(int port, String method, String path, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofMinutes(2))
			.header("Accept", "application/json")
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString("portfolio:leitstand-demo".getBytes(StandardCharsets.UTF_8)));
		if (json == null) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Polls the run through the API until it is in one of the states; answers the last state seen. */
	static String awaitState(int port, UUID scenario, UUID run, Duration limit, String... states) throws Exception {
		Instant deadline = Instant.now().plus(limit);
		String state = null;
		while (Instant.now().isBefore(deadline)) {
			HttpResponse<String> response = api(port, "GET", "/api/v1/scenarios/" + scenario + "/runs/" + run, null);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			state = JsonPath.read(response.body(), "$.status");
			if (List.of(states).contains(state)) {
				return state;
			}
			Thread.sleep(1000);
		}
		return state;
	}

	/** The stored run, read straight from the H2 files while the application is down. */
	static Map<String, Object> run(Path data, UUID id) throws Exception {
		try (Connection c = DriverManager.getConnection(h2(data), "sa", "");
				PreparedStatement s = c.prepareStatement("select status, objective, result_json, finished_at "
						+ "from prioritization_optimization_run where id = ?")) {
			s.setObject(1, id);
			try (ResultSet r = s.executeQuery()) {
				assertThat(r.next()).as("run " + id + " stored").isTrue();
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("status", r.getString(1));
				row.put("objective", r.getBigDecimal(2));
				row.put("result_json", r.getString(3));
				row.put("finished_at", r.getTimestamp(4));
				return row;
			}
		}
	}

	/** Adds this test's figures to the file, keeping the other test's. */
	static synchronized void figures(Map<String, String> values) throws IOException {
		Path file = Path.of("target", "security", "crash-figures.txt");
		Files.createDirectories(file.getParent());
		Properties all = new Properties();
		if (Files.exists(file)) {
			try (var in = Files.newBufferedReader(file)) {
				all.load(in);
			}
		}
		all.putAll(values);
		StringBuilder out = new StringBuilder();
		new TreeMap<>(all).forEach((k, v) -> out.append(k).append('=').append(v).append('\n'));
		Files.writeString(file, out.toString());
	}

	static Process start(Path data, int port, String name) throws Exception {
		Path log = Path.of("target", "security", "crash-" + name + ".log");
		Files.createDirectories(log.getParent());
		ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx768m", "-jar", JAR.toString(), "--server.port=" + port)
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		Map<String, String> env = builder.environment();
		env.remove("LEITSTAND_DB_URL");
		env.remove("LEITSTAND_DB_USER");
		env.remove("LEITSTAND_DB_PASSWORD");
		env.put("LEITSTAND_DATA_DIR", data.toString());
		env.put("LEITSTAND_DEMO", "true");
		Process process = builder.start();
		Instant deadline = Instant.now().plus(Duration.ofMinutes(6));
		HttpClient client = HttpClient.newHttpClient();
		while (Instant.now().isBefore(deadline)) {
			assertThat(process.isAlive()).as("application started (see " + log + ")").isTrue();
			try {
				HttpResponse<String> ready = client.send(HttpRequest.newBuilder(
						URI.create("http://localhost:" + port + "/actuator/health/readiness")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (ready.statusCode() == 200) {
					return process;
				}
			}
			catch (IOException notYet) {
				// still starting
			}
			Thread.sleep(1000);
		}
		process.destroyForcibly();
		throw new AssertionError("application not ready within 6 minutes, see " + log);
	}

	static HttpSession signedIn(int port) {
		HttpSession http = new HttpSession(port);
		assertThat(http.login("portfolio", "leitstand-demo").headers().firstValue("Location").orElse(""))
			.doesNotContain("error");
		return http;
	}

	static CompletableFuture<HttpResponse<String>> upload(HttpSession http, int port, byte[] workbook) {
		String token = http.csrfToken("/portfolio/import");
		String boundary = "----leitstand" + UUID.randomUUID();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token
				+ "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"projekte.xlsx\""
				+ "\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[head.length + workbook.length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(workbook, 0, body, head.length, workbook.length);
		System.arraycopy(tail, 0, body, head.length + workbook.length, tail.length);
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/portfolio/import"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Cookie", "JSESSIONID=" + http.cookie("JSESSIONID"))
			.header("Accept", HttpSession.BROWSER_ACCEPT)
			.timeout(Duration.ofMinutes(10))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		return HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofString());
	}

	/** Projects of the file, read straight from the H2 files while the application is down. */
	static long count(Path data, String word) throws Exception {
		try (Connection c = DriverManager.getConnection(h2(data), "sa", "");
				PreparedStatement s = c.prepareStatement("select count(*) from portfolio_project where title like ?")) {
			s.setString(1, "Absturztest " + word + " %");
			try (ResultSet r = s.executeQuery()) {
				r.next();
				return r.getLong(1);
			}
		}
	}

	static String h2(Path data) {
		return "jdbc:h2:file:" + data.toAbsolutePath() + File.separator + "leitstand;MODE=PostgreSQL;"
				+ "DATABASE_TO_LOWER=TRUE";
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
