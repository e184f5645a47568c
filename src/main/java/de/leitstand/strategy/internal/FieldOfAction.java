package de.leitstand.strategy.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;

import de.leitstand.shared.audit.Labelled;

/** A field of action (Handlungsfeld): a pillar of the strategy house. */
@Entity
@Table(name = "strategy_field")
@Audited
public class FieldOfAction implements Labelled {

	@Id
	private UUID id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "strategy_id")
	private Strategy strategy;

	@Column(nullable = false)
	private int number;

	@Column(nullable = false, length = 200)
	private String name;

	@Column(length = 2000)
	private String description;

	@OneToMany(mappedBy = "field")
	@NotAudited
	private List<StrategicGoal> goals = new ArrayList<>();

	@OneToMany(mappedBy = "field")
	@NotAudited
	private List<MeasureBundle> bundles = new ArrayList<>();

	@Version
	private Long version;

	protected FieldOfAction() {
	}

	public FieldOfAction(Strategy strategy, int number, String name, String description) {
		this.id = UUID.randomUUID();
		this.strategy = strategy;
		describe(number, name, description);
	}

	public void describe(int number, String name, String description) {
		this.number = number;
		this.name = name;
		this.description = description == null || description.isBlank() ? null : description;
	}

	public List<StrategicGoal> getGoals() {
		return goals.stream().sorted(Comparator.comparing(StrategicGoal::getCode)).toList();
	}

	public List<MeasureBundle> getBundles() {
		return bundles.stream().sorted(Comparator.comparing(MeasureBundle::getCode)).toList();
	}

	@Override
	public String label() {
		return number + " " + name;
	}

	public UUID getId() {
		return id;
	}

	public Strategy getStrategy() {
		return strategy;
	}

	public int getNumber() {
		return number;
	}

	public String getName() {
		return name;
	}

	public String getDescription() {
		return description;
	}

	/** Null until first saved (so Spring Data persists instead of merging); then the optimistic-lock version. */
	public Long getVersion() {
		return version;
	}
}
