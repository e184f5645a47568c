package de.leitstand.prioritization.internal.scoring;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.envers.Audited;

import de.leitstand.shared.audit.Labelled;

/** One evaluator's level for one criterion, with the justification the model demands. */
@Entity
@Table(name = "prio_rating")
@Audited
public class Rating implements Labelled {

	@Id
	private UUID id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "assessment_id")
	private Assessment assessment;

	@Column(name = "criterion_id", nullable = false)
	private UUID criterionId;

	@Column(name = "level_value", nullable = false)
	private int level;

	@Column(nullable = false, length = 2000)
	private String justification;

	protected Rating() {
	}

	Rating(Assessment assessment, UUID criterionId, int level, String justification) {
		this.id = UUID.randomUUID();
		this.assessment = assessment;
		this.criterionId = criterionId;
		change(level, justification);
	}

	void change(int newLevel, String newJustification) {
		this.level = newLevel;
		this.justification = newJustification;
	}

	@Override
	public String label() {
		return "Bewertung " + level;
	}

	public UUID getId() {
		return id;
	}

	public Assessment getAssessment() {
		return assessment;
	}

	public UUID getCriterionId() {
		return criterionId;
	}

	public int getLevel() {
		return level;
	}

	public String getJustification() {
		return justification;
	}
}
