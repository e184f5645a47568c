package de.leitstand.prioritization.internal.scenario;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.hibernate.envers.Audited;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import de.leitstand.shared.audit.Labelled;

/**
 * A portfolio scenario: candidate projects (by key) with flags and value overrides, budget per year, staff
 * capacity per org unit and year, and mutual exclusions. Costs, efforts and prerequisites come from the project
 * profiles when the scenario is solved, so a scenario always uses the current plans.
 */
@Entity
@Table(name = "prioritization_scenario")
@Audited
public class PortfolioScenario implements Labelled {

	@Id
	private UUID id;

	@Column(nullable = false, length = 200)
	private String name;

	@Column(name = "year_labels", nullable = false, length = 400)
	private String yearLabels;

	@Column(name = "example_data", nullable = false)
	private boolean exampleData;

	@Column(name = "created_by", nullable = false, length = 100)
	private String createdBy;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@ElementCollection
	@CollectionTable(name = "prioritization_scenario_budget", joinColumns = @JoinColumn(name = "scenario_id"))
	private Set<Budget> budgets = new LinkedHashSet<>();

	@ElementCollection
	@CollectionTable(name = "prioritization_scenario_capacity", joinColumns = @JoinColumn(name = "scenario_id"))
	private Set<Capacity> capacities = new LinkedHashSet<>();

	@ElementCollection
	@CollectionTable(name = "prioritization_scenario_candidate", joinColumns = @JoinColumn(name = "scenario_id"))
	private Set<CandidateEntry> candidates = new LinkedHashSet<>();

	@ElementCollection
	@CollectionTable(name = "prioritization_scenario_exclusion", joinColumns = @JoinColumn(name = "scenario_id"))
	private Set<Exclusion> exclusions = new LinkedHashSet<>();

	@Version
	private Long version;

	protected PortfolioScenario() {
	}

	PortfolioScenario(String name, List<String> years, boolean exampleData, String createdBy) {
		this.id = UUID.randomUUID();
		this.name = name;
		this.yearLabels = String.join(",", years);
		this.exampleData = exampleData;
		this.createdBy = createdBy;
		this.createdAt = Instant.now();
		this.updatedAt = createdAt;
	}

	public UUID getId() {
		return id;
	}

	public String getName() {
		return name;
	}

	@Override
	public String label() {
		return name;
	}

	public List<String> years() {
		return yearLabels.isBlank() ? List.of() : Arrays.asList(yearLabels.split(","));
	}

	public boolean isExampleData() {
		return exampleData;
	}

	public String getCreatedBy() {
		return createdBy;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}

	public Long getVersion() {
		return version;
	}

	public Set<Budget> budgets() {
		return budgets;
	}

	public Optional<BigDecimal> budget(String year) {
		return budgets.stream().filter(b -> b.year.equals(year)).map(b -> b.amount).findFirst();
	}

	public Set<Capacity> capacities() {
		return capacities;
	}

	public Optional<BigDecimal> capacity(String unit, String year) {
		return capacities.stream().filter(c -> c.unit.equals(unit) && c.year.equals(year)).map(c -> c.personDays)
			.findFirst();
	}

	public List<CandidateEntry> candidates() {
		List<CandidateEntry> list = new ArrayList<>(candidates);
		list.sort((a, b) -> a.projectKey.compareTo(b.projectKey));
		return list;
	}

	public Optional<CandidateEntry> candidate(String key) {
		return candidates.stream().filter(c -> c.projectKey.equals(key)).findFirst();
	}

	public Set<Exclusion> exclusions() {
		return exclusions;
	}

	void rename(String name) {
		this.name = name;
		touch();
	}

	void setBudgets(Set<Budget> budgets) {
		this.budgets.clear();
		this.budgets.addAll(budgets);
		touch();
	}

	void setCapacities(Set<Capacity> capacities) {
		this.capacities.clear();
		this.capacities.addAll(capacities);
		touch();
	}

	void setCandidates(Set<CandidateEntry> candidates) {
		this.candidates.clear();
		this.candidates.addAll(candidates);
		touch();
	}

	void setExclusions(Set<Exclusion> exclusions) {
		this.exclusions.clear();
		this.exclusions.addAll(exclusions);
		touch();
	}

	private void touch() {
		updatedAt = Instant.now();
	}

	/** The budget of one year in whole euros. */
	@Embeddable
	public record Budget(@Column(name = "year_label", nullable = false, length = 40) String year,
			@Column(nullable = false, precision = 15, scale = 0) BigDecimal amount) {
	}

	/** Staff capacity of one org unit (by code) in one year, in person-days. */
	@Embeddable
	public record Capacity(@Column(name = "unit_code", nullable = false, length = 40) String unit,
			@Column(name = "year_label", nullable = false, length = 40) String year,
			@Column(name = "person_days", nullable = false, precision = 10, scale = 1) BigDecimal personDays) {
	}

	/**
	 * A candidate project of the scenario.
	 *
	 * @param valueOverride the portfolio manager's value instead of the computed one, or null
	 * @param overrideReason required with an override
	 */
	@Embeddable
	public record CandidateEntry(@Column(name = "project_key", nullable = false, length = 20) String projectKey,
			@Column(nullable = false) boolean mandatory, @Column(nullable = false) boolean excluded,
			@Column(name = "value_override", precision = 7, scale = 2) BigDecimal valueOverride,
			@Column(name = "override_reason", length = 1000) String overrideReason) {
	}

	/** Two projects that must not both be selected. */
	@Embeddable
	public record Exclusion(@Column(name = "first_key", nullable = false, length = 20) String first,
			@Column(name = "second_key", nullable = false, length = 20) String second) {
	}
}
