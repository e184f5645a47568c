package de.leitstand.prioritization.internal.scenario;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import de.leitstand.organization.LeitstandUser;
import de.leitstand.prioritization.internal.optimizer.OptimizationResult;
import de.leitstand.prioritization.internal.optimizer.PortfolioOptimizer;
import de.leitstand.prioritization.internal.optimizer.Scenario;
import de.leitstand.prioritization.internal.optimizer.ScenarioException;
import de.leitstand.prioritization.internal.optimizer.SolveControl;
import de.leitstand.shared.InvalidInput;
import de.leitstand.shared.NotFoundException;

import jakarta.annotation.PreDestroy;

/**
 * Runs optimisations in the background, one at a time (CP-SAT uses both cores), with progress and cancel. A run
 * is stored when it starts and again with its result (one transaction, so a crash never leaves half a result);
 * the progress lives in memory while it runs. A thread of its own writes the heartbeat of this node's running
 * runs, so that {@link InterruptedRuns} can tell a run whose process is gone from one that is still working.
 */
@Service
public class ScenarioRuns {

	private static final Logger log = LoggerFactory.getLogger(ScenarioRuns.class);

	/** Time limit of the main solve; what-if re-solves and the frontier have their own small limits. */
	static final double TIME_LIMIT = 30;

