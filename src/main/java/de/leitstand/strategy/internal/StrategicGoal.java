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

/** A strategic goal within a field of action, measured by its KPIs. */
@Entity
@Table(name = "strategy_goal")
@Audited
public class StrategicGoal implements Labelled {

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

	@OneToMany(mappedBy = "goal")
	@NotAudited
	private List<Kpi> kpis = new ArrayList<>();

	@Version
	private Long version;

	protected StrategicGoal() {
	}

	public StrategicGoal(FieldOfAction field, String code, String title, String description, boolean exampleData) {
		this.id = UUID.randomUUID();
		this.field = field;
		this.exampleData = exampleData;
		describe(code, title, description);
	}

	public void describe(String code, String title, String description) {
		this.code = code;
		this.title = title;
		this.description = description == null || description.isBlank() ? null : description;
	}

	public List<Kpi> getKpis() {
		return kpis.stream().sorted(Comparator.comparing(Kpi::getName)).toList();
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
