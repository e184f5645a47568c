package de.leitstand.prioritization.internal.scoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.envers.Audited;

import de.leitstand.shared.RuleViolation;
import de.leitstand.shared.audit.Labelled;

/**
 * One evaluator's assessment of one proposal under one scoring model: ratings saved as a draft, then submitted and
 * frozen for the evaluator.
 */
@Entity
@Table(name = "prio_assessment")
@Audited
public class Assessment implements Labelled {

	@Id
	private UUID id;

	@Column(name = "model_id", nullable = false)
	private UUID modelId;

	@Column(name = "project_id", nullable = false)
	private UUID projectId;

	@Column(name = "evaluator_username", nullable = false, length = 60)
	private String evaluatorUsername;

	@Column(name = "evaluator_name", nullable = false, length = 200)
	private String evaluatorName;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private AssessmentStatus status = AssessmentStatus.ASSIGNED;

	@Column(name = "assigned_by", nullable = false, length = 100)
	private String assignedBy;

	@Column(name = "assigned_at", nullable = false)
	private Instant assignedAt;

	@Column(name = "submitted_at")
	private Instant submittedAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Column(name = "example_data", nullable = false)
	private boolean exampleData;

	@OneToMany(mappedBy = "assessment", cascade = CascadeType.ALL, orphanRemoval = true)
	private List<Rating> ratings = new ArrayList<>();

	@Version
	private Long version;

	protected Assessment() {
	}

	public Assessment(UUID modelId, UUID projectId, String evaluatorUsername, String evaluatorName,
			String assignedBy, boolean exampleData) {
		this.id = UUID.randomUUID();
		this.modelId = modelId;
		this.projectId = projectId;
		this.evaluatorUsername = evaluatorUsername;
		this.evaluatorName = evaluatorName;
		this.assignedBy = assignedBy;
		this.assignedAt = Instant.now();
		this.updatedAt = assignedAt;
		this.exampleData = exampleData;
	}

	void rate(UUID criterionId, int level, String justification) {
		if (status == AssessmentStatus.SUBMITTED) {
			throw new RuleViolation("assessment.error.submitted", null);
		}
		updatedAt = Instant.now();
		Optional<Rating> existing = rating(criterionId);
		if (existing.isPresent()) {
			existing.get().change(level, justification);
		}
		else {
			ratings.add(new Rating(this, criterionId, level, justification));
		}
	}

	void submit() {
		if (status == AssessmentStatus.SUBMITTED) {
			throw new RuleViolation("assessment.error.submitted", null);
		}
		status = AssessmentStatus.SUBMITTED;
		submittedAt = Instant.now();
	}

	public Optional<Rating> rating(UUID criterionId) {
		return ratings.stream().filter(r -> r.getCriterionId().equals(criterionId)).findFirst();
	}

	public boolean isSubmitted() {
		return status == AssessmentStatus.SUBMITTED;
	}

	@Override
	public String label() {
		return "Bewertung " + evaluatorName;
	}

	public List<Rating> getRatings() {
		return List.copyOf(ratings);
	}

	public UUID getId() {
		return id;
	}

	public UUID getModelId() {
		return modelId;
	}

	public UUID getProjectId() {
		return projectId;
	}

	public String getEvaluatorUsername() {
		return evaluatorUsername;
	}

	public String getEvaluatorName() {
		return evaluatorName;
	}

	public AssessmentStatus getStatus() {
		return status;
	}

	public String getAssignedBy() {
		return assignedBy;
	}

	public Instant getAssignedAt() {
		return assignedAt;
	}

	public Instant getSubmittedAt() {
		return submittedAt;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}

	public boolean isExampleData() {
		return exampleData;
	}

	public Long getVersion() {
		return version;
	}
}
