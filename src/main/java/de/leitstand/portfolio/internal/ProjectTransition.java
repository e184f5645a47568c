package de.leitstand.portfolio.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import de.leitstand.portfolio.ProjectStatus;

/** One lifecycle step taken: who, when, from where to where, and why. Never changed once written. */
@Entity
@Table(name = "portfolio_transition")
public class ProjectTransition {

	@Id
	private UUID id;

	@Column(name = "project_id", nullable = false)
	private UUID projectId;

	@Enumerated(EnumType.STRING)
	@Column(name = "from_status", nullable = false, length = 20)
	private ProjectStatus from;

	@Enumerated(EnumType.STRING)
	@Column(name = "to_status", nullable = false, length = 20)
	private ProjectStatus to;

	@Column(name = "changed_at", nullable = false)
	private Instant at;

	@Column(name = "changed_by", nullable = false, length = 100)
	private String by;

	@Column(length = 2000)
	private String comment;

	protected ProjectTransition() {
	}

	ProjectTransition(UUID projectId, ProjectStatus from, ProjectStatus to, Instant at, String by, String comment) {
		this.id = UUID.randomUUID();
		this.projectId = projectId;
		this.from = from;
		this.to = to;
		this.at = at;
		this.by = by;
		this.comment = comment == null || comment.isBlank() ? null : comment.trim();
	}

	public UUID getId() {
		return id;
	}

	public UUID getProjectId() {
		return projectId;
	}

	public ProjectStatus getFrom() {
		return from;
	}

	public ProjectStatus getTo() {
		return to;
	}

	public Instant getAt() {
		return at;
	}

	public String getBy() {
		return by;
	}

	public String getComment() {
		return comment;
	}
}
