package de.leitstand.prioritization.internal.board;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.envers.Audited;

/**
 * One item of a meeting's agenda. A proposal names its project; a scenario keeps the scenario's id and title as text
 * (scenarios live elsewhere in the module and may change; the agenda records what was put before the board).
 */
@Entity
@Table(name = "board_agenda_item")
@Audited
public class AgendaItem {

	@Id
	private UUID id;

	@Column(name = "meeting_id", nullable = false)
	private UUID meetingId;

	@Column(nullable = false)
	private int position;

	@Enumerated(EnumType.STRING)
	@Column(name = "item_type", nullable = false, length = 20)
	private ItemType type;

	@Column(name = "project_id")
	private UUID projectId;

	@Column(name = "scenario_id")
	private UUID scenarioId;

	@Column(nullable = false, length = 300)
	private String title;

	@Column(length = 2000)
	private String note;

	@Version
	private Long version;

	protected AgendaItem() {
	}

	AgendaItem(UUID meetingId, int position, ItemType type, UUID projectId, UUID scenarioId, String title,
			String note) {
		this.id = UUID.randomUUID();
		this.meetingId = meetingId;
		this.position = position;
		this.type = type;
		this.projectId = projectId;
		this.scenarioId = scenarioId;
		this.title = title.trim();
		this.note = note == null || note.isBlank() ? null : note.trim();
	}

	public boolean isDecidable() {
		return type != ItemType.NOTE;
	}

	public UUID getId() {
		return id;
	}

	public UUID getMeetingId() {
		return meetingId;
	}

	public int getPosition() {
		return position;
	}

	public ItemType getType() {
		return type;
	}

	public UUID getProjectId() {
		return projectId;
	}

	public UUID getScenarioId() {
		return scenarioId;
	}

	public String getTitle() {
		return title;
	}

	public String getNote() {
		return note;
	}

	public Long getVersion() {
		return version;
	}
}
