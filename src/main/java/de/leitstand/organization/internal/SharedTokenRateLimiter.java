package de.leitstand.organization.internal;

import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The same token bucket as {@link TokenRateLimiter}, kept in PostgreSQL (table {@code api_rate_bucket}) so that
 * every instance behind a load balancer takes from one bucket per token. One statement per request: an upsert
 * refills the bucket by the time since its last use (on the database's clock, so the instances' clocks do not
 * matter), takes a request if there is one, and returns the result; the row lock of the upsert makes concurrent
 * requests for a token queue instead of both taking the last request. A table of our own rather than Bucket4j's
 * PostgreSQL backend: the same algorithm in one statement, no further library, and a row per token that is
 * deleted with the token.
 */
final class SharedTokenRateLimiter implements ApiRateLimit {

	/** The bucket refilled up to now: never above the burst, never taking time back from a statement that waited. */
	private static final String REFILLED = "least(:cap, b.tokens + greatest(0, extract(epoch from "
			+ "statement_timestamp() - b.updated_at)) * :cap / 60.0)";

	private static final String ACQUIRE = ("""
			insert into api_rate_bucket as b (token_id, tokens, allowed, updated_at)
			values (?, :cap - 1, true, statement_timestamp())
			on conflict (token_id) do update set
			    tokens = case when REFILLED >= 1 then REFILLED - 1 else REFILLED end,
			    allowed = REFILLED >= 1,
			    updated_at = greatest(b.updated_at, statement_timestamp())
			returning tokens, allowed""").replace("REFILLED", REFILLED);

	private final JdbcTemplate jdbc;
	private final int perMinute;
	private final String acquire;

	SharedTokenRateLimiter(JdbcTemplate jdbc, int perMinute) {
		if (perMinute < 1) {
			throw new IllegalArgumentException("rate limit must be at least 1 per minute");
		}
		this.jdbc = jdbc;
		this.perMinute = perMinute;
		this.acquire = ACQUIRE.replace(":cap", Integer.toString(perMinute));
	}

	@Override
	public long acquire(UUID tokenId) {
		return jdbc.queryForObject(acquire, (rs, row) -> {
			if (rs.getBoolean("allowed")) {
				return 0L;
			}
			double missing = 1 - rs.getDouble("tokens");
			return Math.max(1, (long) Math.ceil(missing * 60.0 / perMinute));
		}, tokenId);
	}
}
