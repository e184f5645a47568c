package de.leitstand.monitoring.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The report a project owes in a cycle: which version counts (the latest submitted), when it was first submitted
 * (for "late") and which reminders went out, so that each mail is sent once. Bookkeeping, not audited: the
 * reports themselves are.
 */
@Entity
@Table(name = "monitoring_slot")
public class ReportSlot {

	@Id
	private UUID id;

	@Column(name = "cycle_id", nullable = false)
	private UUID cycleId;

	@Column(name = "project_id", nullable = false)
	private UUID projectId;

	@Column(name = "project_key", nullable = false, length = 20)
	private String projectKey;

	@Column(name = "lead_unit_id", nullable = false)
	private UUID leadUnitId;

	@Column(name = "current_report_id")
	private UUID currentReportId;

	@Column(name = "first_submitted_at")
	private Instant firstSubmittedAt;

	@Column(name = "reminder_sent_at")
	private Instant reminderSentAt;

	@Column(name = "overdue_sent_at")
	private Instant overdueSentAt;

	@Version
	private Long version;

	protected ReportSlot() {
	}

	public ReportSlot(UUID cycleId, UUID projectId, String projectKey, UUID leadUnitId) {
		this.id = UUID.randomUUID();
		this.cycleId = cycleId;
		this.projectId = projectId;
		this.projectKey = projectKey;
		this.leadUnitId = leadUnitId;
	}

	void submitted(StatusReport report) {
		this.currentReportId = report.getId();
		if (firstSubmittedAt == null) {
			firstSubmittedAt = report.getSubmittedAt();
		}
	}

	void reminderSent(Instant at) {
		this.reminderSentAt = at;
	}

	void overdueSent(Instant at) {
		this.overdueSentAt = at;
	}

	public UUID getId() {
		return id;
	}

	public UUID getCycleId() {
		return cycleId;
	}

	public UUID getProjectId() {
		return projectId;
	}

	public String getProjectKey() {
		return projectKey;
	}

	public UUID getLeadUnitId() {
		return leadUnitId;
	}

	public UUID getCurrentReportId() {
		return currentReportId;
	}

	public Instant getFirstSubmittedAt() {
		return firstSubmittedAt;
	}

	public Instant getReminderSentAt() {
		return reminderSentAt;
	}

	public Instant getOverdueSentAt() {
		return overdueSentAt;
	}

	public Long getVersion() {
		return version;
	}
}
