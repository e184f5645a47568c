package de.leitstand.shared.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hibernate.envers.RevisionEntity;
import org.hibernate.envers.RevisionNumber;
import org.hibernate.envers.RevisionTimestamp;

/**
 * One audited change set: who changed what, when. Every business entity is {@code @Audited} against it.
 */
@Entity
@Table(name = "audit_revision")
@RevisionEntity(AuditRevisionListener.class)
public class AuditRevision {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_revision_seq")
	@SequenceGenerator(name = "audit_revision_seq", sequenceName = "audit_revision_seq", allocationSize = 1)
	@RevisionNumber
	private Long id;

	@RevisionTimestamp
	@Column(name = "revision_timestamp", nullable = false)
	private long timestamp;

	@Column(nullable = false, length = 100)
	private String username;

	public Long getId() {
		return id;
	}

	public Instant getInstant() {
		return Instant.ofEpochMilli(timestamp);
	}

	public String getUsername() {
		return username;
	}

	void setUsername(String username) {
		this.username = username;
	}
}
