package de.leitstand.portfolio.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.search.mapper.orm.Search;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The {@code reindex} command, run through its runner bean (not a subprocess): a lost index comes back. */
@SpringBootTest
@ActiveProfiles("test")
class ReindexCommandIntegrationTests {

	@Autowired
	ReindexCommand command;

	@Autowired
	EntityManagerFactory factory;

	@Autowired
	Projects projects;

	@Test
	void rebuildsAnEmptiedIndexFromTheDatabaseAndSaysSo() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		command.redirect(new PrintStream(out, true, StandardCharsets.UTF_8));
		EntityManager em = factory.createEntityManager();
		try {
			Search.session(em).workspace(Project.class).purge();
			Search.session(em).workspace(Project.class).refresh();
			assertThat(indexed(em)).as("the index was lost").isZero();

			command.run(new DefaultApplicationArguments("reindex"));

			assertThat(command.getExitCode()).isZero();
			long rows = projects.count();
			assertThat(indexed(em)).isEqualTo(rows);
			assertThat(out.toString(StandardCharsets.UTF_8)).contains("search index rebuilt: " + rows + " projects");
		}
		finally {
			em.close();
		}
	}

	@Test
	void ignoresOtherStarts() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		command.redirect(new PrintStream(out, true, StandardCharsets.UTF_8));
		command.run(new DefaultApplicationArguments("--server.port=0"));
		assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
	}

	private static long indexed(EntityManager em) {
		return Search.session(em).search(Project.class).where(f -> f.matchAll()).fetchTotalHitCount();
	}
}
