package de.leitstand.prioritization.internal.scenario;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.envers.Audited;
import org.hibernate.type.SqlTypes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One optimisation of a scenario: who started it, when, and what it found (as JSON, see RunResult). */
@Entity
@Table(name = "prioritization_optimization_run")
@Audited
public class OptimizationRun {

	public enum State {
		RUNNING, OPTIMAL, FEASIBLE, INFEASIBLE, UNKNOWN, FAILED
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

	@Version
	private Long version;

	protected OptimizationRun() {
	}

	OptimizationRun(UUID scenarioId, String startedBy) {
		this.id = UUID.randomUUID();
		this.scenarioId = scenarioId;
		this.status = State.RUNNING;
		this.startedBy = startedBy;
		this.startedAt = Instant.now();
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

	public String getResultJson() {
		return resultJson;
	}

	public Long getVersion() {
		return version;
	}
}
