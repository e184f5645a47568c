package de.leitstand.prioritization.internal.board;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The head of the decision chain, stored apart from the chained rows (one row, id 1): the number of sealed
 * decisions and the hash of the newest. The chain itself proves that no entry was changed; the head proves that none
 * was cut off at the end.
 */
@Entity
@Table(name = "board_chain_head")
public class ChainHead {

	static final int ID = 1;

	@Id
	private Integer id;

	@Column(nullable = false)
	private long entries;

	@Column(name = "head_hash", nullable = false, length = 64)
	private String headHash;

	@Column(name = "sealed_at")
	private Instant sealedAt;

	@Version
	private Long version;

	protected ChainHead() {
	}

	ChainHead(long entries, String headHash, Instant sealedAt) {
		this.id = ID;
		this.entries = entries;
		this.headHash = headHash;
		this.sealedAt = sealedAt;
	}

	void advance(long newEntries, String newHash, Instant at) {
		this.entries = newEntries;
		this.headHash = newHash;
		this.sealedAt = at;
	}

	public long getEntries() {
		return entries;
	}

	public String getHeadHash() {
		return headHash;
	}

	public Instant getSealedAt() {
		return sealedAt;
	}

	/** Null until first saved; then the optimistic-lock version. */
	public Long getVersion() {
		return version;
	}
}
