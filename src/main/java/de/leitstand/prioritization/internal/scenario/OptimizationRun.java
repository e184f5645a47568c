package de.leitstand.prioritization.internal.scenario;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import org.hibernate.type.SqlTypes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One optimisation of a scenario: who started it, when, and what it found (as JSON, see RunResult). While it runs,
 * the node running it writes a heartbeat; a run whose heartbeat went stale (process killed, server restarted) is
 * {@link State#INTERRUPTED} and keeps no result.
 */
@Entity
@Table(name = "prioritization_optimization_run")
@Audited
public class OptimizationRun {

	public enum State {
		RUNNING, OPTIMAL, FEASIBLE, INFEASIBLE, UNKNOWN, FAILED,
		/** The process running it ended before the result was stored (kill, crash, restart); start it again. */
		INTERRUPTED
	}

	@Id
	private UUID id;

	@Column(name = "scenario_id", nullable = false)
	private UUID scenarioId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private State status;

	@Column(precision = 17, scale = 2)
	private BigDecimal objective;

	@Column(name = "started_by", nullable = false, length = 100)
	private String startedBy;

	@Column(name = "started_at", nullable = false)
	private Instant startedAt;

	@Column(name = "finished_at")
	private Instant finishedAt;

	// a large varchar on both H2 and PostgreSQL (no CLOB, no JSON type: portable and readable by reports)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(name = "result_json", length = 10_000_000)
	private String resultJson;

	// written by a bulk update every few seconds while the run is running: no version, no audit revision
	@NotAudited
	@Column(name = "heartbeat_at")
	private Instant heartbeatAt;

	@NotAudited
	@Column(name = "instance_id", length = 100)
	private String instanceId;

	@Version
	private Long version;

	protected OptimizationRun() {
	}

	OptimizationRun(UUID scenarioId, String startedBy, String instanceId) {
		this.id = UUID.randomUUID();
		this.scenarioId = scenarioId;
		this.status = State.RUNNING;
		this.startedBy = startedBy;
		this.startedAt = Instant.now();
		this.heartbeatAt = this.startedAt;
		this.instanceId = instanceId;
	}

	boolean isRunning() {
		return status == State.RUNNING;
	}

	/** Marks a run whose process is gone: no result, so nothing half-computed is ever shown. */
	void interrupt(Instant now) {
		this.status = State.INTERRUPTED;
		this.objective = null;
		this.resultJson = null;
		this.finishedAt = now;
	}

	void finish(State status, BigDecimal objective, String resultJson) {
		this.status = status;
		this.objective = objective;
		this.resultJson = resultJson;
		this.finishedAt = Instant.now();
	}

	public UUID getId() {
		return id;
	}

	public UUID getScenarioId() {
		return scenarioId;
	}

	public State getStatus() {
		return status;
	}

	public BigDecimal getObjective() {
		return objective;
	}

	public String getStartedBy() {
		return startedBy;
	}

	public Instant getStartedAt() {
		return startedAt;
	}

	public Instant getFinishedAt() {
		return finishedAt;
	}

	public Instant getHeartbeatAt() {
		return heartbeatAt;
	}

	public String getInstanceId() {
		return instanceId;
	}

	public String getResultJson() {
		return resultJson;
	}

	public Long getVersion() {
		return version;
	}
}
