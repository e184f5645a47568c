package de.leitstand.portfolio.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import de.leitstand.organization.OrgUnitDirectory;
import de.leitstand.portfolio.AiRiskClass;
import de.leitstand.portfolio.Contribution;
import de.leitstand.portfolio.ProjectProfile;
import de.leitstand.shared.InvalidInput;
import de.leitstand.shared.InvalidInput.Problem;
import de.leitstand.shared.validation.PlainText;
import de.leitstand.strategy.StrategyCatalog;

/**
 * The rules a project profile must meet, whichever way it arrives (form, XLSX import, API). Collects every
 * problem with its field so that the user sees them all at once.
 */
@Component
class ProfileRules {

	static final int MIN_YEAR = 2000;
	static final int MAX_YEAR = 2100;
	static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");
	static final BigDecimal MAX_DAYS = new BigDecimal("1000000");
	private static final Pattern EMAIL = Pattern.compile("^[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+$");
	private static final Pattern LEIKA = Pattern.compile("^[0-9]{8,14}$");

	private final OrgUnitDirectory units;
	private final StrategyCatalog strategy;

	ProfileRules(OrgUnitDirectory units, StrategyCatalog strategy) {
		this.units = units;
		this.strategy = strategy;
	}

	/** Checks the profile; returns the field of action of each linked goal for storing with the link. */
	Map<UUID, UUID> check(ProjectProfile p) {
		List<Problem> problems = new ArrayList<>();
		text(problems, "title", p.title(), 300, true);
		text(problems, "shortDescription", p.shortDescription(), 2000, true);
		text(problems, "problem", p.problem(), 4000, false);
		text(problems, "expectedImpact", p.expectedImpact(), 4000, false);
		if (p.type() == null) {
			problems.add(new Problem("type", "validation.required"));
		}
		if (p.leadUnitId() == null) {
			problems.add(new Problem("leadUnitId", "validation.required"));
		}
		else if (units.find(p.leadUnitId()).isEmpty()) {
			problems.add(new Problem("leadUnitId", "project.error.unknownUnit"));
		}
		for (UUID unit : p.participatingUnits()) {
			if (units.find(unit).isEmpty()) {
				problems.add(new Problem("participatingUnits", "project.error.unknownUnit"));
				break;
			}
		}
		text(problems, "contactName", p.contactName(), 200, false);
		if (p.contactEmail() != null && !p.contactEmail().isBlank()
				&& (p.contactEmail().length() > 200 || !EMAIL.matcher(p.contactEmail().trim()).matches())) {
			problems.add(new Problem("contactEmail", "validation.email"));
		}
		else if (!PlainText.Validator.isPlain(p.contactEmail())) {
			problems.add(PlainText.Validator.problemAt("contactEmail", p.contactEmail()));
		}
		if (p.plannedStart() != null && p.plannedEnd() != null && p.plannedEnd().isBefore(p.plannedStart())) {
			problems.add(new Problem("plannedEnd", "project.error.endBeforeStart"));
		}
		checkYear(problems, "plannedStart", p.plannedStart() == null ? null : p.plannedStart().getYear());
		checkYear(problems, "plannedEnd", p.plannedEnd() == null ? null : p.plannedEnd().getYear());
		checkCosts(problems, p);
		checkEfforts(problems, p);
		checkFunding(problems, p);
		Map<UUID, UUID> fields = checkGoals(problems, p);
		for (UUID bundle : p.bundles()) {
			if (strategy.bundle(bundle).isEmpty()) {
				problems.add(new Problem("bundles", "project.error.unknownBundle"));
				break;
			}
		}
		checkOnlineServices(problems, p);
		checkTags(problems, p);
		checkAi(problems, p);
		if (p.published()) {
			text(problems, "publicTitle", p.publicTitle(), 300, true);
			text(problems, "publicSummary", p.publicSummary(), 2000, true);
		}
		else {
			text(problems, "publicTitle", p.publicTitle(), 300, false);
			text(problems, "publicSummary", p.publicSummary(), 2000, false);
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return fields;
	}

	private static void text(List<Problem> problems, String field, String value, int max, boolean required) {
		if (value == null || value.isBlank()) {
			if (required) {
				problems.add(new Problem(field, "validation.required"));
			}
			return;
		}
		if (value.length() > max) {
			problems.add(new Problem(field, "validation.size.max.n", max));
		}
		else if (!PlainText.Validator.isPlain(value)) {
			problems.add(PlainText.Validator.problemAt(field, value));
		}
	}

	private static void checkYear(List<Problem> problems, String field, Integer year) {
		if (year != null && (year < MIN_YEAR || year > MAX_YEAR)) {
			problems.add(new Problem(field, "project.error.year", String.valueOf(MIN_YEAR), String.valueOf(MAX_YEAR)));
		}
	}

	private static void checkCosts(List<Problem> problems, ProjectProfile p) {
		Set<Integer> years = new HashSet<>();
		for (int i = 0; i < p.costs().size(); i++) {
			ProjectProfile.CostPlan c = p.costs().get(i);
			String prefix = "costs[" + i + "].";
			if (c.year() < MIN_YEAR || c.year() > MAX_YEAR) {
				problems.add(new Problem(prefix + "year", "project.error.year", String.valueOf(MIN_YEAR), String.valueOf(MAX_YEAR)));
			}
			else if (!years.add(c.year())) {
				problems.add(new Problem(prefix + "year", "project.error.duplicateYear", String.valueOf(c.year())));
			}
			amount(problems, prefix + "investment", c.investment(), MAX_AMOUNT);
			amount(problems, prefix + "running", c.running(), MAX_AMOUNT);
		}
	}

	private void checkEfforts(List<Problem> problems, ProjectProfile p) {
		Set<String> keys = new HashSet<>();
		for (int i = 0; i < p.efforts().size(); i++) {
			ProjectProfile.EffortPlan e = p.efforts().get(i);
			String prefix = "efforts[" + i + "].";
			if (e.unitId() == null || units.find(e.unitId()).isEmpty()) {
				problems.add(new Problem(prefix + "unitId", "project.error.unknownUnit"));
			}
			if (e.year() < MIN_YEAR || e.year() > MAX_YEAR) {
				problems.add(new Problem(prefix + "year", "project.error.year", String.valueOf(MIN_YEAR), String.valueOf(MAX_YEAR)));
			}
			else if (!keys.add(e.unitId() + "/" + e.year())) {
				problems.add(new Problem(prefix + "year", "project.error.duplicateYear", String.valueOf(e.year())));
			}
			amount(problems, prefix + "personDays", e.personDays(), MAX_DAYS);
		}
	}

	private static void amount(List<Problem> problems, String field, BigDecimal value, BigDecimal max) {
		if (value == null) {
			problems.add(new Problem(field, "validation.required"));
		}
		else if (value.signum() < 0) {
			problems.add(new Problem(field, "project.error.negative"));
		}
		else if (value.compareTo(max) > 0) {
			problems.add(new Problem(field, "project.error.tooLarge", max.toPlainString()));
		}
	}

	private static void checkFunding(List<Problem> problems, ProjectProfile p) {
		boolean programme = p.fundingProgramme() != null && !p.fundingProgramme().isBlank();
		text(problems, "fundingProgramme", p.fundingProgramme(), 300, false);
		if (programme && p.fundingShare() == null) {
			problems.add(new Problem("fundingShare", "project.error.fundingShareMissing"));
		}
		if (p.fundingShare() != null) {
			if (!programme) {
				problems.add(new Problem("fundingProgramme", "project.error.fundingProgrammeMissing"));
			}
			if (p.fundingShare().signum() < 0 || p.fundingShare().compareTo(new BigDecimal("100")) > 0) {
				problems.add(new Problem("fundingShare", "project.error.percent"));
			}
		}
	}

	private Map<UUID, UUID> checkGoals(List<Problem> problems, ProjectProfile p) {
		Map<UUID, UUID> fields = new java.util.HashMap<>();
		for (Map.Entry<UUID, Contribution> link : p.goals().entrySet()) {
			var goal = strategy.goal(link.getKey());
			if (goal.isEmpty()) {
				problems.add(new Problem("goals", "project.error.unknownGoal"));
				break;
			}
			if (link.getValue() == null) {
				problems.add(new Problem("goals", "project.error.contributionMissing", goal.get().code()));
			}
			fields.put(link.getKey(), goal.get().fieldId());
		}
		return fields;
	}

	private static void checkOnlineServices(List<Problem> problems, ProjectProfile p) {
		Set<String> keys = new HashSet<>();
		for (int i = 0; i < p.onlineServices().size(); i++) {
			ProjectProfile.OnlineService s = p.onlineServices().get(i);
			String prefix = "onlineServices[" + i + "].";
			if (s.leikaKey() == null || !LEIKA.matcher(s.leikaKey()).matches()) {
				problems.add(new Problem(prefix + "leikaKey", "project.error.leika"));
			}
			else if (!keys.add(s.leikaKey())) {
				problems.add(new Problem(prefix + "leikaKey", "project.error.duplicateLeika", s.leikaKey()));
			}
			text(problems, prefix + "name", s.name(), 300, true);
			if (s.model() == null) {
				problems.add(new Problem(prefix + "model", "validation.required"));
				continue;
			}
			int max = s.model().maxLevel();
			if (s.currentLevel() < 0 || s.currentLevel() > max) {
				problems.add(new Problem(prefix + "currentLevel", "project.error.level", max));
			}
			if (s.targetLevel() < 0 || s.targetLevel() > max) {
				problems.add(new Problem(prefix + "targetLevel", "project.error.level", max));
			}
			else if (s.targetLevel() < s.currentLevel()) {
				problems.add(new Problem(prefix + "targetLevel", "project.error.targetBelowCurrent"));
			}
		}
	}

	private static void checkTags(List<Problem> problems, ProjectProfile p) {
		if (p.tags().size() > 20) {
			problems.add(new Problem("tags", "project.error.tooManyTags", 20));
		}
		for (String tag : p.tags()) {
			if (tag.isBlank() || tag.length() > 40 || !PlainText.Validator.isPlain(tag) || tag.contains(",")) {
				problems.add(new Problem("tags", "project.error.tag"));
				break;
			}
		}
	}

	private static void checkAi(List<Problem> problems, ProjectProfile p) {
		if (!p.aiUsed()) {
			return;
		}
		text(problems, "aiPurpose", p.aiPurpose(), 2000, true);
		if (p.aiRiskClass() == null) {
			problems.add(new Problem("aiRiskClass", "project.error.aiRiskMissing"));
		}
		else if (p.aiRiskClass() == AiRiskClass.UNACCEPTABLE) {
			problems.add(new Problem("aiRiskClass", "project.error.aiProhibited"));
		}
	}
}
