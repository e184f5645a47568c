package de.leitstand.prioritization.internal.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.leitstand.organization.LeitstandUser;
import de.leitstand.organization.Role;
import de.leitstand.organization.UserDirectory;
import de.leitstand.organization.UserDirectory.UserSummary;
import de.leitstand.portfolio.ProjectDirectory;
import de.leitstand.portfolio.ProjectSnapshot;
import de.leitstand.portfolio.ProjectStatus;
import de.leitstand.shared.InvalidInput;
import de.leitstand.shared.InvalidInput.Problem;
import de.leitstand.shared.NotFoundException;
import de.leitstand.shared.RuleViolation;
import de.leitstand.shared.StaleVersionException;
import de.leitstand.shared.validation.PlainText;

/**
 * Assessments under the active model: the portfolio office assigns evaluators to proposals; each evaluator rates
 * every rated criterion with a justification, saves drafts and finally submits (then the assessment is frozen).
 * Benefit plans are kept by the portfolio office or the lead of the project's own office.
 */
@Service
@Transactional
public class AssessmentService {

	/** Proposals that can be assessed. */
	public static final Set<ProjectStatus> ASSESSABLE = EnumSet.of(ProjectStatus.SUBMITTED, ProjectStatus.IN_REVIEW);

	private final ScoringModelService models;
	private final Assessments assessments;
	private final BenefitPlans benefits;
	private final ProjectDirectory projects;
	private final UserDirectory users;

	AssessmentService(ScoringModelService models, Assessments assessments, BenefitPlans benefits,
			ProjectDirectory projects, UserDirectory users) {
		this.models = models;
		this.assessments = assessments;
		this.benefits = benefits;
		this.projects = projects;
		this.users = users;
	}

	/** A proposal with its assessments (for the portfolio office's assignment page). */
	public record Proposal(ProjectSnapshot project, List<Assessment> assessments) {
	}

	@Transactional(readOnly = true)
	public List<Proposal> proposals() {
		Access.requirePortfolioManager();
		ScoringModel model = models.requireActive();
		List<ProjectSnapshot> open = projects.inStatus(ASSESSABLE);
		Map<UUID, List<Assessment>> byProject = new LinkedHashMap<>();
		assessments.findByModelIdAndProjectIdIn(model.getId(), open.stream().map(ProjectSnapshot::id).toList())
			.forEach(a -> byProject.computeIfAbsent(a.getProjectId(), k -> new ArrayList<>()).add(a));
		return open.stream().map(p -> new Proposal(p, byProject.getOrDefault(p.id(), List.of()))).toList();
	}

	@Transactional(readOnly = true)
	public List<UserSummary> evaluators() {
		return users.withRole(Role.EVALUATOR);
	}

	public Assessment assign(UUID projectId, String evaluatorUsername) {
		LeitstandUser manager = Access.requirePortfolioManager();
		ScoringModel model = models.requireActive();
		ProjectSnapshot project = projects.find(projectId).orElseThrow(() -> new NotFoundException("project"));
		if (!ASSESSABLE.contains(project.status())) {
			throw new RuleViolation("assessment.error.notAssessable", "project");
		}
		UserSummary evaluator = users.findByUsername(evaluatorUsername)
			.filter(u -> u.roles().contains(Role.EVALUATOR))
			.orElseThrow(() -> InvalidInput.of("evaluator", "assessment.error.noEvaluator"));
		if (assessments.findByModelIdAndProjectIdAndEvaluatorUsernameIgnoreCase(model.getId(), projectId,
				evaluator.username()).isPresent()) {
			throw InvalidInput.of("evaluator", "assessment.error.alreadyAssigned", evaluator.displayName());
		}
		return assessments.save(new Assessment(model.getId(), projectId, evaluator.username(),
				evaluator.displayName(), manager.username(), false));
	}

	/** The current evaluator's assessments under the active model, open ones first. */
	@Transactional(readOnly = true)
	public List<Assessment> mine() {
		LeitstandUser user = Access.requireEvaluator();
		return models.active()
			.map(m -> assessments.findByModelIdAndEvaluatorUsernameIgnoreCase(m.getId(), user.username()))
			.orElse(List.of()).stream()
			.sorted(Comparator.comparing(Assessment::isSubmitted).thenComparing(Assessment::getAssignedAt))
			.toList();
	}

	/** An assessment its own evaluator may open; anybody else gets 403. */
	@Transactional(readOnly = true)
	public Assessment own(UUID assessmentId) {
		LeitstandUser user = Access.requireEvaluator();
		Assessment a = assessments.findById(assessmentId).orElseThrow(() -> new NotFoundException("assessment"));
		if (!a.getEvaluatorUsername().equalsIgnoreCase(user.username())) {
			throw new AccessDeniedException("not assigned to " + user.username());
		}
		return a;
	}

	/** The assessment of a project by the current evaluator, if assigned (for the API). */
	@Transactional(readOnly = true)
	public Assessment ownFor(UUID projectId) {
		LeitstandUser user = Access.requireEvaluator();
		ScoringModel model = models.requireActive();
		return assessments.findByModelIdAndProjectIdAndEvaluatorUsernameIgnoreCase(model.getId(), projectId,
				user.username()).orElseThrow(() -> new AccessDeniedException("not assigned"));
	}

