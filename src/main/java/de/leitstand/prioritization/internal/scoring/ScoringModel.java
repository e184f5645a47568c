package de.leitstand.prioritization.internal.scoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
 * A versioned scoring model (Bewertungsmodell): criteria in groups with weights in percent. Only drafts change;
 * every change touches the model so that its version guards the whole aggregate against concurrent edits.
 */
@Entity
@Table(name = "prio_scoring_model")
@Audited
public class ScoringModel implements Labelled {

	@Id
	private UUID id;

	@Column(nullable = false, length = 200)
	private String name;

	@Column(name = "version_number", nullable = false)
	private int versionNumber;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private ModelStatus status = ModelStatus.DRAFT;

	@Column(name = "discount_rate", nullable = false, precision = 5, scale = 2)
	private BigDecimal discountRate;

	@Column(name = "example_data", nullable = false)
	private boolean exampleData;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@OneToMany(mappedBy = "model", cascade = CascadeType.ALL, orphanRemoval = true)
	private List<CriterionGroup> groups = new ArrayList<>();

	@Version
	private Long version;

	protected ScoringModel() {
	}

	public ScoringModel(String name, int versionNumber, BigDecimal discountRate, boolean exampleData) {
		this.id = UUID.randomUUID();
		this.name = name;
		this.versionNumber = versionNumber;
		this.discountRate = discountRate;
		this.exampleData = exampleData;
		this.updatedAt = Instant.now();
	}

	public CriterionGroup addGroup(String groupName, Dimension dimension) {
		requireDraft();
		int next = groups.stream().mapToInt(CriterionGroup::getSortOrder).max().orElse(0) + 1;
		CriterionGroup group = new CriterionGroup(this, next, groupName, dimension);
		groups.add(group);
		touch();
		return group;
	}

	/**
	 * Removes a criterion from this draft; a group left without criteria goes with it (an empty group could neither
	 * be rated nor weighted).
	 */
	public void removeCriterion(UUID criterionId) {
		requireDraft();
		Criterion criterion = criterion(criterionId);
		CriterionGroup group = criterion.getGroup();
		group.remove(criterion);
		if (group.getCriteria().isEmpty()) {
			groups.remove(group);
		}
		touch();
	}

	public CriterionGroup group(UUID groupId) {
		return groups.stream().filter(g -> g.getId().equals(groupId)).findFirst()
			.orElseThrow(() -> new de.leitstand.shared.NotFoundException("criterion group " + groupId));
	}

	/** Whether a criterion of this model already carries the code (codes name criteria in the API and exports). */
	public boolean hasCode(String code) {
		return criteria().stream().anyMatch(c -> c.getCode().equalsIgnoreCase(code));
	}

	public void describe(String newName, BigDecimal newRate) {
		requireDraft();
		this.name = newName;
		this.discountRate = newRate;
		touch();
	}

	public void requireDraft() {
		if (status != ModelStatus.DRAFT) {
			throw new RuleViolation("scoring.error.notDraft", null);
		}
	}

	void touch() {
		updatedAt = Instant.now();
	}

	void activate() {
		requireDraft();
		status = ModelStatus.ACTIVE;
		touch();
	}

	void archive() {
		status = ModelStatus.ARCHIVED;
		touch();
	}

	/** A new draft with the same groups, criteria, weights and scales. */
	ScoringModel copyAsDraft(int newVersionNumber) {
		ScoringModel copy = new ScoringModel(name, newVersionNumber, discountRate, exampleData);
		for (CriterionGroup g : getGroups()) {
			CriterionGroup cg = copy.addGroup(g.getName(), g.getDimension());
			for (Criterion c : g.getCriteria()) {
				cg.addCriterion(c.getCode(), c.getName(), c.getDescription(), c.getWeight(), c.getKind(),
						c.getDerivation(), c.getLevels());
			}
		}
		return copy;
	}

	public List<CriterionGroup> getGroups() {
		return groups.stream().sorted(Comparator.comparingInt(CriterionGroup::getSortOrder)).toList();
	}

	/** All criteria in display order. */
	public List<Criterion> criteria() {
		return getGroups().stream().flatMap(g -> g.getCriteria().stream()).toList();
	}

	public BigDecimal weightSum() {
		return criteria().stream().map(Criterion::getWeight).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	public Criterion criterion(UUID criterionId) {
		return criteria().stream().filter(c -> c.getId().equals(criterionId)).findFirst()
			.orElseThrow(() -> new de.leitstand.shared.NotFoundException("criterion " + criterionId));
	}

	@Override
	public String label() {
		return name + " (Version " + versionNumber + ")";
	}

	public UUID getId() {
		return id;
	}

	public String getName() {
		return name;
	}

	public int getVersionNumber() {
		return versionNumber;
	}

	public ModelStatus getStatus() {
		return status;
	}

	public BigDecimal getDiscountRate() {
		return discountRate;
	}

	public boolean isExampleData() {
		return exampleData;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}

	/** Null until first saved (so Spring Data persists instead of merging); then the optimistic-lock version. */
	public Long getVersion() {
		return version;
	}
}
