package de.leitstand.publicmonitor.internal;

import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

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

	PublicMonitorUpdater(ProjectDirectory projects, PublicProjection projection, PublicStore store) {
		this.projects = projects;
		this.projection = projection;
		this.store = store;
	}

	/** Brings one project up to date; returns whether anything public changed. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean refresh(UUID projectId) {
		Optional<ProjectSnapshot> snapshot = projects.find(projectId).filter(PublicProjection::isPublic);
		String known = store.fingerprint(projectId);
		if (snapshot.isEmpty()) {
			if (known != null) {
				store.delete(projectId);
				return true;
			}
			return false;
		}
		Integer progress = projection.progressOf(projectId);
		return write(projection.project(snapshot.get(), progress), known, PublicProjection.now());
	}

	/** Makes the read model match the portfolio (at start, after a restore, and now and then for progress). */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean rebuild() {
		Map<UUID, String> known = store.fingerprints();
		Map<UUID, Integer> progress = projection.progress();
		Set<UUID> seen = new HashSet<>();
		Instant now = PublicProjection.now();
		PublicProjection.Lookups lookups = projection.lookups();
		int changed = 0;
		for (ProjectSnapshot snapshot : projects.published()) {
			if (!PublicProjection.isPublic(snapshot)) {
				continue;
			}
			seen.add(snapshot.id());
			if (write(projection.project(snapshot, progress.get(snapshot.id()), lookups), known.get(snapshot.id()),
					now)) {
				changed++;
			}
		}
		for (UUID id : known.keySet()) {
			if (!seen.contains(id)) {
				store.delete(id);
				changed++;
			}
		}
		if (changed > 0) {
			store.pruneChanges(FEED_SIZE);
			log.info("Public monitor read model: {} of {} published projects changed", changed, seen.size());
		}
		return changed > 0;
	}

	private boolean write(PublicProject project, String known, Instant now) {
		String fingerprint = PublicProjection.fingerprint(project);
		if (fingerprint.equals(known)) {
			return false;
		}
		if (known == null) {
			store.insert(project, fingerprint, now);
			store.addChange(project, PUBLISHED, now);
		}
		else {
			store.update(project, fingerprint, now);
			store.addChange(project, UPDATED, now);
		}
		return true;
	}
}
