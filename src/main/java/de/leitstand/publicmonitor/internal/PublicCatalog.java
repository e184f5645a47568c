package de.leitstand.publicmonitor.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * The read model in memory for the public pages: loaded once per version, so filtering, search and paging over
 * thousands of published projects need no database round trip.
 */
@Component
public class PublicCatalog {

	/** One consistent view of the read model. */
	public record Snapshot(long version, java.time.Instant lastModified, List<PublicProject> projects,
			Map<String, PublicProject> byKey, List<PublicProject.Change> changes) {

		public java.util.Optional<PublicProject> project(String key) {
			return key == null ? java.util.Optional.empty()
					: java.util.Optional.ofNullable(byKey.get(key.strip().toUpperCase(java.util.Locale.ROOT)));
		}
	}

	static final int FEED_ENTRIES = 50;

	private final PublicStore store;
	private final MonitorVersion version;
	private volatile Snapshot snapshot;

	PublicCatalog(PublicStore store, MonitorVersion version) {
		this.store = store;
		this.version = version;
	}

	public Snapshot current() {
		MonitorVersion.State state = version.current();
		Snapshot s = snapshot;
		if (s != null && s.version() == state.number()) {
			return s;
		}
		synchronized (this) {
			state = version.current();
			s = snapshot;
			if (s == null || s.version() != state.number()) {
				List<PublicProject> projects = store.all();
				s = new Snapshot(state.number(), state.lastModified(), projects,
						projects.stream().collect(Collectors.toUnmodifiableMap(
								p -> p.key().toUpperCase(java.util.Locale.ROOT), Function.identity())),
						store.changes(FEED_ENTRIES));
				snapshot = s;
			}
			return s;
		}
	}
}
