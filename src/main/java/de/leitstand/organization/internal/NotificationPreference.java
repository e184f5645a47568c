package de.leitstand.organization.internal;

import java.io.Serializable;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import de.leitstand.organization.NotificationKind;

/** A user's choice for one kind of e-mail. No row means the user gets it. */
@Entity
@Table(name = "notification_preference")
@IdClass(NotificationPreference.Key.class)
public class NotificationPreference {

	@Id
	@Column(name = "user_id")
	private UUID userId;

	@Id
	@Enumerated(EnumType.STRING)
	@Column(length = 20)
	private NotificationKind kind;

	@Column(nullable = false)
	private boolean enabled;

	protected NotificationPreference() {
	}

	public NotificationPreference(UUID userId, NotificationKind kind, boolean enabled) {
		this.userId = userId;
		this.kind = kind;
		this.enabled = enabled;
	}

	public UUID getUserId() {
		return userId;
	}

	public NotificationKind getKind() {
		return kind;
	}

	public boolean isEnabled() {
		return enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	/** Composite key: user and kind. */
	public static class Key implements Serializable {

		private UUID userId;
		private NotificationKind kind;

		public Key() {
		}

		public Key(UUID userId, NotificationKind kind) {
			this.userId = userId;
			this.kind = kind;
		}

		@Override
		public boolean equals(Object o) {
			return o instanceof Key k && java.util.Objects.equals(k.userId, userId) && k.kind == kind;
		}

		@Override
		public int hashCode() {
			return java.util.Objects.hash(userId, kind);
		}
	}
}