	/**
	 * Saves ratings (criterion id → level, criterion id → justification). A level needs a justification; on
	 * submit every rated criterion needs both. Nothing is stored if anything is wrong.
	 */
	public void rate(UUID assessmentId, long version, Map<UUID, String> levels, Map<UUID, String> justifications,
			boolean submit) {
		Assessment a = own(assessmentId);
		StaleVersionException.require(a.getVersion(), version);
		if (a.isSubmitted()) {
			throw new RuleViolation("assessment.error.submitted", null);
		}
		ProjectSnapshot project = projects.find(a.getProjectId()).orElseThrow(() -> new NotFoundException("p"));
		if (!ASSESSABLE.contains(project.status())) {
			throw new RuleViolation("assessment.error.notAssessable", null);
		}
		ScoringModel model = models.get(a.getModelId());
		List<Problem> problems = new ArrayList<>();
		Map<UUID, Integer> parsedLevels = new LinkedHashMap<>();
		Map<UUID, String> texts = new LinkedHashMap<>();
		for (Criterion c : model.criteria()) {
			if (!c.isRated()) {
				continue;
			}
			String levelText = levels.get(c.getId());
			String text = justifications.getOrDefault(c.getId(), "").trim();
			boolean hasLevel = levelText != null && !levelText.isBlank();
			if (hasLevel) {
				Integer level = parseLevel(levelText, c.maxLevel());
				if (level == null) {
					problems.add(new Problem("level-" + c.getId(), "assessment.error.level", c.getCode(),
							String.valueOf(c.maxLevel())));
				}
				else {
					parsedLevels.put(c.getId(), level);
				}
			}
			else if (submit) {
				problems.add(new Problem("level-" + c.getId(), "assessment.error.levelMissing", c.getCode()));
			}
			if (text.isEmpty() && (hasLevel || submit)) {
				problems.add(new Problem("justification-" + c.getId(), "assessment.error.justificationMissing",
						c.getCode()));
			}
			else if (text.length() > 2000) {
				problems.add(new Problem("justification-" + c.getId(), "scoring.error.tooLong", "2000"));
			}
			else if (!PlainText.Validator.isPlain(text)) {
				problems.add(PlainText.Validator.problemAt("justification-" + c.getId(), text));
			}
			else if (!text.isEmpty()) {
				texts.put(c.getId(), text);
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		parsedLevels.forEach((criterion, level) -> a.rate(criterion, level, texts.get(criterion)));
		if (submit) {
			a.submit();
		}
		assessments.save(a);
	}

	private static Integer parseLevel(String text, int max) {
		try {
			int level = Integer.parseInt(text.trim());
			return level >= 0 && level <= max ? level : null;
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	/** Whether the current user may keep the project's benefit plan. */
	@Transactional(readOnly = true)
	public boolean canPlanBenefits(ProjectSnapshot project) {
		return LeitstandUser.current().map(u -> u.has(Role.PORTFOLIO_MANAGER)
				|| u.has(Role.PROJECT_LEAD) && u.actsFor(project.leadUnitId())).orElse(false);
	}

	@Transactional(readOnly = true)
	public BenefitPlan benefitPlan(UUID projectId) {
		return benefits.findById(projectId).orElseGet(() -> new BenefitPlan(projectId, false));
	}

	/** Replaces the benefit plan: year → amount in EUR (blank amounts are dropped). */
	public void planBenefits(UUID projectId, Long version, Map<String, String> amounts) {
		ProjectSnapshot project = projects.find(projectId).orElseThrow(() -> new NotFoundException("project"));
		if (!canPlanBenefits(project)) {
			throw new AccessDeniedException("may not plan benefits of " + project.key());
		}
		BenefitPlan plan = benefits.findById(projectId).orElseGet(() -> new BenefitPlan(projectId, false));
		if (plan.getVersion() != null) {
			StaleVersionException.require(plan.getVersion(), version == null ? -1 : version);
		}
		List<Problem> problems = new ArrayList<>();
		Map<Integer, BigDecimal> parsed = new LinkedHashMap<>();
		amounts.forEach((yearText, amountText) -> {
			if (amountText == null || amountText.isBlank()) {
				return;
			}
			BigDecimal amount = ScoringModelService.decimal(amountText);
			int year;
			try {
				year = Integer.parseInt(yearText.trim());
			}
			catch (NumberFormatException e) {
				problems.add(new Problem("benefit-" + yearText, "assessment.error.year"));
				return;
			}
			if (year < 2000 || year > 2100) {
				problems.add(new Problem("benefit-" + yearText, "assessment.error.year"));
			}
			else if (amount == null || amount.signum() < 0 || amount.scale() > 2
					|| amount.compareTo(new BigDecimal("1000000000000")) >= 0) {
				problems.add(new Problem("benefit-" + year, "assessment.error.amount", String.valueOf(year)));
			}
			else {
				parsed.put(year, amount);
			}
		});
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		plan.replace(parsed);
		benefits.save(plan);
	}
}
