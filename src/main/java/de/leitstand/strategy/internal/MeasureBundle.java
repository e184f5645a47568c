package de.leitstand.strategy.internal;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.envers.Audited;

import de.leitstand.shared.audit.Labelled;

/** A bundle of measures (Maßnahmenbündel) in a field of action, serving one or more strategic goals. */
@Entity
@Table(name = "strategy_bundle")
@Audited
public class MeasureBundle implements Labelled {

	@Id
	private UUID id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "field_id")
	private FieldOfAction field;

	@Column(nullable = false, length = 30)
	private String code;

	@Column(nullable = false, length = 300)
	private String title;

	@Column(length = 4000)
	private String description;

	@Column(name = "example_data", nullable = false)
	private boolean exampleData;

	@ManyToMany
	@JoinTable(name = "strategy_bundle_goal", joinColumns = @JoinColumn(name = "bundle_id"),
			inverseJoinColumns = @JoinColumn(name = "goal_id"))
	private Set<StrategicGoal> goals = new LinkedHashSet<>();

	@Version
	private Long version;

	protected MeasureBundle() {
	}

	public MeasureBundle(FieldOfAction field, String code, String title, String description, boolean exampleData) {
		this.id = UUID.randomUUID();
		this.field = field;
		this.exampleData = exampleData;
		describe(field, code, title, description);
	}

	public void describe(FieldOfAction field, String code, String title, String description) {
		this.field = field;
		this.code = code;
		this.title = title;
		this.description = description == null || description.isBlank() ? null : description;
	}

	public void serve(Set<StrategicGoal> newGoals) {
		goals.clear();
		goals.addAll(newGoals);
	}

	public List<StrategicGoal> getGoals() {
		return goals.stream().sorted(Comparator.comparing(StrategicGoal::getCode)).toList();
	}

	@Override
	public String label() {
		return code + " " + title;
	}

	public UUID getId() {
		return id;
	}

	public FieldOfAction getField() {
		return field;
	}

	public String getCode() {
		return code;
	}

	public String getTitle() {
		return title;
	}

	public String getDescription() {
		return description;
	}

	public boolean isExampleData() {
		return exampleData;
	}

	/** Null until first saved (so Spring Data persists instead of merging); then the optimistic-lock version. */
	public Long getVersion() {
		return version;
	}
}
