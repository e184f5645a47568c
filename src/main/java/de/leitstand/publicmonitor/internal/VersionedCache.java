package de.leitstand.publicmonitor.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Answers kept per key for one read-model version: a newer version empties the cache, an answer rendered for an
 * older one is not kept, and the size is bounded (entries and bytes). Shared by the response cache of the servlet
 * port and the public listener.
 */
final class VersionedCache<V> {

	static final int MAX_ENTRIES = 5_000;
	static final long MAX_BYTES = 256L * 1024 * 1024;

	private long version = -1;
	private volatile Map<String, V> entries = new ConcurrentHashMap<>();
	private final AtomicLong bytes = new AtomicLong();

	/** The answer kept for a key of this version, or null. */
	V get(String key, long versionNumber) {
		return current(versionNumber).get(key);
	}

	/** Keeps an answer rendered for versionNumber if that is still the current version and there is room. */
	void keep(String key, long versionNumber, long currentVersion, V value, long size) {
		Map<String, V> cache = current(versionNumber);
		if (versionNumber == currentVersion && versionNumber == version && cache.size() < MAX_ENTRIES
				&& bytes.addAndGet(size) < MAX_BYTES) {
			cache.put(key, value);
		}
	}

	/** Moves to a newer version (emptying the cache); an older number leaves everything as it is. */
	private Map<String, V> current(long versionNumber) {
		if (versionNumber > version) {
			synchronized (this) {
				if (versionNumber > version) {
					entries = new ConcurrentHashMap<>();
					bytes.set(0);
					version = versionNumber;
				}
			}
		}
		return versionNumber == version ? entries : Map.of();
	}
}
