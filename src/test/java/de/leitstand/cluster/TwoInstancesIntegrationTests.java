package de.leitstand.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

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

import de.leitstand.Leitstand;
import de.leitstand.support.HttpSession;

/**
 * Two Leitstand instances on one PostgreSQL database, as behind a load balancer without sticky sessions. Runs only
 * in the PostgreSQL pass (LEITSTAND_DB_URL): the instances use a schema of their own in that database, created
 * here and dropped afterwards, so the other tests sharing the database see nothing of them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIntegrationTests {

	private String url;
	private String user;
	private String password;
	private String schema;
	private final List<ConfigurableApplicationContext> running = new ArrayList<>();
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
		a = start("a");
		b = start("b");
	}

	@AfterAll
	void stopAndDropSchema() throws Exception {
		running.forEach(ConfigurableApplicationContext::close);
		if (schema != null) {
			execute("drop schema " + schema + " cascade");
		}
	}

	@Test
	@Order(100)
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

	private ConfigurableApplicationContext start(String name) throws Exception {
		Path dataDir = Files.createTempDirectory("leitstand-" + name);
		String separator = url.contains("?") ? "&" : "?";
		ConfigurableApplicationContext context = new SpringApplicationBuilder(Leitstand.class).run(
				"--server.port=0", "--spring.datasource.url=" + url + separator + "currentSchema=" + schema,
				"--spring.datasource.username=" + user, "--spring.datasource.password=" + password,
				"--spring.datasource.hikari.maximum-pool-size=5", "--leitstand.demo=true",
				"--leitstand.data-dir=" + dataDir, "--logging.level.root=WARN",
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
