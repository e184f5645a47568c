package de.leitstand.publicmonitor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VersionedCacheTests {

	@Test
	void aNewerVersionEmptiesTheCache() {
		VersionedCache<String> cache = new VersionedCache<>();
		cache.keep("/monitor", 5, 5, "five", 4);
		assertThat(cache.get("/monitor", 5)).isEqualTo("five");
		assertThat(cache.get("/monitor", 6)).isNull();
		assertThat(cache.get("/monitor", 5)).as("the old version is gone").isNull();
	}

	@Test
	void anAnswerRenderedForAnOlderVersionIsNotKeptAndDoesNotTurnTheCacheBack() {
		VersionedCache<String> cache = new VersionedCache<>();
		cache.keep("/monitor", 6, 6, "six", 3);
		cache.keep("/monitor/other", 5, 6, "late five", 9);
		assertThat(cache.get("/monitor/other", 5)).isNull();
		assertThat(cache.get("/monitor", 6)).as("still the cache of version 6").isEqualTo("six");
		cache.keep("/monitor/x", 6, 7, "rendered before a publication", 1);
		assertThat(cache.get("/monitor/x", 6)).isNull();
	}

	@Test
	void keepsNoMoreThanTheByteBudget() {
		VersionedCache<String> cache = new VersionedCache<>();
		cache.keep("a", 1, 1, "a", VersionedCache.MAX_BYTES - 1);
		cache.keep("b", 1, 1, "b", 2);
		assertThat(cache.get("a", 1)).isEqualTo("a");
		assertThat(cache.get("b", 1)).isNull();
	}
}
