package de.leitstand.portfolio;

import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

import de.leitstand.Leitstand;
import de.leitstand.portfolio.internal.ProjectImport;

/**
 * Measures the import of 5,000 new projects (XLSX, all-or-nothing, full validation, audit trail and search index)
 * against a plain JDBC batch insert of 5,000 rows into a scratch table, in the same run on the same database.
 * Not a test: run it by hand, see docs/benchmarks.md.
 *
 * <pre>
 * ./mvnw -B test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=de.leitstand.portfolio.PortfolioImportBenchmark [-Dbench.rows=5000 -Dbench.rounds=3]
 * </pre>
 */
public final class PortfolioImportBenchmark {

	private PortfolioImportBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		// System properties, not arguments: -Dexec.args would also reach the build's npm execution.
		int rows = Integer.getInteger("bench.rows", 5000);
		int rounds = Integer.getInteger("bench.rounds", 3);
		SpringApplication app = new SpringApplication(Leitstand.class);
		app.setAdditionalProfiles("test");
		try (ConfigurableApplicationContext context = app.run("--server.port=0", "--logging.level.root=WARN")) {
			UserDetails portfolio = context.getBean(UserDetailsService.class).loadUserByUsername("portfolio");
			SecurityContextHolder.getContext().setAuthentication(
					new UsernamePasswordAuthenticationToken(portfolio, null, portfolio.getAuthorities()));
			ProjectImport importer = context.getBean(ProjectImport.class);
			DataSource dataSource = context.getBean(DataSource.class);
			System.out.printf(Locale.ROOT, "rows=%d, cores=%d, java=%s%n", rows,
					Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
			for (int round = 1; round <= rounds; round++) {
				byte[] file = file(rows, "Benchmark" + round);
				long start = System.nanoTime();
				ProjectImport.Outcome outcome = importer.run(new ByteArrayInputStream(file), file.length);
				long importMs = (System.nanoTime() - start) / 1_000_000;
				if (!outcome.succeeded() || outcome.created() != rows) {
					throw new IllegalStateException("import failed: " + outcome.problems());
				}
				long jdbcMs = jdbcBatch(dataSource, rows);
				System.out.printf(Locale.ROOT,
						"round %d: import %,d ms (%.0f rows/s), file %,d bytes; JDBC batch insert %,d ms; ratio %.1f%n",
						round, importMs, rows * 1000.0 / importMs, file.length, jdbcMs, (double) importMs / jdbcMs);
			}
		}
	}

	static byte[] file(int rows, String word) throws java.io.IOException {
		PortfolioWorkbookFiles file = new PortfolioWorkbookFiles();
		for (int i = 1; i <= rows; i++) {
			file.project(null, word + " Vorhaben " + i, i % 2 == 0 ? "AMT-51" : "AMT-63");
		}
		return file.bytes();
	}

	/** The reference: the same number of rows with a title and a description, one transaction, batches of 500. */
	static long jdbcBatch(DataSource dataSource, int rows) throws Exception {
		try (Connection connection = dataSource.getConnection()) {
			try (Statement ddl = connection.createStatement()) {
				ddl.execute("create table if not exists bench_scratch (id uuid primary key, title varchar(300), "
						+ "short_description varchar(2000), lead_unit varchar(20))");
				ddl.execute("delete from bench_scratch");
			}
			connection.setAutoCommit(false);
			long start = System.nanoTime();
			try (PreparedStatement insert = connection
				.prepareStatement("insert into bench_scratch values (?, ?, ?, ?)")) {
				for (int i = 1; i <= rows; i++) {
					insert.setObject(1, UUID.randomUUID());
					insert.setString(2, "Vorhaben " + i);
					insert.setString(3, "Beschreibung von Vorhaben " + i);
					insert.setString(4, i % 2 == 0 ? "AMT-51" : "AMT-63");
					insert.addBatch();
					if (i % 500 == 0) {
						insert.executeBatch();
					}
				}
				insert.executeBatch();
			}
			connection.commit();
			long ms = (System.nanoTime() - start) / 1_000_000;
			try (Statement ddl = connection.createStatement()) {
				ddl.execute("drop table bench_scratch");
			}
			connection.commit();
			return Math.max(1, ms);
		}
	}
}
