package de.leitstand.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import de.leitstand.Leitstand;
import de.leitstand.monitoring.internal.ReminderJob;
import de.leitstand.support.OpenSearchNode;
import de.leitstand.support.HttpSession;

/**
 * Two Leitstand instances on one PostgreSQL database and one OpenSearch node, as behind a load balancer without
 * sticky sessions: search, sessions, the public monitor's caches, scheduled jobs and the API rate limit work across
 * them. Runs only
 * in the PostgreSQL pass (LEITSTAND_DB_URL): the instances use a schema of their own in that database, created
 * here and dropped afterwards, so the other tests sharing the database see nothing of them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIntegrationTests {

	private static final int RATE_LIMIT = 20;

	private String url;
	private String user;
	private String password;
	private String schema;
	private final List<ConfigurableApplicationContext> running = new ArrayList<>();
	private OpenSearchNode openSearch;
	private GreenMail mail;
	private int mailPort;
	private int openSearchPort;
	private ConfigurableApplicationContext a;
	private ConfigurableApplicationContext b;

	@BeforeAll
	void startTwoInstances() throws Exception {
		url = System.getenv("LEITSTAND_DB_URL");
		Assumptions.assumeTrue(url != null && url.startsWith("jdbc:postgresql:"),
				"needs PostgreSQL (LEITSTAND_DB_URL=jdbc:postgresql://...): several instances share a database server, "
						+ "which the embedded H2 is not");
		user = System.getenv().getOrDefault("LEITSTAND_DB_USER", "postgres");
		password = System.getenv().getOrDefault("LEITSTAND_DB_PASSWORD", "");
		schema = "cluster_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		execute("create schema " + schema);
		openSearch = OpenSearchNode.start("leitstand-" + schema);
		openSearchPort = openSearch.port();
		try (ServerSocket socket = new ServerSocket(0)) {
			mailPort = socket.getLocalPort();
		}
		mail = new GreenMail(new ServerSetup(mailPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		mail.start();
		a = start("a");
		b = start("b");
	}

	@AfterAll
	void stopAndDropSchema() throws Exception {
		running.forEach(ConfigurableApplicationContext::close);
		if (mail != null) {
			mail.stop();
		}
		if (openSearch != null) {
			openSearch.close();
		}
		if (schema != null) {
			execute("drop schema " + schema + " cascade");
		}
	}

	@Test
	@Order(50)
	void aProjectCreatedOnAIsFoundByGermanFullTextSearchOnB() throws Exception {
		String marker = "Wolkenpegel" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		HttpResponse<String> created = apiBasic(a, "POST", "/api/v1/projects", """
				{"title": "Anträge im Bürgerbüro %s", "shortDescription": "Vorhaben zur Probe der Suche",
				 "type": "PROJECT", "leadUnit": "AMT-17", "plannedStart": "2026-01-01", "plannedEnd": "2026-12-31",
				 "goals": [{"goal": "Z1.1", "contribution": "HIGH"}], "ai": {"used": false},
				 "publication": {"published": false}}""".formatted(marker));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

		// Another inflection and spelling than the title: German stemming and folding on OpenSearch.
		String query = "/api/v1/projects?q=" + java.net.URLEncoder.encode("Antrag Buergerbuero " + marker,
				java.nio.charset.StandardCharsets.UTF_8);
		assertThat(eventually(() -> apiBasic(b, "GET", query, null).body().contains("Anträge im Bürgerbüro " + marker)))
			.as("B finds the project created on A").isTrue();
		assertThat(apiBasic(a, "GET", query, null).body()).contains("\"total\":1");
		assertThat(apiBasic(b, "GET", query, null).body()).as("indexed once, not twice").contains("\"total\":1");
		// the project page (with its "similar projects", analysed outside the index) works on the OpenSearch backend
		String key = com.jayway.jsonpath.JsonPath.read(created.body(), "$.key");
		HttpSession browser = new HttpSession(port(b));
		assertThat(browser.login("portfolio", "leitstand-demo").statusCode()).isEqualTo(302);
		HttpResponse<String> page = browser.get("/portfolio/projects/" + key);
		assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
		assertThat(page.body()).contains("Anträge im Bürgerbüro " + marker);
		assertThat(browser.get("/portfolio/similar?title=" + java.net.URLEncoder.encode("Anträge Bürgerbüro " + marker,
				java.nio.charset.StandardCharsets.UTF_8)).body()).contains(key);
	}

	@Test
	@Order(300)
	void theReminderJobStartedOnBothInstancesAtOnceSendsEachMailOnce() throws Exception {
		String label = "Cluster " + UUID.randomUUID().toString().substring(0, 8);
		LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/Berlin"));
		HttpResponse<String> cycle = apiBasic(a, "POST", "/api/v1/cycles", """
				{"label": "%s", "cadence": "MONTHLY", "periodEnd": "%s", "dueDate": "%s"}"""
			.formatted(label, today, today.plusDays(2)));
		assertThat(cycle.statusCode()).as(cycle.body()).isEqualTo(201);
		String subject = "Erinnerung: Statusberichte " + label;

		// Both instances' schedulers fire at the same moment, as a cron expression does on every instance.
		ReminderJob onA = a.getBean(ReminderJob.class);
		ReminderJob onB = b.getBean(ReminderJob.class);
		for (int round = 0; round < 3; round++) {
			CountDownLatch start = new CountDownLatch(1);
			Thread first = new Thread(() -> awaitThen(start, onA::run));
			Thread second = new Thread(() -> awaitThen(start, onB::run));
			first.start();
			second.start();
			start.countDown();
			first.join();
			second.join();
		}

		List<String> reminders = new ArrayList<>();
		for (MimeMessage message : mail.getReceivedMessages()) {
			if (subject.equals(message.getSubject())) {
				for (jakarta.mail.Address to : message.getAllRecipients()) {
					reminders.add(to.toString());
				}
			}
		}
		assertThat(reminders).as("the project leads got the reminder").isNotEmpty();
		assertThat(reminders).as("each lead exactly once").doesNotHaveDuplicates();
	}

	private static void awaitThen(CountDownLatch start, Runnable job) {
		try {
			start.await();
			job.run();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	@Order(200)
	void aPublicationOnAAppearsOnBsPublicMonitor() throws Exception {
		String marker = "Wolkenpegel" + UUID.randomUUID().toString().substring(0, 8);
		String search = "/monitor?q=" + marker;
		HttpSession citizen = new HttpSession(port(b));
		// B answers the search once without the project and keeps that answer in its cache.
		assertThat(citizen.get(search).body()).doesNotContain(marker + " öffentlich");
		assertThat(citizen.get(search).body()).doesNotContain(marker + " öffentlich");

		HttpResponse<String> created = apiBasic(a, "POST", "/api/v1/projects", """
				{"title": "%1$s intern", "shortDescription": "Vorhaben zur Probe mehrerer Instanzen",
				 "type": "PROJECT", "leadUnit": "AMT-17", "plannedStart": "2026-01-01", "plannedEnd": "2026-12-31",
				 "goals": [{"goal": "Z1.1", "contribution": "HIGH"}], "ai": {"used": false},
				 "publication": {"published": true, "title": "%1$s öffentlich",
				                 "summary": "Ein veröffentlichtes Vorhaben"}}""".formatted(marker));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(new HttpSession(port(a)).get(search).body()).as("A shows it at once").contains(marker + " öffentlich");

		// B follows the version stored in the database: its cached answer goes within its poll interval.
		assertThat(eventually(() -> citizen.get(search).body().contains(marker + " öffentlich")))
			.as("B's public monitor shows the publication made on A").isTrue();
	}

	@Test
	@Order(100)
	void theApiRateLimitCountsTheRequestsToBothInstances() {
		String token = createToken(new HttpSession(port(b)), "reader");
		int[] limited = new int[2];
		int allowed = 0;
		for (int i = 0; i < 2 * RATE_LIMIT; i++) {
			int status = api(i % 2 == 0 ? a : b, "/api/v1/projects?size=1", token).statusCode();
			assertThat(status).isIn(200, 429);
			if (status == 429) {
				limited[i % 2]++;
			}
			else {
				allowed++;
			}
		}
		// Counting per instance, each would allow its half (RATE_LIMIT) and neither would refuse anything.
		assertThat(allowed).as("one bucket for both instances").isLessThan(2 * RATE_LIMIT);
		assertThat(limited[0]).as("A refuses once the requests to both used the limit").isPositive();
		assertThat(limited[1]).as("B refuses once the requests to both used the limit").isPositive();
	}

	@Test
	@Order(900)
	void aSessionSignedInOnAIsServedByBAfterAIsStopped() {
		HttpSession browser = new HttpSession(port(a));
		assertThat(browser.login("portfolio", "leitstand-demo").statusCode()).isEqualTo(302);
		assertThat(browser.get("/portfolio").statusCode()).isEqualTo(200);

		a.close();

		HttpResponse<String> onB = browser.movedTo(port(b)).get("/portfolio");
		assertThat(onB.statusCode()).as("B serves the session signed in on A").isEqualTo(200);
		assertThat(onB.body()).contains("Abmelden");
		// A stranger without the cookie is still sent to the sign-in page: B does not serve everybody.
		assertThat(new HttpSession(port(b)).get("/portfolio").statusCode()).isEqualTo(302);
	}

	/** Creates a personal read token for the user on the account page, as a person would; returns its secret. */
	private static String createToken(HttpSession browser, String username) {
		assertThat(browser.login(username, "leitstand-demo").statusCode()).isEqualTo(302);
		HttpResponse<String> created = browser.post("/account/tokens", "name", "Cluster " + UUID.randomUUID(),
				"scope", "READ", "expiresOn", LocalDate.now().plusDays(30).toString(), "_csrf",
				browser.csrfToken("/account/tokens"));
		assertThat(created.statusCode()).isEqualTo(302);
		Matcher secret = Pattern.compile("lst_[A-Za-z0-9_-]{43}").matcher(browser.get("/account/tokens").body());
		assertThat(secret.find()).as("the new token is shown once").isTrue();
		return secret.group();
	}

	/**
	 * Waits for a change made on the other instance, which becomes visible through a poll: up to a generous bound
	 * so that a slow machine does not fail the test, returning as soon as it is there.
	 */
	private static boolean eventually(java.util.function.BooleanSupplier condition) throws InterruptedException {
		for (int i = 0; i < 300; i++) {
			if (condition.getAsBoolean()) {
				return true;
			}
			Thread.sleep(200);
		}
		return condition.getAsBoolean();
	}

	private static HttpResponse<String> apiBasic(ConfigurableApplicationContext instance, String method, String path,
			String json) {
		try {
			String basic = java.util.Base64.getEncoder()
				.encodeToString("portfolio:leitstand-demo".getBytes(java.nio.charset.StandardCharsets.UTF_8));
			return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
					URI.create("http://localhost:" + port(instance) + path))
				.header("Accept", "application/json")
				.header("Content-Type", "application/json")
				.header("Authorization", "Basic " + basic)
				.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
						: HttpRequest.BodyPublishers.ofString(json))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static HttpResponse<String> api(ConfigurableApplicationContext instance, String path, String token) {
		try {
			return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
					URI.create("http://localhost:" + port(instance) + path))
				.header("Accept", "application/json")
				.header("Authorization", "Bearer " + token)
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private ConfigurableApplicationContext start(String name) throws Exception {
		Path dataDir = Files.createTempDirectory("leitstand-" + name);
		String separator = url.contains("?") ? "&" : "?";
		ConfigurableApplicationContext context = new SpringApplicationBuilder(Leitstand.class).run(
				"--server.port=0", "--spring.datasource.url=" + url + separator + "currentSchema=" + schema,
				"--spring.datasource.username=" + user, "--spring.datasource.password=" + password,
				"--spring.datasource.hikari.maximum-pool-size=5", "--leitstand.demo=true",
				"--leitstand.api.rate-limit=" + RATE_LIMIT,
				"--leitstand.data-dir=" + dataDir, "--LEITSTAND_SEARCH_BACKEND=opensearch",
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + mailPort,
				"--LEITSTAND_OPENSEARCH_URL=http://localhost:" + openSearchPort, "--logging.level.root=WARN",
				"--spring.application.name=leitstand-" + name);
		running.add(context);
		return context;
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private void execute(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, user, password);
				Statement statement = connection.createStatement()) {
			statement.execute(sql.toLowerCase(Locale.ROOT));
		}
	}
}
