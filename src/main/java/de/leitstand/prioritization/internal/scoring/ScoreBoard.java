package de.leitstand.prioritization.internal.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.leitstand.portfolio.ProjectDirectory;
import de.leitstand.portfolio.ProjectSnapshot;
import de.leitstand.prioritization.ProjectScores;
import de.leitstand.prioritization.ScoreSummary;

/**
 * Computes scores under the active model from the submitted assessments, the project's cost plan, its benefit plan
 * and its goal links. Nothing is cached: a score is always traceable to the ratings behind it.
 */
@Service
@Transactional(readOnly = true)
public class ScoreBoard implements ProjectScores {

	private final ScoringModels models;
	private final Assessments assessments;
	private final BenefitPlans benefits;
	private final ProjectDirectory projects;

	ScoreBoard(ScoringModels models, Assessments assessments, BenefitPlans benefits, ProjectDirectory projects) {
		this.models = models;
		this.assessments = assessments;
		this.benefits = benefits;
		this.projects = projects;
	}

	/** A ranked evaluation: rank 1 is the best. */
	public record Ranked(int rank, ProjectEvaluation evaluation) {
	}

	/** All projects with at least one submitted assessment under the active model, best first. */
	public List<Ranked> rankedEvaluations() {
		Optional<ScoringModel> active = models.findFirstByStatus(ModelStatus.ACTIVE);
		if (active.isEmpty()) {
			return List.of();
		}
		ScoringModel model = active.get();
		Map<UUID, List<Assessment>> byProject = assessments
			.findByModelIdAndStatus(model.getId(), AssessmentStatus.SUBMITTED).stream()
			.collect(Collectors.groupingBy(Assessment::getProjectId));
		List<ProjectEvaluation> evaluations = new ArrayList<>();
		for (ProjectSnapshot p : projects.findAll(byProject.keySet())) {
			evaluations.add(evaluate(model, p, assessments.findByModelIdAndProjectId(model.getId(), p.id())));
		}
		evaluations.sort(Comparator.comparing(ProjectEvaluation::total).reversed()
			.thenComparing(e -> e.project().key()));
		List<Ranked> ranked = new ArrayList<>();
		for (int i = 0; i < evaluations.size(); i++) {
			ranked.add(new Ranked(i + 1, evaluations.get(i)));
		}
		return ranked;
	}

	/** The evaluation of one project under the active model (also when nobody has submitted yet). */
	public Optional<ProjectEvaluation> evaluationOf(ProjectSnapshot project) {
		return models.findFirstByStatus(ModelStatus.ACTIVE)
			.map(m -> evaluate(m, project, assessments.findByModelIdAndProjectId(m.getId(), project.id())));
	}

	@Override
	public Optional<ScoreSummary> scoreOf(UUID projectId) {
		List<Ranked> ranked = rankedEvaluations();
		return ranked.stream().filter(r -> r.evaluation().project().id().equals(projectId)).findFirst()
			.map(r -> summary(r, ranked.size()));
	}

	@Override
	public List<ScoreSummary> ranking() {
		List<Ranked> ranked = rankedEvaluations();
		return ranked.stream().map(r -> summary(r, ranked.size())).toList();
	}

	private static ScoreSummary summary(Ranked r, int among) {
		ProjectEvaluation e = r.evaluation();
		return new ScoreSummary(e.project().id(), e.project().key(), e.project().title(), e.total(), r.rank(), among,
				e.submitted(), e.npv().value(), e.qualitativeExternalScore(), e.verdict(), e.disagreement(),
				e.criteria().stream().map(c -> new ScoreSummary.CriterionScore(c.criterion().getCode(),
						c.criterion().getName(), c.criterion().getWeight(), !c.criterion().isRated(), c.score(),
						c.contribution())).toList());
	}

	ProjectEvaluation evaluate(ScoringModel model, ProjectSnapshot project, List<Assessment> all) {
		List<Assessment> submitted = all.stream().filter(Assessment::isSubmitted).toList();
		Map<Integer, BigDecimal> costs = new HashMap<>();
		project.costs().forEach(c -> costs.merge(c.year(), c.investment().add(c.running()), BigDecimal::add));
		Map<Integer, BigDecimal> benefitPlan = benefits.findById(project.id()).map(BenefitPlan::asMap)
			.orElse(Map.of());
		Wibe.Npv npv = Wibe.netPresentValue(costs, benefitPlan, model.getDiscountRate());

		List<ProjectEvaluation.CriterionResult> results = new ArrayList<>();
		BigDecimal total = BigDecimal.ZERO;
		BigDecimal qualWeight = BigDecimal.ZERO;
		BigDecimal qualPoints = BigDecimal.ZERO;
		for (Criterion c : model.criteria()) {
			ProjectEvaluation.CriterionResult result = c.isRated() ? rated(c, submitted)
					: derived(c, project, npv);
			results.add(result);
			total = total.add(result.contribution());
			Dimension d = c.getGroup().getDimension();
			if (d == Dimension.QUALITATIVE || d == Dimension.EXTERNAL) {
				qualWeight = qualWeight.add(c.getWeight());
				qualPoints = qualPoints.add(c.getWeight().multiply(result.score()));
			}
		}
		BigDecimal qualitative = qualWeight.signum() == 0 ? BigDecimal.ZERO
				: qualPoints.divide(qualWeight, 1, RoundingMode.HALF_UP);
		total = total.setScale(1, RoundingMode.HALF_UP);
		return new ProjectEvaluation(model, project, results, npv, total, qualitative,
				Wibe.verdict(npv.value(), qualitative), all, submitted.size());
	}

	static ProjectEvaluation.CriterionResult rated(Criterion c, List<Assessment> submitted) {
		Map<Integer, String> descriptions = c.getLevels().stream()
			.collect(Collectors.toMap(ScaleLevel::getValue, ScaleLevel::getDescription));
		List<ProjectEvaluation.RatingView> views = new ArrayList<>();
		for (Assessment a : submitted) {
			a.rating(c.getId()).ifPresent(r -> views.add(new ProjectEvaluation.RatingView(a.getEvaluatorName(),
					r.getLevel(), descriptions.getOrDefault(r.getLevel(), ""), r.getJustification(),
					a.isExampleData())));
		}
		List<Integer> levels = views.stream().map(ProjectEvaluation.RatingView::level).toList();
		Aggregate agg = Aggregate.of(levels, c.maxLevel());
		BigDecimal contribution = c.getWeight().multiply(agg.score())
			.divide(ScoringModelService.HUNDRED, 2, RoundingMode.HALF_UP);
		return new ProjectEvaluation.CriterionResult(c, views, agg.mean(), agg.min(), agg.max(), agg.spread(),
				agg.disagreement(), agg.score(), contribution);
	}

	private static ProjectEvaluation.CriterionResult derived(Criterion c, ProjectSnapshot project, Wibe.Npv npv) {
		BigDecimal score = c.getDerivation() == Derivation.ECONOMIC_VALUE ? Wibe.economicScore(npv)
				: Wibe.strategicScore(project.goals().values());
		BigDecimal contribution = c.getWeight().multiply(score)
			.divide(ScoringModelService.HUNDRED, 2, RoundingMode.HALF_UP);
		return new ProjectEvaluation.CriterionResult(c, List.of(), null, null, null, null, false, score,
				contribution);
	}
}
