package de.leitstand.strategy.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.envers.Audited;

import de.leitstand.shared.RuleViolation;
import de.leitstand.shared.audit.Labelled;
import de.leitstand.strategy.KpiDirection;

/** A KPI (Kennzahl) of a strategic goal: from a baseline to a target value by a target date. */
@Entity
@Table(name = "strategy_kpi")
@Audited
public class Kpi implements Labelled {

	@Id
	private UUID id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "goal_id")
	private StrategicGoal goal;

	@Column(nullable = false, length = 300)
	private String name;

	@Column(nullable = false, length = 40)
	private String unit;

	@Column(name = "baseline_value", nullable = false, precision = 19, scale = 4)
	private BigDecimal baselineValue;

	@Column(name = "baseline_date", nullable = false)
	private LocalDate baselineDate;

	@Column(name = "target_value", nullable = false, precision = 19, scale = 4)
	private BigDecimal targetValue;

	@Column(name = "target_date", nullable = false)
	private LocalDate targetDate;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private KpiDirection direction;

	@Version
	private Long version;

	protected Kpi() {
	}

	public Kpi(StrategicGoal goal, String name, String unit, BigDecimal baselineValue, LocalDate baselineDate,
			BigDecimal targetValue, LocalDate targetDate, KpiDirection direction) {
		this.id = UUID.randomUUID();
		this.goal = goal;
		define(name, unit, baselineValue, baselineDate, targetValue, targetDate, direction);
	}

	public void define(String name, String unit, BigDecimal baselineValue, LocalDate baselineDate,
			BigDecimal targetValue, LocalDate targetDate, KpiDirection direction) {
		if (!targetDate.isAfter(baselineDate)) {
			throw new RuleViolation("kpi.error.targetBeforeBaseline", "targetDate");
		}
		this.name = name;
		this.unit = unit;
		this.baselineValue = baselineValue;
		this.baselineDate = baselineDate;
		this.targetValue = targetValue;
		this.targetDate = targetDate;
		this.direction = direction;
	}

	@Override
	public String label() {
		return name;
	}

	public UUID getId() {
		return id;
	}

	public StrategicGoal getGoal() {
		return goal;
	}

	public String getName() {
		return name;
	}

	public String getUnit() {
		return unit;
	}

	public BigDecimal getBaselineValue() {
		return baselineValue;
	}

	public LocalDate getBaselineDate() {
		return baselineDate;
	}

	public BigDecimal getTargetValue() {
		return targetValue;
	}

	public LocalDate getTargetDate() {
		return targetDate;
	}

	public KpiDirection getDirection() {
		return direction;
	}

	/** Null until first saved (so Spring Data persists instead of merging); then the optimistic-lock version. */
	public Long getVersion() {
		return version;
	}
}
