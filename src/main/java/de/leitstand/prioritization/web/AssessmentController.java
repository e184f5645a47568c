package de.leitstand.prioritization.web;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.leitstand.organization.LeitstandUser;
import de.leitstand.organization.Role;
import de.leitstand.portfolio.ProjectDirectory;
import de.leitstand.portfolio.ProjectSnapshot;
import de.leitstand.prioritization.internal.scoring.Assessment;
import de.leitstand.prioritization.internal.scoring.AssessmentService;
import de.leitstand.prioritization.internal.scoring.BenefitPlan;
import de.leitstand.prioritization.internal.scoring.Criterion;
import de.leitstand.prioritization.internal.scoring.ScoreBoard;
import de.leitstand.prioritization.internal.scoring.ScoringModel;
import de.leitstand.prioritization.internal.scoring.ScoringModelService;
import de.leitstand.shared.InvalidInput;
import de.leitstand.shared.NotFoundException;
import de.leitstand.shared.StaleVersionException;

/**
 * Assessments: the portfolio office assigns evaluators; evaluators rate their proposals; the breakdown per
 * criterion of one project with its benefit plan.
 */
@Controller
class AssessmentController {

	static final String OVERVIEW = "prioritization/assessments";
	static final String RATE = "prioritization/assessment-rate";
	static final String BREAKDOWN = "prioritization/assessment-breakdown";
	static final String SUMMARY = "prioritization/score-summary :: summary";

	private final AssessmentService assessments;
	private final ScoringModelService models;
	private final ScoreBoard scores;
	private final ProjectDirectory projects;
	private final ScoringProblems problems;

	AssessmentController(AssessmentService assessments, ScoringModelService models, ScoreBoard scores,
			ProjectDirectory projects, ScoringProblems problems) {
		this.assessments = assessments;
		this.models = models;
		this.scores = scores;
		this.projects = projects;
		this.problems = problems;
	}

	@GetMapping("/assessments")
	String overview(Model model) {
		LeitstandUser user = LeitstandUser.current().orElseThrow(() -> new AccessDeniedException("sign in"));
		boolean manager = user.has(Role.PORTFOLIO_MANAGER);
		boolean evaluator = user.has(Role.EVALUATOR);
		if (!manager && !evaluator) {
			throw new AccessDeniedException("assessments are for the portfolio office and evaluators");
		}
		model.addAttribute("activeModel", models.active().orElse(null));
		if (models.active().isPresent()) {
			if (manager) {
				model.addAttribute("proposals", assessments.proposals());
				model.addAttribute("evaluators", assessments.evaluators());
			}
			if (evaluator) {
				List<Assessment> mine = assessments.mine();
				Map<UUID, ProjectSnapshot> byId = new HashMap<>();
				projects.findAll(mine.stream().map(Assessment::getProjectId).toList())
					.forEach(p -> byId.put(p.id(), p));
				model.addAttribute("mine", mine);
				model.addAttribute("projectsById", byId);
			}
		}
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return OVERVIEW;
	}

	@PostMapping("/assessments/assign")
	String assign(@RequestParam UUID project, @RequestParam(defaultValue = "") String evaluator,
			RedirectAttributes redirect) {
		try {
			assessments.assign(project, evaluator);
			redirect.addFlashAttribute("success", "assessment.assigned");
		}
		catch (InvalidInput invalid) {
			redirect.addFlashAttribute("assignProblem", problems.resolve(invalid).values().iterator().next());
		}
		return "redirect:/assessments";
	}

	/** The evaluator's next open assessment, or the overview when none is left. */
	@GetMapping("/assessments/next")
	String next() {
		return assessments.mine().stream().filter(a -> !a.isSubmitted()).findFirst()
			.map(a -> "redirect:/assessments/" + a.getId()).orElse("redirect:/assessments");
	}

	@GetMapping("/assessments/{id}")
	String rate(@PathVariable UUID id, Model model) {
		Assessment a = assessments.own(id);
		Map<String, String> levels = new HashMap<>();
		Map<String, String> texts = new HashMap<>();
		a.getRatings().forEach(r -> {
			levels.put(r.getCriterionId().toString(), String.valueOf(r.getLevel()));
			texts.put(r.getCriterionId().toString(), r.getJustification());
		});
		showRating(a, levels, texts, Map.of(), model);
		return RATE;
	}

