package de.leitstand.prioritization.internal.board;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PreRemove;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import org.hibernate.envers.Audited;

/**
 * A decision of the board on one agenda item, with its rationale. When the meeting closes it is sealed into the
 * global hash chain ({@link DecisionChain}); from then on it never changes — a correction is a new decision that
 * names the one it corrects. The entity refuses any update or removal once sealed, whoever asks.
 */
@Entity
@Table(name = "board_decision")
@Audited
public class Decision {

	@Id
	private UUID id;

	@Column(name = "meeting_id", nullable = false)
	private UUID meetingId;

	@Column(name = "item_id", nullable = false)
	private UUID itemId;

	@Column(name = "project_id")
	private UUID projectId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 30)
	private Outcome outcome;

	@Column(nullable = false, length = 4000)
	private String rationale;

	@Column(length = 4000)
	private String conditions;

	@Column(name = "decided_by", nullable = false, length = 100)
	private String decidedBy;

	@Column(name = "decided_at", nullable = false)
	private Instant decidedAt;

	@Column(name = "corrects_id")
	private UUID correctsId;

	@Column(name = "chain_sequence")
	private Long chainSequence;

	@Column(name = "previous_hash", length = 64)
	private String previousHash;

	@Column(length = 64)
	private String hash;

	@Version
	private Long version;

	@Transient
	private boolean sealedWhenLoaded;

	protected Decision() {
	}

	Decision(UUID meetingId, UUID itemId, UUID projectId, Outcome outcome, String rationale, String conditions,
			String decidedBy, Instant decidedAt, UUID correctsId) {
		this.id = UUID.randomUUID();
		this.meetingId = meetingId;
		this.itemId = itemId;
		this.projectId = projectId;
		this.outcome = outcome;
		this.rationale = rationale.trim();
		this.conditions = conditions == null || conditions.isBlank() ? null : conditions.trim();
		this.decidedBy = decidedBy;
		this.decidedAt = decidedAt;
		this.correctsId = correctsId;
	}

	void seal(long sequence, String previousHash, String hash) {
		if (this.hash != null) {
			throw new IllegalStateException("decision " + id + " is already sealed");
		}
		this.chainSequence = sequence;
		this.previousHash = previousHash;
		this.hash = hash;
	}

	@PostLoad
	void remember() {
		sealedWhenLoaded = hash != null;
	}

	@PreUpdate
	@PreRemove
	void refuseChangeOnceSealed() {
		if (sealedWhenLoaded) {
			throw new IllegalStateException("decision " + id + " is sealed in the hash chain and cannot change");
		}
	}

	public boolean isSealed() {
		return hash != null;
	}

	public UUID getId() {
		return id;
	}

	public UUID getMeetingId() {
		return meetingId;
	}

	public UUID getItemId() {
		return itemId;
	}

	public UUID getProjectId() {
		return projectId;
	}

	public Outcome getOutcome() {
		return outcome;
	}

	public String getRationale() {
		return rationale;
	}

	public String getConditions() {
		return conditions;
	}

	public String getDecidedBy() {
		return decidedBy;
	}

	public Instant getDecidedAt() {
		return decidedAt;
	}

	public UUID getCorrectsId() {
		return correctsId;
	}

	public Long getChainSequence() {
		return chainSequence;
	}

	public String getPreviousHash() {
		return previousHash;
	}

	public String getHash() {
		return hash;
	}

	public Long getVersion() {
		return version;
	}
}
