package de.leitstand.portfolio.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.search.mapper.orm.Search;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the search index at start-up when it does not match the database (first start, an in-memory index,
 * a restored backup). Runs after the demo data so that the demo portfolio is searchable at once.
 */
@Component
@Order(100)
class SearchIndexBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(SearchIndexBootstrap.class);

	private final EntityManagerFactory factory;

	SearchIndexBootstrap(EntityManagerFactory factory) {
		this.factory = factory;
	}

	@Override
	public void run(ApplicationArguments args) throws InterruptedException {
		reindexIfStale();
	}

	void reindexIfStale() throws InterruptedException {
		EntityManager em = factory.createEntityManager();
		try {
			long rows = em.createQuery("select count(p) from Project p", Long.class).getSingleResult();
			long indexed = Search.session(em).search(Project.class).where(f -> f.matchAll()).fetchTotalHitCount();
			if (rows != indexed) {
				log.info("Search index holds {} of {} projects; rebuilding it", indexed, rows);
				Search.session(em).massIndexer(Project.class).threadsToLoadObjects(2).startAndWait();
			}
		}
		finally {
			em.close();
		}
	}
}
