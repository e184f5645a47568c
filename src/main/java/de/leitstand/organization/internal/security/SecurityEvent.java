package de.leitstand.organization.internal.security;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import de.leitstand.organization.SecurityEvents.SecurityEventType;

/** One entry of the security event log; never changed after it is written. */
@Entity
@Table(name = "security_event")
public class SecurityEvent {

	@Id
	private UUID id;

	@Column(name = "occurred_at", nullable = false)
	private Instant occurredAt;

	@Enumerated(EnumType.STRING)
	@Column(name = "event_type", nullable = false, length = 30)
	private SecurityEventType type;

	@Column(length = 200)
	private String username;

	@Column(length = 60)
	private String ip;

	@Column(length = 500)
	private String detail;

	protected SecurityEvent() {
	}

	SecurityEvent(Instant occurredAt, SecurityEventType type, String username, String ip, String detail) {
		this.id = UUID.randomUUID();
		this.occurredAt = occurredAt;
		this.type = type;
		this.username = cut(username, 200);
		this.ip = cut(ip, 60);
		this.detail = cut(detail, 500);
	}

	private static String cut(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}

	public UUID getId() {
		return id;
	}

	public Instant getOccurredAt() {
		return occurredAt;
	}

	public SecurityEventType getType() {
		return type;
	}

	public String getUsername() {
		return username;
	}

	public String getIp() {
		return ip;
	}

	public String getDetail() {
		return detail;
	}
}
