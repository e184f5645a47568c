package de.leitstand.portfolio.internal;

import java.io.PrintStream;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.search.mapper.orm.Search;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar leitstand.jar reindex}: rebuilds the search index of every project from the database (mass
 * indexing: the index is emptied, then filled) and exits. For OpenSearch after a restore, a change of the analysis,
 * or an index that was lost; the embedded Lucene index rebuilds itself at start when it does not match.
 */
@Component
@Order(200)
class ReindexCommand implements ApplicationRunner, ExitCodeGenerator {

	static final String NAME = "reindex";

	private final EntityManagerFactory factory;
	private PrintStream out = System.out;
	private int exitCode;

	ReindexCommand(EntityManagerFactory factory) {
		this.factory = factory;
	}

	@Override
	public void run(ApplicationArguments args) throws InterruptedException {
		String[] source = args.getSourceArgs();
		if (source.length == 0 || !NAME.equals(source[0])) {
			return;
		}
		exitCode = execute();
	}

	int execute() throws InterruptedException {
		long started = System.nanoTime();
		EntityManager em = factory.createEntityManager();
		try {
			Search.session(em).massIndexer(Project.class).threadsToLoadObjects(2).startAndWait();
			long indexed = Search.session(em).search(Project.class).where(f -> f.matchAll()).fetchTotalHitCount();
			out.printf("search index rebuilt: %d projects in %d ms%n", indexed,
					(System.nanoTime() - started) / 1_000_000);
			return 0;
		}
		finally {
			em.close();
		}
	}

	/** Where the summary goes (tests). */
	void redirect(PrintStream out) {
		this.out = out;
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}
}
