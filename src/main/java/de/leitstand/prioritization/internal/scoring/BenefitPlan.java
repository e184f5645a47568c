package de.leitstand.prioritization.internal.scoring;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.envers.Audited;

import de.leitstand.shared.audit.Labelled;

/** The monetary benefits of one project per year, the other half of the net present value next to its costs. */
@Entity
@Table(name = "prio_benefit_plan")
@Audited
public class BenefitPlan implements Labelled {

	@Id
	@Column(name = "project_id")
	private UUID projectId;

	@Column(name = "example_data", nullable = false)
	private boolean exampleData;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "prio_benefit_year", joinColumns = @JoinColumn(name = "project_id"))
	private Set<BenefitYear> years = new LinkedHashSet<>();

	@Version
	private Long version;

	protected BenefitPlan() {
	}

	public BenefitPlan(UUID projectId, boolean exampleData) {
		this.projectId = projectId;
		this.exampleData = exampleData;
	}

	void replace(Map<Integer, BigDecimal> amounts) {
		years.clear();
		amounts.forEach((y, a) -> years.add(new BenefitYear(y, a)));
	}

	public Map<Integer, BigDecimal> asMap() {
		Map<Integer, BigDecimal> map = new TreeMap<>();
		years.forEach(y -> map.merge(y.getYear(), y.getAmount(), BigDecimal::add));
		return map;
	}

	public List<BenefitYear> getYears() {
		return years.stream().sorted(Comparator.comparingInt(BenefitYear::getYear)).toList();
	}

	@Override
	public String label() {
		return "Nutzenplan";
	}

	public UUID getProjectId() {
		return projectId;
	}

	public boolean isExampleData() {
		return exampleData;
	}

	public Long getVersion() {
		return version;
	}
}
