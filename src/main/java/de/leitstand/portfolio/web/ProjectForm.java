package de.leitstand.portfolio.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import de.leitstand.organization.LeitstandUser;
import de.leitstand.portfolio.AiRiskClass;
import de.leitstand.portfolio.Contribution;
import de.leitstand.portfolio.MaturityModel;
import de.leitstand.portfolio.ProjectProfile;
import de.leitstand.portfolio.ProjectType;
import de.leitstand.portfolio.internal.Project;

/**
 * The project profile as an HTML form, split into the steps of the guided submission. A step submits only its
 * own fields; {@link #takeStep} lays them over the stored profile so that every step saves a complete draft.
 * Empty table rows (costs, effort, online services) are ignored; {@link #rowIndex} maps a problem in the
 * profile's list back to the row the user typed it in.
 */
public class ProjectForm {

	/** The steps of the guided submission, in order. */
	public enum Step {
		BASICS, ORGANISATION, STRATEGY, RESOURCES, DETAILS, PUBLICATION, REVIEW;

		public static Step of(String path) {
			return Arrays.stream(values()).filter(s -> s.path().equals(path)).findFirst().orElse(null);
		}

		public String path() {
			return name().toLowerCase();
		}

		public int number() {
			return ordinal() + 1;
		}
	}

	static final int EMPTY_ROWS = 2;

	private String title;
	private String shortDescription;
	private String problem;
	private String expectedImpact;
	private ProjectType type = ProjectType.PROJECT;
	private UUID leadUnitId;
	private Set<UUID> participatingUnits = new LinkedHashSet<>();
	private String contactName;
	private String contactEmail;
	private LocalDate plannedStart;
	private LocalDate plannedEnd;
	private List<CostRow> costs = new ArrayList<>();
	private List<EffortRow> efforts = new ArrayList<>();
	private String fundingProgramme;
	private BigDecimal fundingShare;
	private Map<String, String> contributions = new HashMap<>();
	private Set<UUID> bundles = new LinkedHashSet<>();
	private List<ServiceRow> onlineServices = new ArrayList<>();
	private String tags;
	private boolean aiUsed;
	private String aiPurpose;
	private AiRiskClass aiRiskClass;
	private String requires;
	private boolean published;
	private String publicTitle;
	private String publicSummary;
	private long version;

	public static ProjectForm of(Project p) {
		ProjectForm f = new ProjectForm();
		f.title = p.getTitle();
		f.shortDescription = p.getShortDescription();
		f.problem = p.getProblem();
		f.expectedImpact = p.getExpectedImpact();
		f.type = p.getType();
		f.leadUnitId = p.getLeadUnitId();
		f.participatingUnits = new LinkedHashSet<>(p.getParticipatingUnits());
		f.contactName = p.getContactName();
		f.contactEmail = p.getContactEmail();
		f.plannedStart = p.getPlannedStart();
		f.plannedEnd = p.getPlannedEnd();
		p.getCostsByYear().forEach(c -> f.costs.add(new CostRow(c.year(), c.investment(), c.running())));
		p.getEffortsByYear().forEach(e -> f.efforts.add(new EffortRow(e.unitId(), e.year(), e.personDays())));
		f.fundingProgramme = p.getFundingProgramme();
		f.fundingShare = p.getFundingShare();
		p.getGoalLinks().forEach(g -> f.contributions.put(g.goalId().toString(), g.contribution().name()));
		f.bundles = new LinkedHashSet<>(p.getBundleIds());
		p.getOnlineServices().forEach(s -> f.onlineServices.add(new ServiceRow(s.leikaKey(), s.name(), s.model(),
				s.currentLevel(), s.targetLevel())));
		f.tags = String.join(", ", p.getTags());
		f.aiUsed = p.isAiUsed();
		f.aiPurpose = p.getAiPurpose();
		f.aiRiskClass = p.getAiRiskClass();
		f.requires = String.join(", ", p.prerequisiteKeys(LeitstandUser.current().orElse(null)));
		f.published = p.isPublished();
		f.publicTitle = p.getPublicTitle();
		f.publicSummary = p.getPublicSummary();
		f.version = p.getVersion();
		return f;
	}

