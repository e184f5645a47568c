package de.leitstand.organization.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class TokenRateLimiterTests {

	final AtomicLong now = new AtomicLong();
	final TokenRateLimiter limiter = new TokenRateLimiter(60, now::get);

	@Test
	void allowsABurstOfTheLimitThenAsksToWait() {
		UUID token = UUID.randomUUID();
		for (int i = 0; i < 60; i++) {
			assertThat(limiter.acquire(token)).isZero();
		}
		assertThat(limiter.acquire(token)).isEqualTo(1);
	}

	@Test
	void refillsEvenlyOverAMinute() {
		UUID token = UUID.randomUUID();
		for (int i = 0; i < 60; i++) {
			limiter.acquire(token);
		}
		now.addAndGet(5_000_000_000L);
		for (int i = 0; i < 5; i++) {
			assertThat(limiter.acquire(token)).isZero();
		}
		assertThat(limiter.acquire(token)).isPositive();
	}

	@Test
	void eachTokenHasItsOwnBucket() {
		UUID busy = UUID.randomUUID();
		for (int i = 0; i < 61; i++) {
			limiter.acquire(busy);
		}
		assertThat(limiter.acquire(UUID.randomUUID())).isZero();
	}

	@Test
	void aSlowLimitNamesTheSecondsToWait() {
		TokenRateLimiter slow = new TokenRateLimiter(2, now::get);
		UUID token = UUID.randomUUID();
		slow.acquire(token);
		slow.acquire(token);
		assertThat(slow.acquire(token)).isEqualTo(30);
	}
}
