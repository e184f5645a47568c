package de.leitstand.publicmonitor.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The version of the public read model: it changes (after commit) whenever something public changed, and all
 * cached public responses and their validators (ETag, Last-Modified) are derived from it. It is stored in the
 * database (table {@code public_monitor_version}): the instance that changed the read model moves it there, and
 * every instance follows the stored version with a cheap poll ({@code leitstand.public.version-poll}, 2 s), so a
 * publication on one instance empties the public caches of all within seconds.
 */
@Component
public class MonitorVersion {

	public record State(long number, Instant lastModified) {
	}

	private final AtomicReference<State> state = new AtomicReference<>();
	private final JdbcClient jdbc;
	private final TransactionTemplate transaction;

	/** Without a database: a version of this process alone (unit tests). */
	MonitorVersion() {
		this.jdbc = null;
		this.transaction = null;
		state.set(new State(System.currentTimeMillis(), Instant.now().truncatedTo(ChronoUnit.SECONDS)));
	}

	@Autowired
	MonitorVersion(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	public State current() {
		State current = state.get();
		// Read on first use rather than at construction, when the schema may not be migrated yet.
		return current != null ? current : follow();
	}

	/** Moves the stored version forward and adopts it. */
	void bump() {
		if (jdbc == null) {
			state.updateAndGet(s -> next(s, Instant.now()));
			return;
		}
		adopt(transaction.execute(status -> {
			// Last-Modified has a resolution of one second: make sure it moves forward with every change.
			jdbc.sql("update public_monitor_version set number = number + 1, "
					+ "last_modified = greatest(?, last_modified + interval '1' second) where id = 1")
				.param(OffsetDateTime.ofInstant(Instant.now().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC))
				.update();
			return read();
		}));
	}

	/** Adopts the stored version if another instance moved it; returns the version now current. */
	@Scheduled(initialDelayString = "${leitstand.public.version-poll:PT2S}",
			fixedDelayString = "${leitstand.public.version-poll:PT2S}")
	State follow() {
		return jdbc == null ? state.get() : adopt(read());
	}

	private State read() {
		return jdbc.sql("select number, last_modified from public_monitor_version where id = 1")
			.query((rs, row) -> new State(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
			.single();
	}

	/** Versions only move forward, also when a poll and a bump cross. */
	private State adopt(State stored) {
		return state.accumulateAndGet(stored, (s, n) -> s == null || n.number() > s.number() ? n : s);
	}

	private static State next(State s, Instant now) {
		Instant second = now.truncatedTo(ChronoUnit.SECONDS);
		return new State(s.number() + 1, second.isAfter(s.lastModified()) ? second : s.lastModified().plusSeconds(1));
	}
}
