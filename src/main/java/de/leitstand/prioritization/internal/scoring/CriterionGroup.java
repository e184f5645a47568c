package de.leitstand.prioritization.internal.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import org.hibernate.envers.Audited;

import de.leitstand.shared.audit.Labelled;

/** A group of criteria (e.g. "Dringlichkeit") belonging to one WiBe dimension. */
@Entity
@Table(name = "prio_criterion_group")
@Audited
public class CriterionGroup implements Labelled {

	@Id
	private UUID id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "model_id")
	private ScoringModel model;

	@Column(name = "sort_order", nullable = false)
	private int sortOrder;

	@Column(nullable = false, length = 200)
	private String name;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private Dimension dimension;

	@OneToMany(mappedBy = "group", cascade = CascadeType.ALL, orphanRemoval = true)
	private List<Criterion> criteria = new ArrayList<>();

	protected CriterionGroup() {
	}

	CriterionGroup(ScoringModel model, int sortOrder, String name, Dimension dimension) {
		this.id = UUID.randomUUID();
		this.model = model;
		this.sortOrder = sortOrder;
		this.name = name;
		this.dimension = dimension;
	}

	public Criterion addCriterion(String code, String criterionName, String description, BigDecimal weight,
			CriterionKind kind, Derivation derivation, Collection<ScaleLevel> levels) {
		model.requireDraft();
		int next = criteria.stream().mapToInt(Criterion::getSortOrder).max().orElse(0) + 1;
		Criterion c = new Criterion(this, next, code, criterionName, description, weight, kind,
				derivation, levels);
		criteria.add(c);
		model.touch();
		return c;
	}

	void remove(Criterion criterion) {
		model.requireDraft();
		criteria.remove(criterion);
	}

	@Override
	public String label() {
		return name;
	}

	public List<Criterion> getCriteria() {
		return criteria.stream().sorted(Comparator.comparingInt(Criterion::getSortOrder)).toList();
	}

	public UUID getId() {
		return id;
	}

	public ScoringModel getModel() {
		return model;
	}

	public int getSortOrder() {
		return sortOrder;
	}

	public String getName() {
		return name;
	}

	public Dimension getDimension() {
		return dimension;
	}
}