	/** Copies the fields of one step from the submitted form onto this (stored) one. */
	public void takeStep(Step step, ProjectForm submitted) {
		switch (step) {
			case BASICS -> {
				title = submitted.title;
				shortDescription = submitted.shortDescription;
				problem = submitted.problem;
				expectedImpact = submitted.expectedImpact;
				type = submitted.type;
				if (submitted.leadUnitId != null) {
					leadUnitId = submitted.leadUnitId;
				}
			}
			case ORGANISATION -> {
				leadUnitId = submitted.leadUnitId;
				participatingUnits = submitted.participatingUnits;
				contactName = submitted.contactName;
				contactEmail = submitted.contactEmail;
				plannedStart = submitted.plannedStart;
				plannedEnd = submitted.plannedEnd;
			}
			case STRATEGY -> {
				contributions = submitted.contributions;
				bundles = submitted.bundles;
			}
			case RESOURCES -> {
				costs = submitted.costs;
				efforts = submitted.efforts;
				fundingProgramme = submitted.fundingProgramme;
				fundingShare = submitted.fundingShare;
			}
			case DETAILS -> {
				onlineServices = submitted.onlineServices;
				tags = submitted.tags;
				aiUsed = submitted.aiUsed;
				aiPurpose = submitted.aiPurpose;
				aiRiskClass = submitted.aiRiskClass;
				requires = submitted.requires;
			}
			case PUBLICATION -> {
				published = submitted.published;
				publicTitle = submitted.publicTitle;
				publicSummary = submitted.publicSummary;
			}
			case REVIEW -> {
			}
		}
		version = submitted.version;
	}

	/** Adds empty rows so that the user can add costs, effort and online services without JavaScript. */
	public void padRows() {
		for (int i = 0; i < EMPTY_ROWS; i++) {
			costs.add(new CostRow());
			efforts.add(new EffortRow());
		}
		onlineServices.add(new ServiceRow());
	}

	public ProjectProfile toProfile() {
		Map<UUID, Contribution> goals = new HashMap<>();
		contributions.forEach((goal, level) -> {
			if (level != null && !level.isBlank()) {
				try {
					goals.put(UUID.fromString(goal), Contribution.valueOf(level));
				}
				catch (IllegalArgumentException ex) {
					throw de.leitstand.shared.InvalidInput.of("goals", "validation.typeMismatch");
				}
			}
		});
		return new ProjectProfile(title, shortDescription, problem, expectedImpact, type, leadUnitId,
				participatingUnits, contactName, contactEmail, plannedStart, plannedEnd,
				filled(costs).stream().map(c -> new ProjectProfile.CostPlan(c.year == null ? 0 : c.year,
						zeroIfNull(c.investment), zeroIfNull(c.running))).toList(),
				filled(efforts).stream().map(e -> new ProjectProfile.EffortPlan(e.unitId, e.year == null ? 0 : e.year,
						e.personDays)).toList(),
				fundingProgramme, fundingShare, goals, bundles,
				filled(onlineServices).stream().map(s -> new ProjectProfile.OnlineService(trim(s.leikaKey), trim(s.name),
						s.model, s.currentLevel == null ? -1 : s.currentLevel,
						s.targetLevel == null ? -1 : s.targetLevel)).toList(),
				splitTags(tags), aiUsed, aiPurpose, aiRiskClass, splitKeys(requires), published, publicTitle,
				publicSummary);
	}

	/** The form row of the {@code index}-th non-empty row of a table, for placing an error message. */
	public int rowIndex(String table, int index) {
		List<? extends Row> rows = switch (table) {
			case "costs" -> costs;
			case "efforts" -> efforts;
			case "onlineServices" -> onlineServices;
			default -> List.of();
		};
		int seen = -1;
		for (int i = 0; i < rows.size(); i++) {
			if (!rows.get(i).isEmpty() && ++seen == index) {
				return i;
			}
		}
		return index;
	}

	private static <T extends Row> List<T> filled(List<T> rows) {
		return rows.stream().filter(r -> !r.isEmpty()).toList();
	}