	private final ScenarioService scenarios;
	private final OptimizationRuns runs;
	private final TransactionTemplate tx;
	private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "optimizer");
		t.setDaemon(true);
		return t;
	});
	private final Map<UUID, Live> live = new ConcurrentHashMap<>();
	// Not Spring's shared scheduler: a slow scheduled job there must not starve the heartbeat (a late heartbeat
	// would get a working run marked as interrupted by another node).
	private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread t = new Thread(r, "optimizer-heartbeat");
		t.setDaemon(true);
		return t;
	});
	private final String instanceId = instanceId();

	/** The state of a running optimisation. */
	public record Live(SolveControl control, AtomicReference<SolveControl.Progress> progress) {
	}

	ScenarioRuns(ScenarioService scenarios, OptimizationRuns runs, TransactionTemplate tx,
			@Value("${leitstand.optimization.heartbeat:PT5S}") Duration beat) {
		this.scenarios = scenarios;
		this.runs = runs;
		this.tx = tx;
		heartbeat.scheduleWithFixedDelay(this::beat, beat.toMillis(), beat.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** Host name and a random part: which node runs a run (several processes may share a host). */
	private static String instanceId() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (Exception unknown) {
			host = "unknown";
		}
		String id = host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
		return id.length() > 100 ? id.substring(id.length() - 100) : id;
	}

	void beat() {
		Set<UUID> ids = Set.copyOf(live.keySet());
		if (ids.isEmpty()) {
			return;
		}
		try {
			tx.executeWithoutResult(s -> runs.beat(ids, Instant.now(), OptimizationRun.State.RUNNING));
		}
		catch (RuntimeException ex) {
			// the next beat tries again; a database that stays away makes the run look interrupted, rightly
			log.warn("Heartbeat of optimisation runs {} failed: {}", ids, ex.toString());
		}
	}

	/** The runs this process is working on right now (never to be marked as interrupted). */
	Set<UUID> liveRuns() {
		return Set.copyOf(live.keySet());
	}

	String getInstanceId() {
		return instanceId;
	}

	@PreAuthorize(ScenarioService.MANAGE)
	public OptimizationRun start(UUID scenarioId) {
		Scenario scenario;
		try {
			scenario = scenarios.toScenario(scenarioId);
			PortfolioOptimizer.check(scenario);
		}
		catch (ScenarioException ex) {
			throw InvalidInput.of("scenario", ex.text().key(), ex.text().argArray());
		}
		OptimizationRun run = tx.execute(s -> runs.save(new OptimizationRun(scenarioId, LeitstandUser.currentName(),
				instanceId)));
		AtomicReference<SolveControl.Progress> progress = new AtomicReference<>(
				new SolveControl.Progress("queued", -1, -1, 0, 1));
		SolveControl control = new SolveControl(progress::set);
		live.put(run.getId(), new Live(control, progress));
		String basis = scenarios.valueBasisKey();
		executor.submit(() -> execute(run.getId(), scenario, control, basis));
		return run;
	}

	private void execute(UUID runId, Scenario scenario, SolveControl control, String basis) {
		try {
			OptimizationResult result = PortfolioOptimizer.optimize(scenario,
					new PortfolioOptimizer.Options(TIME_LIMIT, 150, 0.5,
							PortfolioOptimizer.Options.defaults().workers()), control);
			List<PortfolioOptimizer.FrontierPoint> frontier = result.status() == OptimizationResult.Status.INFEASIBLE
					|| control.isCancelled() ? List.of() : PortfolioOptimizer.frontier(scenario, 2, control);
			Map<String, String> titles = new LinkedHashMap<>();
			scenario.candidates().forEach(c -> titles.put(c.id(), c.title()));
			RunResult stored = new RunResult(result, frontier, titles, TIME_LIMIT, basis);
			OptimizationRun.State state = OptimizationRun.State.valueOf(result.status().name());
			BigDecimal objective = BigDecimal.valueOf(result.objective(), 2);
			tx.executeWithoutResult(s -> runs.findById(runId)
				.filter(OptimizationRun::isRunning)
				.ifPresentOrElse(r -> r.finish(state, objective, stored.toJson()), () -> log
					.warn("Optimisation run {} was marked as interrupted meanwhile; its result is not stored", runId)));
		}
		catch (RuntimeException | Error ex) {
			log.error("Optimisation run {} failed", runId, ex);
			tx.executeWithoutResult(s -> runs.findById(runId)
				.filter(OptimizationRun::isRunning)
				.ifPresent(r -> r.finish(OptimizationRun.State.FAILED, null, null)));
		}
		finally {
			live.remove(runId);
		}
	}

	@PreAuthorize(ScenarioService.READ)
	public Optional<SolveControl.Progress> progress(UUID runId) {
		return Optional.ofNullable(live.get(runId)).map(l -> l.progress().get());
	}

	@PreAuthorize(ScenarioService.MANAGE)
	public void cancel(UUID runId) {
		Live l = live.get(runId);
		if (l != null) {
			l.control().cancel();
		}
	}

	@PreAuthorize(ScenarioService.READ)
	public OptimizationRun run(UUID runId) {
		return tx.execute(s -> runs.findById(runId).orElseThrow(() -> new NotFoundException("run " + runId)));
	}

	@PreAuthorize(ScenarioService.READ)
	public List<OptimizationRun> runsOf(UUID scenarioId) {
		return tx.execute(s -> runs.findByScenarioIdOrderByStartedAtDesc(scenarioId));
	}

	/** The latest finished run of a scenario, if any. */
	@PreAuthorize(ScenarioService.READ)
	public Optional<OptimizationRun> latestFinished(UUID scenarioId) {
		return tx.execute(s -> runs.findByScenarioIdOrderByStartedAtDesc(scenarioId).stream()
			.filter(r -> r.getResultJson() != null)
			.findFirst());
	}

	public static RunResult resultOf(OptimizationRun run) {
		return run.getResultJson() == null ? null : RunResult.fromJson(run.getResultJson());
	}

	/**
	 * An orderly shutdown stops the solver and marks what was still running as interrupted at once (a kill leaves
	 * that to {@link InterruptedRuns} on the next start or on another node).
	 */
	@PreDestroy
	void stop() {
		Set<UUID> ids = liveRuns();
		heartbeat.shutdownNow();
		live.values().forEach(l -> l.control().cancel());
		executor.shutdownNow();
		if (ids.isEmpty()) {
			return;
		}
		try {
			tx.executeWithoutResult(s -> runs.findAllById(ids).stream()
				.filter(OptimizationRun::isRunning)
				.forEach(r -> r.interrupt(Instant.now())));
		}
		catch (RuntimeException ex) {
			// the run finished with the cancelled solver's result meanwhile, or the database is gone already
			log.info("Optimisation runs {} not marked as interrupted on shutdown: {}", ids, ex.toString());
		}
	}
}
