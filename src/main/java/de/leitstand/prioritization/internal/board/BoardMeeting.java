package de.leitstand.prioritization.internal.board;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.envers.Audited;

/** A meeting of the Digitalisierungsboard: when, where, and how far it has got (planned, open, closed). */
@Entity
@Table(name = "board_meeting")
@Audited
public class BoardMeeting {

	@Id
	private UUID id;

	@Column(nullable = false, length = 300)
	private String title;

	@Column(name = "scheduled_at", nullable = false)
	private Instant scheduledAt;

	@Column(name = "duration_minutes", nullable = false)
	private int durationMinutes;

	@Column(nullable = false, length = 300)
	private String location;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private MeetingStatus status;

	@Column(name = "invited_at")
	private Instant invitedAt;

	@Column(name = "closed_at")
	private Instant closedAt;

	@Column(name = "closed_by", length = 100)
	private String closedBy;

	@Column(name = "example_data", nullable = false)
	private boolean exampleData;

	@Column(name = "created_by", nullable = false, length = 100)
	private String createdBy;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Version
	private Long version;

	protected BoardMeeting() {
	}

	BoardMeeting(String title, Instant scheduledAt, int durationMinutes, String location, boolean exampleData,
			String createdBy, Instant createdAt) {
		this.id = UUID.randomUUID();
		this.status = MeetingStatus.PLANNED;
		this.exampleData = exampleData;
		this.createdBy = createdBy;
		this.createdAt = createdAt;
		reschedule(title, scheduledAt, durationMinutes, location);
	}

	void reschedule(String title, Instant scheduledAt, int durationMinutes, String location) {
		this.title = title.trim();
		this.scheduledAt = scheduledAt;
		this.durationMinutes = durationMinutes;
		this.location = location.trim();
	}

	void open() {
		status = MeetingStatus.OPEN;
	}

	void close(String by, Instant at) {
		status = MeetingStatus.CLOSED;
		closedBy = by;
		closedAt = at;
	}

	void invited(Instant at) {
		invitedAt = at;
	}

	public boolean isClosed() {
		return status == MeetingStatus.CLOSED;
	}

	public UUID getId() {
		return id;
	}

	public String getTitle() {
		return title;
	}

	public Instant getScheduledAt() {
		return scheduledAt;
	}

	public Instant getEndsAt() {
		return scheduledAt.plusSeconds(durationMinutes * 60L);
	}

	public int getDurationMinutes() {
		return durationMinutes;
	}

	public String getLocation() {
		return location;
	}

	public MeetingStatus getStatus() {
		return status;
	}

	public Instant getInvitedAt() {
		return invitedAt;
	}

	public Instant getClosedAt() {
		return closedAt;
	}

	public String getClosedBy() {
		return closedBy;
	}

	public boolean isExampleData() {
		return exampleData;
	}

	public String getCreatedBy() {
		return createdBy;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public Long getVersion() {
		return version;
	}
}
