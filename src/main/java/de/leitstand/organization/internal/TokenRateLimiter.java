package de.leitstand.organization.internal;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per API token, in memory: {@code perMinute} requests in a burst, refilled evenly over a minute. It
 * counts for one instance; several instances on PostgreSQL count together with {@link SharedTokenRateLimiter}.
 */
final class TokenRateLimiter implements ApiRateLimit {

	private static final long MINUTE_NANOS = 60_000_000_000L;
	private static final int MAX_BUCKETS = 100_000;

	private final int perMinute;
	private final LongSupplier nanoTime;
	private final Map<UUID, Bucket> buckets = new ConcurrentHashMap<>();

	TokenRateLimiter(int perMinute) {
		this(perMinute, System::nanoTime);
	}

	TokenRateLimiter(int perMinute, LongSupplier nanoTime) {
		if (perMinute < 1) {
			throw new IllegalArgumentException("rate limit must be at least 1 per minute");
		}
		this.perMinute = perMinute;
		this.nanoTime = nanoTime;
	}

	@Override
	public long acquire(UUID tokenId) {
		if (buckets.size() > MAX_BUCKETS) {
			buckets.clear();
		}
		Bucket bucket = buckets.computeIfAbsent(tokenId, id -> new Bucket(perMinute, nanoTime.getAsLong()));
		synchronized (bucket) {
			long now = nanoTime.getAsLong();
			double refill = (now - bucket.updated) * (double) perMinute / MINUTE_NANOS;
			bucket.tokens = Math.min(perMinute, bucket.tokens + refill);
			bucket.updated = now;
			if (bucket.tokens >= 1) {
				bucket.tokens -= 1;
				return 0;
			}
			double missing = 1 - bucket.tokens;
			return Math.max(1, (long) Math.ceil(missing * 60.0 / perMinute));
		}
	}

	private static final class Bucket {
		double tokens;
		long updated;

		Bucket(double tokens, long updated) {
			this.tokens = tokens;
			this.updated = updated;
		}
	}
}
