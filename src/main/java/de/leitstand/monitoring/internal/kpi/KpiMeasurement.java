package de.leitstand.monitoring.internal.kpi;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.envers.Audited;

/** A measured value (Messwert) of a strategic goal's KPI on a day, in the KPI's unit. */
@Entity
@Table(name = "monitoring_kpi_measurement")
@Audited
public class KpiMeasurement {

	@Id
	private UUID id;

	@Column(name = "kpi_id", nullable = false)
	private UUID kpiId;

	@Column(name = "measured_on", nullable = false)
	private LocalDate measuredOn;

	@Column(name = "measured", nullable = false, precision = 19, scale = 4)
	private BigDecimal value;

	@Column(nullable = false, length = 40)
	private String unit;

	@Column(length = 500)
	private String source;

	@Column(name = "entered_by", nullable = false, length = 100)
	private String enteredBy;

	@Column(name = "entered_at", nullable = false)
	private Instant enteredAt;

	@Column(name = "example_data", nullable = false)
	private boolean exampleData;

	@Version
	private Long version;

	protected KpiMeasurement() {
	}

	KpiMeasurement(UUID kpiId, LocalDate measuredOn, BigDecimal value, String unit, String source, String enteredBy,
			Instant enteredAt, boolean exampleData) {
		this.id = UUID.randomUUID();
		this.kpiId = kpiId;
		this.measuredOn = measuredOn;
		this.value = value;
		this.unit = unit;
		this.source = source;
		this.enteredBy = enteredBy;
		this.enteredAt = enteredAt;
		this.exampleData = exampleData;
	}

	/** A correction of the value as entered; who changed what is kept by the audit trail (Envers). */
	void change(LocalDate measuredOn, BigDecimal value, String unit, String source) {
		this.measuredOn = measuredOn;
		this.value = value;
		this.unit = unit;
		this.source = source;
	}

	public UUID getId() {
		return id;
	}

	public UUID getKpiId() {
		return kpiId;
	}

	public LocalDate getMeasuredOn() {
		return measuredOn;
	}

	public BigDecimal getValue() {
		return value;
	}

	public String getUnit() {
		return unit;
	}

	public String getSource() {
		return source;
	}

	public String getEnteredBy() {
		return enteredBy;
	}

	public Instant getEnteredAt() {
		return enteredAt;
	}

	public boolean isExampleData() {
		return exampleData;
	}

	public Long getVersion() {
		return version;
	}
}
