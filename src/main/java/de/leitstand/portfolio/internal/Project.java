package de.leitstand.portfolio.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.envers.Audited;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.automaticindexing.ReindexOnUpdate;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ObjectPath;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.PropertyValue;

import de.leitstand.portfolio.AiRiskClass;
import de.leitstand.portfolio.ProjectStatus;
import de.leitstand.portfolio.ProjectType;
import de.leitstand.shared.RuleViolation;
import de.leitstand.shared.audit.Labelled;

/**
 * A digitalisation project and its profile (Steckbrief). Internal texts and the public texts for the
 * Digitalmonitor are separate fields: publishing never exposes an internal text.
 */
@Entity
@Table(name = "portfolio_project")
@Audited
@Indexed(index = "project")
public class Project implements Labelled {

	@Id
	private UUID id;

	@Column(name = "project_key", nullable = false, length = 20)
	@KeywordField(name = "key", sortable = Sortable.YES)
	private String key;

	@Column(nullable = false, length = 300)
	@FullTextField(analyzer = SearchAnalysis.GERMAN)
	@KeywordField(name = "title_sort", normalizer = SearchAnalysis.SORT, sortable = Sortable.YES)
	private String title;

	@Column(name = "short_description", nullable = false, length = 2000)
	@FullTextField(analyzer = SearchAnalysis.GERMAN)
	private String shortDescription;

	@Column(length = 4000)
	@FullTextField(analyzer = SearchAnalysis.GERMAN)
	private String problem;

	@Column(name = "expected_impact", length = 4000)
	@FullTextField(analyzer = SearchAnalysis.GERMAN)
	private String expectedImpact;

	@Enumerated(EnumType.STRING)
	@Column(name = "project_type", nullable = false, length = 20)
	@KeywordField(aggregable = Aggregable.YES)
	private ProjectType type;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	@KeywordField(aggregable = Aggregable.YES, sortable = Sortable.YES)
	private ProjectStatus status = ProjectStatus.IDEA;

	@Column(name = "lead_unit_id", nullable = false)
	@GenericField(aggregable = Aggregable.YES)
	private UUID leadUnitId;

	@ElementCollection
	@CollectionTable(name = "portfolio_participant", joinColumns = @JoinColumn(name = "project_id"))
	@Column(name = "unit_id")
	private Set<UUID> participatingUnits = new LinkedHashSet<>();

	@Column(name = "contact_name", length = 200)
	private String contactName;

	@Column(name = "contact_email", length = 200)
	private String contactEmail;

	@Column(name = "planned_start")
	@GenericField(sortable = Sortable.YES)
	private LocalDate plannedStart;

	@Column(name = "planned_end")
	@GenericField(sortable = Sortable.YES)
	private LocalDate plannedEnd;

	@ElementCollection
	@CollectionTable(name = "portfolio_cost", joinColumns = @JoinColumn(name = "project_id"))
	private Set<CostLine> costs = new LinkedHashSet<>();

	@ElementCollection
	@CollectionTable(name = "portfolio_effort", joinColumns = @JoinColumn(name = "project_id"))
	private Set<EffortLine> efforts = new LinkedHashSet<>();

	@Column(name = "funding_programme", length = 300)
	private String fundingProgramme;

	@Column(name = "funding_share", precision = 5, scale = 2)
	private BigDecimal fundingShare;

	@ElementCollection
	@CollectionTable(name = "portfolio_goal_link", joinColumns = @JoinColumn(name = "project_id"))
	private Set<GoalLink> goalLinks = new LinkedHashSet<>();

	@ElementCollection
	@CollectionTable(name = "portfolio_bundle_link", joinColumns = @JoinColumn(name = "project_id"))
	@Column(name = "bundle_id")
	private Set<UUID> bundleIds = new LinkedHashSet<>();

	@ElementCollection
	@CollectionTable(name = "portfolio_online_service", joinColumns = @JoinColumn(name = "project_id"))
	private Set<OnlineServiceLink> onlineServices = new LinkedHashSet<>();

	@ElementCollection
	@CollectionTable(name = "portfolio_tag", joinColumns = @JoinColumn(name = "project_id"))
	@Column(name = "tag", length = 40)
	@KeywordField(name = "tags", aggregable = Aggregable.YES)
	private Set<String> tags = new TreeSet<>();

	@Column(name = "ai_used", nullable = false)
	@GenericField(name = "ai", aggregable = Aggregable.YES)
	private boolean aiUsed;

	@Column(name = "ai_purpose", length = 2000)
	private String aiPurpose;

	@Enumerated(EnumType.STRING)
	@Column(name = "ai_risk_class", length = 20)
	private AiRiskClass aiRiskClass;

