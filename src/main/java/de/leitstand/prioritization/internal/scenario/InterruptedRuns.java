package de.leitstand.prioritization.internal.scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Finds optimisation runs whose process is gone — killed, crashed or restarted while solving — and marks them
 * {@link OptimizationRun.State#INTERRUPTED}: at start-up and then every few seconds (one node at a time, ShedLock).
 * A run is gone when its heartbeat is older than {@code leitstand.optimization.stale-after} (default 30 s, six
 * missed heartbeats). Runs this process is working on are never touched. Nothing of an interrupted run's result
 * exists (the result is stored in one transaction at the end), so the scenario is simply optimised again.
 */
@Component
public class InterruptedRuns {

	private static final Logger log = LoggerFactory.getLogger(InterruptedRuns.class);

	private final OptimizationRuns runs;
	private final ScenarioRuns scenarioRuns;
	private final TransactionTemplate tx;
	private final Duration staleAfter;

	InterruptedRuns(OptimizationRuns runs, ScenarioRuns scenarioRuns, TransactionTemplate tx,
			@Value("${leitstand.optimization.stale-after:PT30S}") Duration staleAfter) {
		this.runs = runs;
		this.scenarioRuns = scenarioRuns;
		this.tx = tx;
		this.staleAfter = staleAfter;
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStart() {
		markStale();
	}

	@Scheduled(fixedDelayString = "${leitstand.optimization.recovery-check:PT15S}",
			initialDelayString = "${leitstand.optimization.recovery-check:PT15S}")
	@SchedulerLock(name = "optimization-interrupted-runs", lockAtMostFor = "PT5M")
	public void check() {
		markStale();
	}

	/** Marks every stale run as interrupted; answers how many. */
	public int markStale() {
		Instant now = Instant.now();
		Set<UUID> mine = scenarioRuns.liveRuns();
		List<UUID> stale = runs.findStale(OptimizationRun.State.RUNNING, now.minus(staleAfter)).stream()
			.map(OptimizationRun::getId)
			.filter(id -> !mine.contains(id))
			.toList();
		int marked = 0;
		for (UUID id : stale) {
			try {
				Boolean done = tx.execute(s -> runs.findById(id)
					.filter(OptimizationRun::isRunning)
					.map(r -> {
						log.warn("Optimisation run {} of scenario {} (node {}, last heartbeat {}) is interrupted",
								r.getId(), r.getScenarioId(), r.getInstanceId(), r.getHeartbeatAt());
						r.interrupt(now);
						return true;
					})
					.orElse(false));
				marked += Boolean.TRUE.equals(done) ? 1 : 0;
			}
			catch (ObjectOptimisticLockingFailureException finishedMeanwhile) {
				// its node stored the result a moment ago: it was not gone after all
			}
		}
		return marked;
	}
}
