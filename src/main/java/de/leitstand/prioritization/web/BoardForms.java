package de.leitstand.prioritization.web;

import java.time.LocalDateTime;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;

import de.leitstand.prioritization.internal.board.ItemType;
import de.leitstand.prioritization.internal.board.Outcome;

/** The board's forms; field names double as message keys {@code field.<name>}. */
final class BoardForms {

	private BoardForms() {
	}

	static class MeetingForm {

		private String meetingTitle;

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
		private LocalDateTime scheduledAt;

		private Integer durationMinutes = 120;

		private String location;

		public String getMeetingTitle() {
			return meetingTitle;
		}

		public void setMeetingTitle(String meetingTitle) {
			this.meetingTitle = meetingTitle;
		}

		public LocalDateTime getScheduledAt() {
			return scheduledAt;
		}

		public void setScheduledAt(LocalDateTime scheduledAt) {
			this.scheduledAt = scheduledAt;
		}

		public Integer getDurationMinutes() {
			return durationMinutes;
		}

		public void setDurationMinutes(Integer durationMinutes) {
			this.durationMinutes = durationMinutes;
		}

		public String getLocation() {
			return location;
		}

		public void setLocation(String location) {
			this.location = location;
		}
	}

	static class ItemForm {

		private ItemType itemType = ItemType.PROPOSAL;

		private UUID projectId;

		private UUID scenarioId;

		private String itemTitle;

		private String note;

		public ItemType getItemType() {
			return itemType;
		}

		public void setItemType(ItemType itemType) {
			this.itemType = itemType;
		}

		public UUID getProjectId() {
			return projectId;
		}

		public void setProjectId(UUID projectId) {
			this.projectId = projectId;
		}

		public UUID getScenarioId() {
			return scenarioId;
		}

		public void setScenarioId(UUID scenarioId) {
			this.scenarioId = scenarioId;
		}

		public String getItemTitle() {
			return itemTitle;
		}

		public void setItemTitle(String itemTitle) {
			this.itemTitle = itemTitle;
		}

		public String getNote() {
			return note;
		}

		public void setNote(String note) {
			this.note = note;
		}
	}

	static class DecisionForm {

		private UUID itemId;

		private Outcome outcome;

		private String rationale;

		private String conditions;

		private UUID correctsId;

		public UUID getItemId() {
			return itemId;
		}

		public void setItemId(UUID itemId) {
			this.itemId = itemId;
		}

		public Outcome getOutcome() {
			return outcome;
		}

		public void setOutcome(Outcome outcome) {
			this.outcome = outcome;
		}

		public String getRationale() {
			return rationale;
		}

		public void setRationale(String rationale) {
			this.rationale = rationale;
		}

		public String getConditions() {
			return conditions;
		}

		public void setConditions(String conditions) {
			this.conditions = conditions;
		}

		public UUID getCorrectsId() {
			return correctsId;
		}

		public void setCorrectsId(UUID correctsId) {
			this.correctsId = correctsId;
		}
	}

	/** The check value typed into the verification page. */
	static class AnchorForm {

		private String anchor;

		public String getAnchor() {
			return anchor;
		}

		public void setAnchor(String anchor) {
			this.anchor = anchor;
		}
	}
}
