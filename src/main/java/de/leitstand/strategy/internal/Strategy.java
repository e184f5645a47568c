package de.leitstand.strategy.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;

import de.leitstand.shared.RuleViolation;
import de.leitstand.shared.audit.Labelled;
import de.leitstand.strategy.StrategyStatus;

/**
 * One version of the strategy (e.g. "Digital MoveS – Fortschreibung 2025"): vision, mission, validity, and the
 * fields of action beneath it.
 */
@Entity
@Table(name = "strategy")
@Audited
public class Strategy implements Labelled {

	@Id
	private UUID id;

	@Column(nullable = false, length = 200)
	private String title;

	@Column(nullable = false, length = 500)
	private String vision;

	@Column(nullable = false, length = 2000)
	private String mission;

	@Column(name = "cross_cutting", length = 500)
	private String crossCutting;

	@Column(name = "valid_from", nullable = false)
	private LocalDate validFrom;

	@Column(name = "valid_to")
	private LocalDate validTo;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private StrategyStatus status = StrategyStatus.DRAFT;

	@Column(name = "example_data", nullable = false)
	private boolean exampleData;

	@Column(name = "copied_from_id")
	private UUID copiedFromId;

	@OneToMany(mappedBy = "strategy")
	@NotAudited
	private List<FieldOfAction> fields = new ArrayList<>();

	@Version
	private Long version;

	protected Strategy() {
	}

	public Strategy(String title, String vision, String mission, String crossCutting, LocalDate validFrom,
			LocalDate validTo, boolean exampleData) {
		this.id = UUID.randomUUID();
		this.exampleData = exampleData;
		describe(title, vision, mission, crossCutting, validFrom, validTo);
	}

	public void describe(String title, String vision, String mission, String crossCutting, LocalDate validFrom,
			LocalDate validTo) {
		requireEditable();
		this.title = title;
		this.vision = vision;
		this.mission = mission;
		this.crossCutting = crossCutting == null || crossCutting.isBlank() ? null : crossCutting;
		this.validFrom = validFrom;
		this.validTo = validTo;
	}

	/** A new draft for the next update, remembering where it came from. Fields and goals are copied by the service. */
	public Strategy copyAsDraft(String newTitle) {
		Strategy copy = new Strategy(newTitle, vision, mission, crossCutting, validFrom, validTo, exampleData);
		copy.copiedFromId = id;
		return copy;
	}

	void activate() {
		if (status != StrategyStatus.DRAFT) {
			throw new RuleViolation("strategy.error.activateOnlyDraft", null);
		}
		status = StrategyStatus.ACTIVE;
	}

	void archive() {
		status = StrategyStatus.ARCHIVED;
	}

	public void requireEditable() {
		if (status == StrategyStatus.ARCHIVED) {
			throw new RuleViolation("strategy.error.archived", null);
		}
	}

	public List<FieldOfAction> getFields() {
		return fields.stream().sorted(Comparator.comparingInt(FieldOfAction::getNumber)).toList();
	}

	@Override
	public String label() {
		return title;
	}

	public UUID getId() {
		return id;
	}

	public String getTitle() {
		return title;
	}

	public String getVision() {
		return vision;
	}

	public String getMission() {
		return mission;
	}

	public String getCrossCutting() {
		return crossCutting;
	}

	public LocalDate getValidFrom() {
		return validFrom;
	}

	public LocalDate getValidTo() {
		return validTo;
	}

	public StrategyStatus getStatus() {
		return status;
	}

	public boolean isExampleData() {
		return exampleData;
	}

	public UUID getCopiedFromId() {
		return copiedFromId;
	}

	/** Null until first saved (so Spring Data persists instead of merging); then the optimistic-lock version. */
	public Long getVersion() {
		return version;
	}
}
