package de.leitstand.monitoring.internal;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.envers.Audited;

/** A project risk: probability 1–5 times impact 1–5, with an owner and a mitigation. */
@Entity
@Table(name = "monitoring_risk")
@Audited
public class Risk {

	public enum Status {
		OPEN, CLOSED
	}

	@Id
	private UUID id;

	@Column(name = "project_id", nullable = false)
	private UUID projectId;

	@Column(nullable = false, length = 300)
	private String title;

	@Column(nullable = false)
	private int probability;

	@Column(nullable = false)
	private int impact;

	@Column(nullable = false, length = 200)
	private String owner;

	@Column(length = 4000)
	private String mitigation;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private Status status = Status.OPEN;

	@Version
	private Long version;

	protected Risk() {
	}

	public Risk(UUID projectId, String title, int probability, int impact, String owner, String mitigation) {
		this.id = UUID.randomUUID();
		this.projectId = projectId;
		this.title = title.strip();
		this.probability = probability;
		this.impact = impact;
		this.owner = owner.strip();
		this.mitigation = mitigation == null || mitigation.isBlank() ? null : mitigation.strip();
	}

	void close() {
		this.status = Status.CLOSED;
	}

	public int score() {
		return probability * impact;
	}

	public UUID getId() {
		return id;
	}

	public UUID getProjectId() {
		return projectId;
	}

	public String getTitle() {
		return title;
	}

	public int getProbability() {
		return probability;
	}

	public int getImpact() {
		return impact;
	}

	public String getOwner() {
		return owner;
	}

	public String getMitigation() {
		return mitigation;
	}

	public Status getStatus() {
		return status;
	}

	public Long getVersion() {
		return version;
	}
}
