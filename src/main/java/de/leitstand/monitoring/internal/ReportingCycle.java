package de.leitstand.monitoring.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.envers.Audited;

/** A reporting cycle (Berichtszyklus): every project in implementation reports once per cycle by its due date. */
@Entity
@Table(name = "monitoring_cycle")
@Audited
public class ReportingCycle {

	public enum Cadence {
		MONTHLY, QUARTERLY
	}

	@Id
	private UUID id;

	@Column(nullable = false, length = 100)
	private String label;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private Cadence cadence;

	@Column(name = "period_end", nullable = false)
	private LocalDate periodEnd;

	@Column(name = "due_date", nullable = false)
	private LocalDate dueDate;

	@Column(nullable = false)
	private boolean closed;

	@Column(name = "opened_by", nullable = false, length = 100)
	private String openedBy;

	@Column(name = "opened_at", nullable = false)
	private Instant openedAt;

	@Column(name = "example_data", nullable = false)
	private boolean exampleData;

	@Version
	private Long version;

	protected ReportingCycle() {
	}

	public ReportingCycle(String label, Cadence cadence, LocalDate periodEnd, LocalDate dueDate, String openedBy,
			Instant openedAt, boolean exampleData) {
		this.id = UUID.randomUUID();
		this.label = label;
		this.cadence = cadence;
		this.periodEnd = periodEnd;
		this.dueDate = dueDate;
		this.openedBy = openedBy;
		this.openedAt = openedAt;
		this.exampleData = exampleData;
	}

	void close() {
		this.closed = true;
	}

	public UUID getId() {
		return id;
	}

	public String getLabel() {
		return label;
	}

	public Cadence getCadence() {
		return cadence;
	}

	public LocalDate getPeriodEnd() {
		return periodEnd;
	}

	public LocalDate getDueDate() {
		return dueDate;
	}

	public boolean isClosed() {
		return closed;
	}

	public String getOpenedBy() {
		return openedBy;
	}

	public Instant getOpenedAt() {
		return openedAt;
	}

	public boolean isExampleData() {
		return exampleData;
	}

	public Long getVersion() {
		return version;
	}
}
