package de.leitstand.organization.internal;

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
import org.hibernate.envers.NotAudited;

import de.leitstand.shared.audit.Labelled;

/**
 * A personal API token of one user for scripts: only the SHA-256 hash of the secret is stored, so a leaked
 * database does not leak tokens; the token itself is shown once when it is created.
 */
@Entity
@Table(name = "api_token")
@Audited
public class ApiToken implements Labelled {

	/** What a token may do: READ only reads (GET/HEAD), WRITE does whatever its owner may do. */
	public enum Scope {
		READ, WRITE
	}

	@Id
	private UUID id;

	@Column(name = "owner_id", nullable = false)
	private UUID ownerId;

	@Column(nullable = false, length = 100)
	private String name;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 10)
	private Scope scope;

	@NotAudited
	@Column(name = "token_hash", nullable = false, length = 64)
	private String tokenHash;

	@Column(nullable = false, length = 20)
	private String prefix;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "expires_at", nullable = false)
	private Instant expiresAt;

	@Column(name = "revoked_at")
	private Instant revokedAt;

	@NotAudited
	@Column(name = "last_used_at")
	private Instant lastUsedAt;

	@Version
	private Long version;

	protected ApiToken() {
	}

	ApiToken(UUID ownerId, String name, Scope scope, String tokenHash, String prefix, Instant createdAt,
			Instant expiresAt) {
		this.id = UUID.randomUUID();
		this.ownerId = ownerId;
		this.name = name;
		this.scope = scope;
		this.tokenHash = tokenHash;
		this.prefix = prefix;
		this.createdAt = createdAt;
		this.expiresAt = expiresAt;
	}

	void revoke(Instant at) {
		if (revokedAt == null) {
			revokedAt = at;
		}
	}

	/** Neither revoked nor expired at the given time. */
	public boolean isActive(Instant now) {
		return revokedAt == null && now.isBefore(expiresAt);
	}

	@Override
	public String label() {
		return name + " (" + prefix + "…)";
	}

	public UUID getId() {
		return id;
	}

	public UUID getOwnerId() {
		return ownerId;
	}

	public String getName() {
		return name;
	}

	public Scope getScope() {
		return scope;
	}

	public String getPrefix() {
		return prefix;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public Instant getExpiresAt() {
		return expiresAt;
	}

	public Instant getRevokedAt() {
		return revokedAt;
	}

	public Instant getLastUsedAt() {
		return lastUsedAt;
	}

	/** Null until first saved (so Spring Data persists instead of merging); then the optimistic-lock version. */
	public Long getVersion() {
		return version;
	}
}