	@ManyToMany
	@JoinTable(name = "portfolio_dependency", joinColumns = @JoinColumn(name = "project_id"),
			inverseJoinColumns = @JoinColumn(name = "required_project_id"))
	@IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
	private Set<Project> requires = new LinkedHashSet<>();

	@Column(nullable = false)
	private boolean published;

	@Column(name = "public_title", length = 300)
	private String publicTitle;

	@Column(name = "public_summary", length = 2000)
	private String publicSummary;

	@Column(name = "example_data", nullable = false)
	private boolean exampleData;

	@Column(name = "created_by", nullable = false, length = 100)
	private String createdBy;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	@GenericField(sortable = Sortable.YES)
	private Instant updatedAt;

	@Version
	private Long version;

	protected Project() {
	}

	public Project(String key, String title, String shortDescription, ProjectType type, UUID leadUnitId,
			String createdBy, Instant now) {
		this.id = UUID.randomUUID();
		this.key = key;
		this.title = title;
		this.shortDescription = shortDescription;
		this.type = type;
		this.leadUnitId = leadUnitId;
		this.createdBy = createdBy;
		this.createdAt = now;
		this.updatedAt = now;
	}

	// --- lifecycle ---

	/** Moves to the next state; the caller has checked who may do so (see {@link Lifecycle}). */
	ProjectStatus moveTo(ProjectStatus target, Instant now) {
		ProjectStatus from = status;
		if (!Lifecycle.allows(from, target)) {
			throw new RuleViolation("project.error.transition", null, from, target);
		}
		status = target;
		touch(now);
		return from;
	}

	void touch(Instant now) {
		this.updatedAt = now;
	}

	// --- profile ---

	void describe(String title, String shortDescription, String problem, String expectedImpact, ProjectType type) {
		this.title = title;
		this.shortDescription = shortDescription;
		this.problem = blankToNull(problem);
		this.expectedImpact = blankToNull(expectedImpact);
		this.type = type;
	}

	void organise(UUID leadUnitId, Collection<UUID> participants, String contactName, String contactEmail) {
		this.leadUnitId = leadUnitId;
		replace(this.participatingUnits, participants.stream().filter(u -> !u.equals(leadUnitId)).toList());
		this.contactName = blankToNull(contactName);
		this.contactEmail = blankToNull(contactEmail);
	}

	void schedule(LocalDate plannedStart, LocalDate plannedEnd) {
		if (plannedStart != null && plannedEnd != null && plannedEnd.isBefore(plannedStart)) {
			throw new RuleViolation("project.error.endBeforeStart", "plannedEnd");
		}
		this.plannedStart = plannedStart;
		this.plannedEnd = plannedEnd;
	}

	void plan(Collection<CostLine> costs, Collection<EffortLine> efforts) {
		replace(this.costs, costs);
		replace(this.efforts, efforts);
	}

	void finance(String fundingProgramme, BigDecimal fundingShare) {
		this.fundingProgramme = blankToNull(fundingProgramme);
		this.fundingShare = this.fundingProgramme == null ? null : fundingShare;
	}

	void link(Collection<GoalLink> goals, Collection<UUID> bundles) {
		replace(this.goalLinks, goals);
		replace(this.bundleIds, bundles);
	}

	void offer(Collection<OnlineServiceLink> services) {
		replace(this.onlineServices, services);
	}

	void tag(Collection<String> tags) {
		replace(this.tags, tags);
	}

	void useAi(boolean used, String purpose, AiRiskClass riskClass) {
		this.aiUsed = used;
		this.aiPurpose = used ? blankToNull(purpose) : null;
		this.aiRiskClass = used ? riskClass : null;
	}

	void require(Collection<Project> prerequisites) {
		replace(this.requires, prerequisites);
	}

	void publish(boolean published, String publicTitle, String publicSummary) {
		this.published = published;
		this.publicTitle = blankToNull(publicTitle);
		this.publicSummary = blankToNull(publicSummary);
	}

	void markExampleData() {
		this.exampleData = true;
	}

