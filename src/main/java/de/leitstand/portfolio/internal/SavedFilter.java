package de.leitstand.portfolio.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A portfolio filter a user saved under a name; it is the query string of the list page. */
@Entity
@Table(name = "portfolio_saved_filter")
public class SavedFilter {

	@Id
	private UUID id;

	@Column(nullable = false, length = 100)
	private String owner;

	@Column(nullable = false, length = 100)
	private String name;

	@Column(nullable = false, length = 2000)
	private String query;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	protected SavedFilter() {
	}

	public SavedFilter(String owner, String name, String query, Instant createdAt) {
		this.id = UUID.randomUUID();
		this.owner = owner;
		this.name = name;
		this.query = query;
		this.createdAt = createdAt;
	}

	public UUID getId() {
		return id;
	}

	public String getOwner() {
		return owner;
	}

	public String getName() {
		return name;
	}

	public String getQuery() {
		return query;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}
}
