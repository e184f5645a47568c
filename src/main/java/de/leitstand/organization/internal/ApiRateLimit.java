package de.leitstand.organization.internal;

import java.util.UUID;

/**
 * The rate limit of personal API tokens: {@code perMinute} requests in a burst, refilled evenly over a minute. In
 * memory for one instance ({@link TokenRateLimiter}), in the database when several instances share PostgreSQL
 * ({@link SharedTokenRateLimiter}).
 */
interface ApiRateLimit {

	/** Takes one request from the token's bucket: 0 if allowed, else the seconds until the next one is. */
	long acquire(UUID tokenId);
}
