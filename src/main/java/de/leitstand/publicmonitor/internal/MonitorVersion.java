package de.leitstand.publicmonitor.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;

/**
 * The version of the public read model: it changes (after commit) whenever something public changed, and all
 * cached public responses and their validators (ETag, Last-Modified) are derived from it.
 */
@Component
public class MonitorVersion {

	public record State(long number, Instant lastModified) {
	}

	private final AtomicReference<State> state = new AtomicReference<>(
			new State(System.currentTimeMillis(), Instant.now().truncatedTo(ChronoUnit.SECONDS)));

	public State current() {
		return state.get();
	}

	void bump() {
		// Last-Modified has a resolution of one second: make sure it moves forward with every change.
		state.updateAndGet(s -> {
			Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
			return new State(s.number() + 1, now.isAfter(s.lastModified()) ? now : s.lastModified().plusSeconds(1));
		});
	}
}
