package de.leitstand.organization.internal.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: counts failed sign-ins per username and per client address in a sliding window.
 * From the {@code maxFailures}-th failure within the window on, further attempts for that key are refused for a
 * delay that doubles with every further failure (1, 2, 4 … minutes, at most the window). The same answer is given
 * whether the username exists or not. In memory: a restart forgets the counts (documented in docs/security.md).
 */
@Component
public class LoginThrottle {

	static final Duration WINDOW = Duration.ofMinutes(15);
	static final Duration FIRST_DELAY = Duration.ofMinutes(1);

	private final Clock clock;
	private final int maxPerUser;
	private final int maxPerAddress;
	private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

	@Autowired
	LoginThrottle(Optional<Clock> clock, @Value("${leitstand.security.login.max-failures-per-user:5}") int maxPerUser,
			@Value("${leitstand.security.login.max-failures-per-address:100}") int maxPerAddress) {
		this(clock.orElse(Clock.systemUTC()), maxPerUser, maxPerAddress);
	}

	public LoginThrottle(Clock clock, int maxPerUser, int maxPerAddress) {
		this.clock = clock;
		this.maxPerUser = maxPerUser;
		this.maxPerAddress = maxPerAddress;
	}

	/** Whether an attempt for this username from this address must be refused now. */
	public boolean isBlocked(String username, String address) {
		Instant now = clock.instant();
		return blocked(userKey(username), maxPerUser, now) || blocked(addressKey(address), maxPerAddress, now);
	}

	public void failed(String username, String address) {
		Instant now = clock.instant();
		add(userKey(username), now);
		add(addressKey(address), now);
	}

	/** A successful sign-in clears the username's count (the address's count stays: it may be shared). */
	public void succeeded(String username) {
		failures.remove(userKey(username));
	}

	private boolean blocked(String key, int max, Instant now) {
		Deque<Instant> times = failures.get(key);
		if (times == null) {
			return false;
		}
		synchronized (times) {
			prune(times, now);
			if (times.size() < max) {
				return false;
			}
			int beyond = Math.min(times.size() - max, 10);
			Duration delay = FIRST_DELAY.multipliedBy(1L << beyond);
			if (delay.compareTo(WINDOW) > 0) {
				delay = WINDOW;
			}
			return now.isBefore(times.peekLast().plus(delay));
		}
	}

	private void add(String key, Instant now) {
		Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
		synchronized (times) {
			prune(times, now);
			times.addLast(now);
			// Bounded memory per key.
			while (times.size() > 1000) {
				times.removeFirst();
			}
		}
		if (failures.size() > 100_000) {
			failures.entrySet().removeIf(e -> {
				synchronized (e.getValue()) {
					prune(e.getValue(), now);
					return e.getValue().isEmpty();
				}
			});
		}
	}

	private static void prune(Deque<Instant> times, Instant now) {
		Instant oldest = now.minus(WINDOW);
		while (!times.isEmpty() && times.peekFirst().isBefore(oldest)) {
			times.removeFirst();
		}
	}

	private static String userKey(String username) {
		return "u:" + (username == null ? "" : username.trim().toLowerCase(Locale.ROOT));
	}

	private static String addressKey(String address) {
		return "a:" + (address == null ? "" : address);
	}
}
