package de.leitstand.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import de.leitstand.organization.internal.security.LoginThrottle;

/** The guessing brake: counts, growing delays, the window, and that a success clears a user's count. */
class LoginThrottleTests {

	static final class MutableClock extends Clock {
		Instant now = Instant.parse("2026-11-26T08:00:00Z");

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}

		void advance(Duration d) {
			now = now.plus(d);
		}
	}

	final MutableClock clock = new MutableClock();
	final LoginThrottle throttle = new LoginThrottle(clock, 5, 20);

	@Test
	void fourFailuresDoNotBlockTheFifthAttempt() {
		for (int i = 0; i < 4; i++) {
			throttle.failed("lead", "10.0.0.1");
		}
		assertThat(throttle.isBlocked("lead", "10.0.0.1")).isFalse();
	}

	@Test
	void fiveFailuresBlockTheUsernameFromEveryAddressForAMinute() {
		for (int i = 0; i < 5; i++) {
			throttle.failed("Lead", "10.0.0.1");
		}
		assertThat(throttle.isBlocked("lead", "10.0.0.1")).isTrue();
		assertThat(throttle.isBlocked(" LEAD ", "10.9.9.9")).as("case and address do not matter").isTrue();
		assertThat(throttle.isBlocked("reader", "10.0.0.2")).as("other users are not affected").isFalse();
		clock.advance(Duration.ofSeconds(61));
		assertThat(throttle.isBlocked("lead", "10.0.0.1")).isFalse();
	}

	@Test
	void theDelayDoublesWithEveryFurtherFailure() {
		for (int i = 0; i < 5; i++) {
			throttle.failed("lead", "10.0.0.1");
		}
		clock.advance(Duration.ofSeconds(61));
		throttle.failed("lead", "10.0.0.1");
		clock.advance(Duration.ofSeconds(90));
		assertThat(throttle.isBlocked("lead", "10.0.0.1")).as("second delay is 2 minutes").isTrue();
		clock.advance(Duration.ofSeconds(31));
		assertThat(throttle.isBlocked("lead", "10.0.0.1")).isFalse();
		throttle.failed("lead", "10.0.0.1");
		clock.advance(Duration.ofSeconds(230));
		assertThat(throttle.isBlocked("lead", "10.0.0.1")).as("third delay is 4 minutes").isTrue();
	}

	@Test
	void failuresOlderThanTheWindowAreForgotten() {
		for (int i = 0; i < 4; i++) {
			throttle.failed("lead", "10.0.0.1");
		}
		clock.advance(Duration.ofMinutes(16));
		throttle.failed("lead", "10.0.0.1");
		assertThat(throttle.isBlocked("lead", "10.0.0.1")).isFalse();
	}

	@Test
	void successClearsTheUsernameButNotTheAddress() {
		for (int i = 0; i < 20; i++) {
			throttle.failed("user" + i, "10.0.0.7");
		}
		assertThat(throttle.isBlocked("someone-else", "10.0.0.7")).as("address limit reached").isTrue();
		throttle.succeeded("user1");
		assertThat(throttle.isBlocked("someone-else", "10.0.0.7")).isTrue();

		for (int i = 0; i < 5; i++) {
			throttle.failed("board", "10.0.0.8");
		}
		throttle.succeeded("board");
		assertThat(throttle.isBlocked("board", "10.0.0.9")).isFalse();
	}

	@Test
	void theAnswerDoesNotDependOnWhetherTheUserExists() {
		// The throttle knows no accounts at all: it counts names, so existing and invented names behave alike.
		for (int i = 0; i < 5; i++) {
			throttle.failed("no-such-user-xyz", "10.0.0.1");
			throttle.failed("admin", "10.0.0.2");
		}
		assertThat(throttle.isBlocked("no-such-user-xyz", "10.1.1.1")).isEqualTo(throttle.isBlocked("admin", "10.1.1.1"));
	}
}
