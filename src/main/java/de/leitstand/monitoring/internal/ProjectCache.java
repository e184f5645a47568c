package de.leitstand.monitoring.internal;

import java.time.Duration;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import de.leitstand.portfolio.ProjectChanged;
import de.leitstand.portfolio.ProjectDirectory;
import de.leitstand.portfolio.ProjectSnapshot;
import de.leitstand.portfolio.ProjectStatus;
import de.leitstand.portfolio.ProjectStatusChanged;

/**
 * The projects in implementation as monitoring needs them for every dashboard: loaded once, dropped after every
 * committed project change on this node and at the latest after a minute (other nodes of a cluster).
 *
 * <p>A cache shared by all users and the system's own checks, so it reads {@link ProjectDirectory#asSystem()}: what
 * it returns reaches a user only through {@link ProjectVisibility} (the portfolio's rule).
 */
@Component
public class ProjectCache {

	private static final Duration MAX_AGE = Duration.ofMinutes(1);

	private final ProjectDirectory directory;
	private volatile Loaded loaded;

	private record Loaded(Map<UUID, ProjectSnapshot> projects, long at) {
	}

	ProjectCache(ProjectDirectory directory) {
		this.directory = directory;
	}

	/** Projects in implementation by id, ordered by key. */
	public Map<UUID, ProjectSnapshot> inImplementation() {
		Loaded current = loaded;
		if (current == null || System.nanoTime() - current.at() > MAX_AGE.toNanos()) {
			Map<UUID, ProjectSnapshot> map = new LinkedHashMap<>();
			directory.asSystem().inStatus(EnumSet.of(ProjectStatus.IN_IMPLEMENTATION)).forEach(p -> map.put(p.id(), p));
			current = new Loaded(java.util.Collections.unmodifiableMap(map), System.nanoTime());
			loaded = current;
		}
		return current.projects();
	}

	/** Any project: from the cache if it is in implementation, else from the portfolio. */
	public Optional<ProjectSnapshot> find(UUID id) {
		ProjectSnapshot p = inImplementation().get(id);
		return p != null ? Optional.of(p) : directory.asSystem().find(id);
	}

	public Map<UUID, ProjectSnapshot> findAll(Collection<UUID> ids) {
		Map<UUID, ProjectSnapshot> found = new HashMap<>();
		List<UUID> missing = new java.util.ArrayList<>();
		Map<UUID, ProjectSnapshot> cached = inImplementation();
		for (UUID id : ids) {
			if (cached.containsKey(id)) {
				found.put(id, cached.get(id));
			}
			else {
				missing.add(id);
			}
		}
		if (!missing.isEmpty()) {
			directory.asSystem().findAll(missing).forEach(p -> found.put(p.id(), p));
		}
		return found;
	}

	public void invalidate() {
		loaded = null;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(ProjectChanged event) {
		invalidate();
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(ProjectStatusChanged event) {
		invalidate();
	}
}
