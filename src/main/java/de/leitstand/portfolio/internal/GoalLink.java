package de.leitstand.portfolio.internal;

import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import de.leitstand.portfolio.Contribution;

/**
 * A project's contribution to a strategic goal. The goal's field of action is kept with the link so that the
 * portfolio can be filtered by field without asking the strategy module for every row.
 */
@Embeddable
public class GoalLink {

	@Column(name = "goal_id", nullable = false)
	private UUID goalId;

	@Column(name = "field_id", nullable = false)
	private UUID fieldId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 10)
	private Contribution contribution;

	protected GoalLink() {
	}

	public GoalLink(UUID goalId, UUID fieldId, Contribution contribution) {
		this.goalId = goalId;
		this.fieldId = fieldId;
		this.contribution = contribution;
	}

	public UUID goalId() {
		return goalId;
	}

	public UUID fieldId() {
		return fieldId;
	}

	public Contribution contribution() {
		return contribution;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof GoalLink g && g.goalId.equals(goalId) && g.fieldId.equals(fieldId)
				&& g.contribution == contribution;
	}

	@Override
	public int hashCode() {
		return Objects.hash(goalId, fieldId, contribution);
	}

	@Override
	public String toString() {
		return goalId + " (" + contribution + ")";
	}
}
