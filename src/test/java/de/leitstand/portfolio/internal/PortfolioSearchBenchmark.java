package de.leitstand.portfolio.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

import de.leitstand.organization.LeitstandUser;
import de.leitstand.organization.Role;
import de.leitstand.portfolio.ProjectQuery;

/**
 * German full-text search over 10,000 generated projects against a reference in the same run: the same terms as
 * SQL {@code LIKE '%term%'} over title and short description (count plus first page, as the search answers).
 * Not part of the normal build; run with {@code ./mvnw -B verify -Pbenchmarks -DskipBrowserTests=true}. Writes
 * the figures to {@code target/benchmarks/portfolio-search.md} for {@code docs/benchmarks.md}. No assertions on
 * timings.
 */
@SpringBootTest(properties = "spring.jpa.properties.hibernate.search.backend.directory.type=local-heap")
@ActiveProfiles("test")
class PortfolioSearchBenchmark {

	static final int PROJECTS = Integer.getInteger("benchmark.projects", 10_000);
	static final int QUERIES = 500;
	static final int WARM_UP = 200;

	/** Mixed German queries: inflected forms, compounds, two-word queries, rare and common terms. */
	static final String[] TERMS = { "Antrag", "Anträge", "Bauantrag", "Kita", "Kita-Platz", "Schule", "Schulen",
			"digital", "Digitalisierung", "Online-Dienst", "Bürgerservice", "Termine", "Termin", "Chatbot",
			"KI Chatbot", "Datenplattform", "Sensoren", "Parkausweis", "Bewohnerparkausweis", "Wohngeld",
			"Gewerbeanmeldung", "E-Akte", "Akte", "Posteingang", "Rechnung", "Geodaten", "Beteiligung",
			"Open Data", "Familiencard", "Eheschließung", "Bescheid", "Bescheidzustellung", "Sachbearbeitung",
			"Genehmigung", "Urkunde", "Lernmanagementsystem", "WLAN", "Sicherheit", "Energie", "Luftqualität" };

	@Autowired
	PortfolioGenerator generator;

	@Autowired
	ProjectSearch search;

	@Autowired
	DataSource dataSource;

	@Test
	void germanSearchAgainstSqlLike() throws IOException {
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
				new LeitstandUser(UUID.randomUUID(), "benchmark", "Benchmark", null, true,
						Set.of(Role.PORTFOLIO_MANAGER), null), null, List.of()));
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		long existing = jdbc.queryForObject("select count(*) from portfolio_project", Long.class);
		long generateStart = System.nanoTime();
		generator.synthetic((int) Math.max(0, PROJECTS - existing), 2025);
		double generateSeconds = (System.nanoTime() - generateStart) / 1e9;
		long rows = jdbc.queryForObject("select count(*) from portfolio_project", Long.class);

		Random random = new Random(7);
		List<String> queries = new ArrayList<>();
		for (int i = 0; i < QUERIES; i++) {
			queries.add(TERMS[random.nextInt(TERMS.length)]);
		}
		for (int i = 0; i < WARM_UP; i++) {
			search.search(query(queries.get(i % queries.size())));
			like(jdbc, queries.get(i % queries.size()));
		}
		long[] searchNanos = new long[QUERIES];
		long[] likeNanos = new long[QUERIES];
		long searchHits = 0;
		long likeHits = 0;
		for (int i = 0; i < QUERIES; i++) {
			String q = queries.get(i);
			long t0 = System.nanoTime();
			searchHits += search.search(query(q)).total();
			long t1 = System.nanoTime();
			likeHits += like(jdbc, q);
			long t2 = System.nanoTime();
			searchNanos[i] = t1 - t0;
			likeNanos[i] = t2 - t1;
		}
		String report = report(rows, generateSeconds, searchNanos, likeNanos, searchHits, likeHits, queries,
				jdbc);
		System.out.println(report);
		Path out = Path.of("target/benchmarks/portfolio-search.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, report);
	}

	static ProjectQuery query(String text) {
		return new ProjectQuery(text, null, null, null, null, null, null, null, null, null, null, 0, 20);
	}

	/** The reference: what a plain database answers for the same text (count plus the first 20 rows). */
	static long like(JdbcTemplate jdbc, String text) {
		String pattern = "%" + text.toLowerCase(Locale.GERMAN) + "%";
		Long total = jdbc.queryForObject("select count(*) from portfolio_project where lower(title) like ? "
				+ "or lower(short_description) like ?", Long.class, pattern, pattern);
		jdbc.queryForList("select id, project_key, title from portfolio_project where lower(title) like ? "
				+ "or lower(short_description) like ? order by project_key desc limit 20", pattern, pattern);
		return total == null ? 0 : total;
	}

	static String report(long rows, double generateSeconds, long[] search, long[] like, long searchHits,
			long likeHits, List<String> queries, JdbcTemplate jdbc) {
		String db = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName() + " "
				+ c.getMetaData().getDatabaseProductVersion());
		StringBuilder md = new StringBuilder();
		md.append("## Portfolio search (10,000 projects)\n\n");
		md.append("Measured ").append(LocalDate.now()).append(" by `PortfolioSearchBenchmark` (")
			.append("`./mvnw -B verify -Pbenchmarks -DskipBrowserTests=true`), JDK ")
			.append(System.getProperty("java.version")).append(", ").append(Runtime.getRuntime().availableProcessors())
			.append(" CPUs, ").append(db).append(" in memory (profile `test`), Lucene index in memory (`local-heap`).\n\n");
		md.append("- Portfolio: ").append(rows).append(" projects, the 200 demo projects included (").append(String.format(Locale.ROOT, "%.1f",
				generateSeconds)).append(" s to generate with `PortfolioGenerator.synthetic`, seed 2025).\n");
		md.append("- Workload: ").append(queries.size()).append(" queries drawn at random (seed 7) from ")
			.append(TERMS.length).append(" German terms (inflected forms, compounds, two-word queries), after ")
			.append(WARM_UP).append(" warm-up queries of each kind; each query asks for the total and the first ")
			.append("page of 20.\n");
		md.append("- Search: `ProjectSearch.search` (German analysis, stemming, facets over 9 fields, sorted by ")
			.append("relevance) as a portfolio manager, i.e. with every project visible.\n");
		md.append("- Reference: the same text as `lower(title) LIKE '%term%' OR lower(short_description) LIKE ")
			.append("'%term%'` via JDBC (count plus first 20 rows, no facets, no stemming).\n\n");
		md.append("| | p50 | p95 | p99 | mean | matches (sum over all queries) |\n");
		md.append("|---|---:|---:|---:|---:|---:|\n");
		md.append(row("German full-text search", search, searchHits));
		md.append(row("SQL LIKE reference", like, likeHits));
		md.append("\nTimes in milliseconds, one thread, in-process (no HTTP). The full-text search also computes the ")
			.append("nine facet counts that the list page shows; LIKE does not. LIKE matches ")
			.append("substrings (\"%akte%\" inside any word) but no inflections (\"Anträge\" does not find ")
			.append("\"Antrag\"), so the match sums differ in both directions.\n");
		return md.toString();
	}

	static String row(String name, long[] nanos, long hits) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
		return String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f | %d |%n", name, pct(sorted, 50),
				pct(sorted, 95), pct(sorted, 99), mean, hits);
	}

	static double pct(long[] sorted, int p) {
		int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
	}
}