	@PostMapping("/assessments/{id}")
	String saveRating(@PathVariable UUID id, @RequestParam long version,
			@RequestParam(defaultValue = "save") String action, @RequestParam Map<String, String> params, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Map<UUID, String> levels = new HashMap<>();
		Map<UUID, String> texts = new HashMap<>();
		Map<String, String> rawLevels = new HashMap<>();
		Map<String, String> rawTexts = new HashMap<>();
		params.forEach((k, v) -> {
			try {
				if (k.startsWith("level-")) {
					levels.put(UUID.fromString(k.substring(6)), v);
					rawLevels.put(k.substring(6), v);
				}
				else if (k.startsWith("justification-")) {
					texts.put(UUID.fromString(k.substring(14)), v);
					rawTexts.put(k.substring(14), v);
				}
			}
			catch (IllegalArgumentException ignored) {
				// not a criterion of this form
			}
		});
		boolean submit = "submit".equals(action);
		try {
			assessments.rate(id, version, levels, texts, submit);
		}
		catch (InvalidInput invalid) {
			response.setStatus(422);
			showRating(assessments.own(id), rawLevels, rawTexts, problems.resolve(invalid), model);
			return RATE;
		}
		catch (StaleVersionException stale) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return "error/409";
		}
		redirect.addFlashAttribute("success", submit ? "assessment.submitted" : "assessment.draftSaved");
		return submit ? "redirect:/assessments" : "redirect:/assessments/" + id;
	}

	private void showRating(Assessment a, Map<String, String> levels, Map<String, String> texts,
			Map<String, String> errors, Model model) {
		ScoringModel m = models.get(a.getModelId());
		model.addAttribute("assessment", a);
		model.addAttribute("project", projects.find(a.getProjectId()).orElseThrow(() -> new NotFoundException("p")));
		model.addAttribute("scoringModel", m);
		model.addAttribute("rated", m.criteria().stream().filter(Criterion::isRated).toList());
		model.addAttribute("levels", levels);
		model.addAttribute("texts", texts);
		model.addAttribute("errors", errors);
	}

	@GetMapping("/assessments/projects/{key}")
	String breakdown(@PathVariable String key, Model model) {
		ProjectSnapshot project = visible(key);
		showBreakdown(project, null, Map.of(), model);
		return BREAKDOWN;
	}

	/**
	 * The score of one project as a fragment: total, rank, WiBe verdict and a link to the breakdown. The portfolio
	 * project page loads it with htmx, so that the portfolio module needs nothing from this one.
	 */
	@GetMapping("/assessments/projects/{key}/summary")
	String summary(@PathVariable String key, Model model) {
		ProjectSnapshot project = visible(key);
		model.addAttribute("project", project);
		model.addAttribute("score", scores.scoreOf(project.id()).orElse(null));
		return SUMMARY;
	}

	/**
	 * A project whose assessment the signed-in user may see: as on the portfolio pages, an idea (draft) only for the
	 * portfolio office and its lead office; otherwise 404, so that nothing about it is disclosed.
	 */
	private ProjectSnapshot visible(String key) {
		ProjectSnapshot project = projects.findByKey(key).orElseThrow(() -> new NotFoundException(key));
		if (project.status() == de.leitstand.portfolio.ProjectStatus.IDEA) {
			LeitstandUser user = LeitstandUser.current().orElseThrow(() -> new AccessDeniedException("sign in"));
			if (!user.has(Role.PORTFOLIO_MANAGER) && !user.actsFor(project.leadUnitId())) {
				throw new NotFoundException(key);
			}
		}
		return project;
	}

	@PostMapping("/assessments/projects/{key}/benefits")
	String benefits(@PathVariable String key, @RequestParam(required = false) Long version,
			@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		ProjectSnapshot project = projects.findByKey(key).orElseThrow(() -> new NotFoundException(key));
		Map<String, String> amounts = new LinkedHashMap<>();
		params.forEach((k, v) -> {
			if (k.startsWith("benefit-")) {
				amounts.put(k.substring(8), v);
			}
		});
		try {
			assessments.planBenefits(project.id(), version, amounts);
		}
		catch (InvalidInput invalid) {
			response.setStatus(422);
			showBreakdown(project, amounts, problems.resolve(invalid), model);
			return BREAKDOWN;
		}
		catch (StaleVersionException stale) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return "error/409";
		}
		redirect.addFlashAttribute("success", "assessment.benefits.saved");
		return "redirect:/assessments/projects/" + key;
	}

	/** One year of the cost/benefit table. */
	record PlanYear(String year, BigDecimal cost, String benefit) {
	}

	private void showBreakdown(ProjectSnapshot project, Map<String, String> enteredBenefits,
			Map<String, String> errors, Model model) {
		model.addAttribute("project", project);
		model.addAttribute("evaluation", scores.evaluationOf(project).orElse(null));
		scores.rankedEvaluations().stream().filter(r -> r.evaluation().project().id().equals(project.id()))
			.findFirst().ifPresent(r -> model.addAttribute("rank", r.rank()));
		model.addAttribute("rankedAmong", scores.rankedEvaluations().size());
		BenefitPlan plan = assessments.benefitPlan(project.id());
		TreeSet<Integer> years = new TreeSet<>();
		project.costs().forEach(c -> years.add(c.year()));
		years.addAll(plan.asMap().keySet());
		if (years.isEmpty()) {
			int start = project.plannedStart() == null ? java.time.Year.now().getValue()
					: project.plannedStart().getYear();
			for (int y = start; y < start + 3; y++) {
				years.add(y);
			}
		}
		years.add(years.last() + 1);
		List<PlanYear> rows = years.stream().map(y -> new PlanYear(String.valueOf(y), project.costIn(y),
				enteredBenefits != null ? enteredBenefits.getOrDefault(String.valueOf(y), "")
						: plan.asMap().containsKey(y) ? plan.asMap().get(y).stripTrailingZeros().toPlainString()
								: ""))
			.toList();
		model.addAttribute("planYears", rows);
		model.addAttribute("planVersion", plan.getVersion());
		model.addAttribute("canPlan", assessments.canPlanBenefits(project));
		model.addAttribute("errors", errors);
	}
}
