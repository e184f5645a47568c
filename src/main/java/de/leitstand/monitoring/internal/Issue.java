package de.leitstand.monitoring.internal;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.envers.Audited;

/** An open issue (offener Punkt) of a project: title, owner, due date, open or closed. */
@Entity
@Table(name = "monitoring_issue")
@Audited
public class Issue {

	@Id
	private UUID id;

	@Column(name = "project_id", nullable = false)
	private UUID projectId;

	@Column(nullable = false, length = 300)
	private String title;

	@Column(nullable = false, length = 200)
	private String owner;

	@Column(name = "due_date")
	private LocalDate due;

	@Column(name = "open_issue", nullable = false)
	private boolean open = true;

	@Version
	private Long version;

	protected Issue() {
	}

	public Issue(UUID projectId, String title, String owner, LocalDate due) {
		this.id = UUID.randomUUID();
		this.projectId = projectId;
		this.title = title.strip();
		this.owner = owner.strip();
		this.due = due;
	}

	void close() {
		this.open = false;
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

	public String getOwner() {
		return owner;
	}

	public LocalDate getDue() {
		return due;
	}

	public boolean isOpen() {
		return open;
	}

	public Long getVersion() {
		return version;
	}
}