	private static BigDecimal zeroIfNull(BigDecimal value) {
		return value == null ? BigDecimal.ZERO : value;
	}

	private static String trim(String value) {
		return value == null ? null : value.trim();
	}

	static Set<String> splitTags(String text) {
		if (text == null || text.isBlank()) {
			return Set.of();
		}
		return Arrays.stream(text.split("[,;]")).map(String::trim).filter(t -> !t.isEmpty())
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	static Set<String> splitKeys(String text) {
		if (text == null || text.isBlank()) {
			return Set.of();
		}
		return Arrays.stream(text.split("[,;\\s]+")).map(String::trim).filter(t -> !t.isEmpty())
			.map(String::toUpperCase).collect(Collectors.toCollection(LinkedHashSet::new));
	}

	interface Row {

		boolean isEmpty();
	}

	public static class CostRow implements Row {

		private Integer year;
		private BigDecimal investment;
		private BigDecimal running;

		public CostRow() {
		}

		CostRow(Integer year, BigDecimal investment, BigDecimal running) {
			this.year = year;
			this.investment = investment;
			this.running = running;
		}

		@Override
		public boolean isEmpty() {
			return year == null && investment == null && running == null;
		}

		public Integer getYear() {
			return year;
		}

		public void setYear(Integer year) {
			this.year = year;
		}

		public BigDecimal getInvestment() {
			return investment;
		}

		public void setInvestment(BigDecimal investment) {
			this.investment = investment;
		}

		public BigDecimal getRunning() {
			return running;
		}

		public void setRunning(BigDecimal running) {
			this.running = running;
		}
	}

	public static class EffortRow implements Row {

		private UUID unitId;
		private Integer year;
		private BigDecimal personDays;

		public EffortRow() {
		}

		EffortRow(UUID unitId, Integer year, BigDecimal personDays) {
			this.unitId = unitId;
			this.year = year;
			this.personDays = personDays;
		}

		@Override
		public boolean isEmpty() {
			return unitId == null && year == null && personDays == null;
		}

		public UUID getUnitId() {
			return unitId;
		}

		public void setUnitId(UUID unitId) {
			this.unitId = unitId;
		}

		public Integer getYear() {
			return year;
		}

		public void setYear(Integer year) {
			this.year = year;
		}

		public BigDecimal getPersonDays() {
			return personDays;
		}

		public void setPersonDays(BigDecimal personDays) {
			this.personDays = personDays;
		}
	}

	public static class ServiceRow implements Row {

		private String leikaKey;
		private String name;
		private MaturityModel model;
		private Integer currentLevel;
		private Integer targetLevel;

		public ServiceRow() {
		}

		ServiceRow(String leikaKey, String name, MaturityModel model, Integer currentLevel, Integer targetLevel) {
			this.leikaKey = leikaKey;
			this.name = name;
			this.model = model;
			this.currentLevel = currentLevel;
			this.targetLevel = targetLevel;
		}

		@Override
		public boolean isEmpty() {
			return (leikaKey == null || leikaKey.isBlank()) && (name == null || name.isBlank())
					&& currentLevel == null && targetLevel == null;
		}

		public String getLeikaKey() {
			return leikaKey;
		}

		public void setLeikaKey(String leikaKey) {
			this.leikaKey = leikaKey;
		}

		public String getName() {
			return name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public MaturityModel getModel() {
			return model;
		}

		public void setModel(MaturityModel model) {
			this.model = model;
		}

		public Integer getCurrentLevel() {
			return currentLevel;
		}

		public void setCurrentLevel(Integer currentLevel) {
			this.currentLevel = currentLevel;
		}

		public Integer getTargetLevel() {
			return targetLevel;
		}

		public void setTargetLevel(Integer targetLevel) {
			this.targetLevel = targetLevel;
		}
	}

	// --- bean properties ---

	public String getTitle() {
		return title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getShortDescription() {
		return shortDescription;
	}

	public void setShortDescription(String shortDescription) {
		this.shortDescription = shortDescription;
	}

	public String getProblem() {
		return problem;
	}

	public void setProblem(String problem) {
		this.problem = problem;
	}

	public String getExpectedImpact() {
		return expectedImpact;
	}

	public void setExpectedImpact(String expectedImpact) {
		this.expectedImpact = expectedImpact;
	}

	public ProjectType getType() {
		return type;
	}

	public void setType(ProjectType type) {
		this.type = type;
	}

	public UUID getLeadUnitId() {
		return leadUnitId;
	}

	public void setLeadUnitId(UUID leadUnitId) {
		this.leadUnitId = leadUnitId;
	}

	public Set<UUID> getParticipatingUnits() {
		return participatingUnits;
	}

	public void setParticipatingUnits(Set<UUID> participatingUnits) {
		this.participatingUnits = participatingUnits == null ? new LinkedHashSet<>() : participatingUnits;
	}

	public String getContactName() {
		return contactName;
	}

	public void setContactName(String contactName) {
		this.contactName = contactName;
	}

	public String getContactEmail() {
		return contactEmail;
	}

	public void setContactEmail(String contactEmail) {
		this.contactEmail = contactEmail;
	}

	public LocalDate getPlannedStart() {
		return plannedStart;
	}

	public void setPlannedStart(LocalDate plannedStart) {
		this.plannedStart = plannedStart;
	}

	public LocalDate getPlannedEnd() {
		return plannedEnd;
	}

	public void setPlannedEnd(LocalDate plannedEnd) {
		this.plannedEnd = plannedEnd;
	}

	public List<CostRow> getCosts() {
		return costs;
	}

	public void setCosts(List<CostRow> costs) {
		this.costs = costs == null ? new ArrayList<>() : costs;
	}

	public List<EffortRow> getEfforts() {
		return efforts;
	}

	public void setEfforts(List<EffortRow> efforts) {
		this.efforts = efforts == null ? new ArrayList<>() : efforts;
	}

	public String getFundingProgramme() {
		return fundingProgramme;
	}

	public void setFundingProgramme(String fundingProgramme) {
		this.fundingProgramme = fundingProgramme;
	}

	public BigDecimal getFundingShare() {
		return fundingShare;
	}

	public void setFundingShare(BigDecimal fundingShare) {
		this.fundingShare = fundingShare;
	}

	public Map<String, String> getContributions() {
		return contributions;
	}

	public void setContributions(Map<String, String> contributions) {
		this.contributions = contributions == null ? new HashMap<>() : contributions;
	}

	public Set<UUID> getBundles() {
		return bundles;
	}

	public void setBundles(Set<UUID> bundles) {
		this.bundles = bundles == null ? new LinkedHashSet<>() : bundles;
	}

	public List<ServiceRow> getOnlineServices() {
		return onlineServices;
	}

	public void setOnlineServices(List<ServiceRow> onlineServices) {
		this.onlineServices = onlineServices == null ? new ArrayList<>() : onlineServices;
	}

	public String getTags() {
		return tags;
	}

	public void setTags(String tags) {
		this.tags = tags;
	}

	public boolean isAiUsed() {
		return aiUsed;
	}

	public void setAiUsed(boolean aiUsed) {
		this.aiUsed = aiUsed;
	}

	public String getAiPurpose() {
		return aiPurpose;
	}

	public void setAiPurpose(String aiPurpose) {
		this.aiPurpose = aiPurpose;
	}

	public AiRiskClass getAiRiskClass() {
		return aiRiskClass;
	}

	public void setAiRiskClass(AiRiskClass aiRiskClass) {
		this.aiRiskClass = aiRiskClass;
	}

	public String getRequires() {
		return requires;
	}

	public void setRequires(String requires) {
		this.requires = requires;
	}

	public boolean isPublished() {
		return published;
	}

	public void setPublished(boolean published) {
		this.published = published;
	}

	public String getPublicTitle() {
		return publicTitle;
	}

	public void setPublicTitle(String publicTitle) {
		this.publicTitle = publicTitle;
	}

	public String getPublicSummary() {
		return publicSummary;
	}

	public void setPublicSummary(String publicSummary) {
		this.publicSummary = publicSummary;
	}

	public long getVersion() {
		return version;
	}

	public void setVersion(long version) {
		this.version = version;
	}
}