	private static <T> void replace(Collection<T> target, Collection<? extends T> values) {
		if (!(target.containsAll(values) && values.containsAll(target))) {
			target.clear();
			target.addAll(values);
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	// --- derived values for search facets ---

	@KeywordField(name = "goals", aggregable = Aggregable.YES)
	@IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "goalLinks")))
	public Set<String> getGoalKeys() {
		return goalLinks.stream().map(g -> g.goalId().toString()).collect(Collectors.toSet());
	}

	@KeywordField(name = "fields", aggregable = Aggregable.YES)
	@IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "goalLinks")))
	public Set<String> getFieldKeys() {
		return goalLinks.stream().map(g -> g.fieldId().toString()).collect(Collectors.toSet());
	}

	@KeywordField(name = "bundles", aggregable = Aggregable.YES)
	@IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "bundleIds")))
	public Set<String> getBundleKeys() {
		return bundleIds.stream().map(UUID::toString).collect(Collectors.toSet());
	}

	@KeywordField(name = "units", aggregable = Aggregable.YES)
	@IndexingDependency(derivedFrom = { @ObjectPath(@PropertyValue(propertyName = "leadUnitId")),
			@ObjectPath(@PropertyValue(propertyName = "participatingUnits")) })
	public Set<String> getUnitKeys() {
		Set<String> units = participatingUnits.stream().map(UUID::toString).collect(Collectors.toSet());
		units.add(leadUnitId.toString());
		return units;
	}

	/** Years the project runs or has planned money or effort in. */
	@KeywordField(name = "years", aggregable = Aggregable.YES)
	@IndexingDependency(derivedFrom = { @ObjectPath(@PropertyValue(propertyName = "costs")),
			@ObjectPath(@PropertyValue(propertyName = "efforts")),
			@ObjectPath(@PropertyValue(propertyName = "plannedStart")),
			@ObjectPath(@PropertyValue(propertyName = "plannedEnd")) })
	public Set<String> getYearKeys() {
		Set<Integer> years = new TreeSet<>();
		costs.forEach(c -> years.add(c.year()));
		efforts.forEach(e -> years.add(e.year()));
		if (plannedStart != null) {
			int end = plannedEnd == null ? plannedStart.getYear() : Math.min(plannedEnd.getYear(),
					plannedStart.getYear() + 30);
			for (int y = plannedStart.getYear(); y <= end; y++) {
				years.add(y);
			}
		}
		return years.stream().map(String::valueOf).collect(Collectors.toCollection(TreeSet::new));
	}

	// --- reading ---

	public BigDecimal totalCost() {
		return costs.stream().map(CostLine::total).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	public BigDecimal totalEffort() {
		return efforts.stream().map(EffortLine::personDays).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	public List<CostLine> getCostsByYear() {
		return costs.stream().sorted(Comparator.comparingInt(CostLine::year)).toList();
	}

	public List<EffortLine> getEffortsByYear() {
		return efforts.stream().sorted(Comparator.comparingInt(EffortLine::year)).toList();
	}

	@Override
	public String label() {
		return key + " " + title;
	}

	public UUID getId() {
		return id;
	}

	public String getKey() {
		return key;
	}

	public String getTitle() {
		return title;
	}

	public String getShortDescription() {
		return shortDescription;
	}

	public String getProblem() {
		return problem;
	}

	public String getExpectedImpact() {
		return expectedImpact;
	}

	public ProjectType getType() {
		return type;
	}

	public ProjectStatus getStatus() {
		return status;
	}

	public UUID getLeadUnitId() {
		return leadUnitId;
	}

	public Set<UUID> getParticipatingUnits() {
		return participatingUnits;
	}

	public String getContactName() {
		return contactName;
	}

	public String getContactEmail() {
		return contactEmail;
	}

	public LocalDate getPlannedStart() {
		return plannedStart;
	}

	public LocalDate getPlannedEnd() {
		return plannedEnd;
	}

	public Set<CostLine> getCosts() {
		return costs;
	}

	public Set<EffortLine> getEfforts() {
		return efforts;
	}

	public String getFundingProgramme() {
		return fundingProgramme;
	}

	public BigDecimal getFundingShare() {
		return fundingShare;
	}

	public Set<GoalLink> getGoalLinks() {
		return goalLinks;
	}

	public Set<UUID> getBundleIds() {
		return bundleIds;
	}

	public Set<OnlineServiceLink> getOnlineServices() {
		return onlineServices;
	}

	public Set<String> getTags() {
		return tags;
	}

	public boolean isAiUsed() {
		return aiUsed;
	}

	public String getAiPurpose() {
		return aiPurpose;
	}

	public AiRiskClass getAiRiskClass() {
		return aiRiskClass;
	}

	/**
	 * Keys of the prerequisites the user may see, sorted; the others are not disclosed (the one visibility rule,
	 * {@link ProjectPolicy}). Pages, exports and the API show these.
	 */
	public List<String> prerequisiteKeys(de.leitstand.organization.LeitstandUser user) {
		return requires.stream().filter(r -> ProjectPolicy.mayRead(user, r)).map(Project::getKey).sorted().toList();
	}

	public Set<Project> getRequires() {
		return requires;
	}

	public boolean isPublished() {
		return published;
	}

	public String getPublicTitle() {
		return publicTitle;
	}

	public String getPublicSummary() {
		return publicSummary;
	}

	public boolean isExampleData() {
		return exampleData;
	}

	public String getCreatedBy() {
		return createdBy;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}

	/** Null until first saved (so Spring Data persists instead of merging); then the optimistic-lock version. */
	public Long getVersion() {
		return version;
	}
}
