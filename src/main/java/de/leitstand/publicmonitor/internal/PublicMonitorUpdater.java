package de.leitstand.publicmonitor.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import de.leitstand.portfolio.ProjectDirectory;
import de.leitstand.portfolio.ProjectSnapshot;

/**
 * Keeps the read model in step with the portfolio: a published project is inserted or updated, a withdrawn one is
 * removed with its feed entries. A change to internal fields only leaves the read model (and its version, and so
 * every public response) untouched, because the fingerprint covers public fields alone.
 */
@Service
class PublicMonitorUpdater {

	static final String PUBLISHED = "PUBLISHED";
	static final String UPDATED = "UPDATED";
	static final int FEED_SIZE = 200;

	private static final Logger log = LoggerFactory.getLogger(PublicMonitorUpdater.class);

	private final ProjectDirectory projects;
	private final PublicProjection projection;
	private final PublicStore store;
	private final TransactionTemplate reading;
	private final TransactionTemplate writing;

	PublicMonitorUpdater(ProjectDirectory projects, PublicProjection projection, PublicStore store,
			PlatformTransactionManager transactions) {
		this.projects = projects;
		this.projection = projection;
		this.store = store;
		this.reading = new TransactionTemplate(transactions);
		this.reading.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.reading.setReadOnly(true);
		this.writing = new TransactionTemplate(transactions);
		this.writing.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Brings one project up to date; returns whether anything public changed. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean refresh(UUID projectId) {
		Optional<ProjectSnapshot> snapshot = projects.asSystem().find(projectId).filter(PublicProjection::isPublic);
		String known = store.fingerprint(projectId);
		if (snapshot.isEmpty()) {
			if (known != null) {
				store.delete(List.of(projectId));
				return true;
			}
			return false;
		}
		Integer progress = projection.progressOf(projectId);
		return write(List.of(projection.project(snapshot.get(), progress)),
				known == null ? Map.of() : Map.of(projectId, known), false) > 0;
	}

	/**
	 * Makes the read model match the portfolio (at start, after a restore, and now and then for progress). Reads in
	 * a read-only transaction of its own, so that the thousands of project entities it loads are neither
	 * dirty-checked before every further query nor kept; then writes only what changed, in batches.
	 */
	public boolean rebuild() {
		long started = System.nanoTime();
		List<PublicProject> projected = reading.execute(status -> project());
		long read = System.nanoTime();
		Integer changed = writing.execute(status -> write(projected, store.fingerprints(), true));
		if (changed > 0) {
			log.info("Public monitor read model: {} of {} published projects changed (read {} ms, written {} ms)",
					changed, projected.size(), (read - started) / 1_000_000, (System.nanoTime() - read) / 1_000_000);
		}
		return changed > 0;
	}

	/** Every public project as the monitor shows it. */
	private List<PublicProject> project() {
		List<ProjectSnapshot> published = projects.published().stream().filter(PublicProjection::isPublic).toList();
		Map<UUID, Integer> progress = projection.progress();
		PublicProjection.Lookups lookups = projection.lookups(published.stream().map(ProjectSnapshot::id).toList());
		return published.stream().map(p -> projection.project(p, progress.get(p.id()), lookups)).toList();
	}

	/**
	 * Inserts new and updates changed projects (known: the stored fingerprints), each with a feed entry; with
	 * {@code complete}, the given projects are all there are and every other known one is removed. Returns how many
	 * projects changed.
	 */
	private int write(List<PublicProject> projected, Map<UUID, String> known, boolean complete) {
		Instant now = PublicProjection.now();
		List<PublicStore.Entry> inserted = new ArrayList<>();
		List<PublicStore.Entry> updated = new ArrayList<>();
		Set<UUID> seen = new HashSet<>();
		for (PublicProject project : projected) {
			seen.add(project.id());
			String fingerprint = PublicProjection.fingerprint(project);
			String before = known.get(project.id());
			if (before == null) {
				inserted.add(new PublicStore.Entry(project, fingerprint));
			}
			else if (!fingerprint.equals(before)) {
				updated.add(new PublicStore.Entry(project, fingerprint));
			}
		}
		List<UUID> removed = complete ? known.keySet().stream().filter(id -> !seen.contains(id)).toList() : List.of();
		store.insert(inserted, now);
		store.addChanges(inserted.stream().map(PublicStore.Entry::project).toList(), PUBLISHED, now);
		store.update(updated, now);
		store.addChanges(updated.stream().map(PublicStore.Entry::project).toList(), UPDATED, now);
		store.delete(removed);
		int changed = inserted.size() + updated.size() + removed.size();
		if (complete && changed > 0) {
			store.pruneChanges(FEED_SIZE);
		}
		return changed;
	}
}
