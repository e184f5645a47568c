package de.leitstand.prioritization.internal.scoring;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.envers.Audited;

import de.leitstand.shared.audit.Labelled;

/**
 * A criterion with its weight in percent: rated by evaluators on a scale 0 … n (a description per level) or derived
 * from the project's data.
 */
@Entity
@Table(name = "prio_criterion")
@Audited
public class Criterion implements Labelled {

	@Id
	private UUID id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "group_id")
	private CriterionGroup group;

	@Column(name = "sort_order", nullable = false)
	private int sortOrder;

	@Column(nullable = false, length = 20)
	private String code;

	@Column(nullable = false, length = 200)
	private String name;

	@Column(length = 2000)
	private String description;

	@Column(nullable = false, precision = 5, scale = 2)
	private BigDecimal weight;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 10)
	private CriterionKind kind;

	@Enumerated(EnumType.STRING)
	@Column(length = 20)
	private Derivation derivation;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "prio_criterion_level", joinColumns = @JoinColumn(name = "criterion_id"))
	private Set<ScaleLevel> levels = new LinkedHashSet<>();

	protected Criterion() {
	}

	Criterion(CriterionGroup group, int sortOrder, String code, String name, String description, BigDecimal weight,
			CriterionKind kind, Derivation derivation, Collection<ScaleLevel> levels) {
		this.id = UUID.randomUUID();
		this.group = group;
		this.sortOrder = sortOrder;
		this.code = code;
		this.kind = kind;
		this.derivation = kind == CriterionKind.DERIVED ? derivation : null;
		this.weight = weight;
		describe(name, description, levels);
	}

	void describe(String newName, String newDescription, Collection<ScaleLevel> newLevels) {
		this.name = newName;
		this.description = newDescription == null || newDescription.isBlank() ? null : newDescription;
		this.levels.clear();
		if (kind == CriterionKind.RATED && newLevels != null) {
			for (ScaleLevel l : newLevels) {
				this.levels.add(new ScaleLevel(l.getValue(), l.getDescription()));
			}
		}
	}

	/** Rated, or derived by the given rule (the scale is set by the next {@link #describe}). */
	void reclassify(CriterionKind newKind, Derivation newDerivation) {
		this.kind = newKind;
		this.derivation = newKind == CriterionKind.DERIVED ? newDerivation : null;
	}

	void weigh(BigDecimal newWeight) {
		this.weight = newWeight;
	}

	/** The highest level of the scale (the scale runs from 0). */
	public int maxLevel() {
		return levels.stream().mapToInt(ScaleLevel::getValue).max().orElse(0);
	}

	public boolean isRated() {
		return kind == CriterionKind.RATED;
	}

	@Override
	public String label() {
		return code + " " + name;
	}

	public List<ScaleLevel> getLevels() {
		return levels.stream().sorted(Comparator.comparingInt(ScaleLevel::getValue)).toList();
	}

	public UUID getId() {
		return id;
	}

	public CriterionGroup getGroup() {
		return group;
	}

	public int getSortOrder() {
		return sortOrder;
	}

	public String getCode() {
		return code;
	}

	public String getName() {
		return name;
	}

	public String getDescription() {
		return description;
	}

	public BigDecimal getWeight() {
		return weight;
	}

	public CriterionKind getKind() {
		return kind;
	}

	public Derivation getDerivation() {
		return derivation;
	}
}
