package de.leitstand.prioritization.web;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import de.leitstand.portfolio.ProjectDirectory;
import de.leitstand.portfolio.ProjectSnapshot;
import de.leitstand.prioritization.ScoreSummary;
import de.leitstand.prioritization.internal.scoring.Assessment;
import de.leitstand.prioritization.internal.scoring.AssessmentService;
import de.leitstand.prioritization.internal.scoring.Criterion;
import de.leitstand.prioritization.internal.scoring.ScoreBoard;
import de.leitstand.prioritization.internal.scoring.ScoringModel;
import de.leitstand.prioritization.internal.scoring.ScoringModelService;
import de.leitstand.shared.InvalidInput;
import de.leitstand.shared.NotFoundException;
import de.leitstand.shared.web.ApiController;
import de.leitstand.shared.web.PreconditionFailed;

/** Scoring models and assessments as JSON: read models, list a project's assessments, submit a rating. */
@ApiController
@Tag(name = "Scoring", description = "Scoring models (Bewertungsmodelle) and assessments (Bewertungen)")
@SecurityRequirement(name = "basic")
class ScoringApiController {

	private final ScoringModelService models;
	private final AssessmentService assessments;
	private final ScoreBoard scores;
	private final ProjectDirectory projects;

	ScoringApiController(ScoringModelService models, AssessmentService assessments, ScoreBoard scores,
			ProjectDirectory projects) {
		this.models = models;
		this.assessments = assessments;
		this.scores = scores;
		this.projects = projects;
	}

	record ModelSummary(UUID id, String name, int versionNumber, String status, BigDecimal discountRate,
			boolean exampleData) {
	}

	record CriterionJson(UUID id, String group, String dimension, String code, String name, String description,
			BigDecimal weight, String kind, String derivation, Map<Integer, String> levels) {
	}

	record ModelDetail(UUID id, String name, int versionNumber, String status, BigDecimal discountRate,
			boolean exampleData, long version, List<CriterionJson> criteria) {
	}

	record RatingJson(String criterion, int level, String justification) {
	}

	record AssessmentJson(UUID id, String project, String evaluator, String status, boolean exampleData,
			long version, List<RatingJson> ratings) {
	}

	record ProjectAssessments(String project, ScoreSummary score, List<AssessmentJson> assessments) {
	}

	/** A rating request: levels and justifications by criterion code; submit closes the assessment. */
	record RatingRequest(Long version, Map<String, Integer> levels, Map<String, String> justifications,
			boolean submit) {
	}

	@GetMapping(path = "/api/v1/models", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "List scoring model versions, newest first")
	List<ModelSummary> models() {
		return models.all().stream().map(m -> new ModelSummary(m.getId(), m.getName(), m.getVersionNumber(),
				m.getStatus().name(), m.getDiscountRate(), m.isExampleData())).toList();
	}

	@GetMapping(path = "/api/v1/models/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Read a scoring model version with its criteria, weights and scales")
	ModelDetail model(@PathVariable UUID id) {
		ScoringModel m = models.get(id);
		return new ModelDetail(m.getId(), m.getName(), m.getVersionNumber(), m.getStatus().name(),
				m.getDiscountRate(), m.isExampleData(), m.getVersion(), m.criteria().stream().map(c -> {
					Map<Integer, String> levels = new java.util.TreeMap<>();
					c.getLevels().forEach(l -> levels.put(l.getValue(), l.getDescription()));
					return new CriterionJson(c.getId(), c.getGroup().getName(), c.getGroup().getDimension().name(),
							c.getCode(), c.getName(), c.getDescription(), c.getWeight(), c.getKind().name(),
							c.getDerivation() == null ? null : c.getDerivation().name(), levels);
				}).toList());
	}

	@GetMapping(path = "/api/v1/models/{id}/criteria", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The criteria of a scoring model version with weights and scales, in display order")
	List<CriterionJson> criteria(@PathVariable UUID id) {
		return model(id).criteria();
	}

	/**
	 * A criterion to add to a draft: group is the id of one of the model's groups or "new" (then groupName and
	 * dimension); kind RATED (default), ECONOMIC_VALUE or STRATEGIC_VALUE; levels: description by level from 0.
	 */
	record CriterionRequest(Long version, String group, String groupName, String dimension, String code, String name,
			String description, String kind, String weight, Map<Integer, String> levels) {
	}

	/** All weights of a draft by criterion code, in percent; they must add up to exactly 100. */
	record WeightsRequest(Long version, Map<String, String> weights) {
	}

	/** The version the change starts from, as with every change in this API. */
	record VersionRequest(Long version) {
	}

	@PostMapping(path = "/api/v1/models/{id}/copy", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Copy a model version as a new draft (portfolio office)")
	ModelDetail copy(@PathVariable UUID id) {
		return model(models.copy(id).getId());
	}

	@PostMapping(path = "/api/v1/models/{id}/criteria", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a criterion to a draft (portfolio office); active and archived versions are read-only",
			description = "version: the model's version; group: a group id of the model or \"new\" with groupName "
					+ "and dimension (ECONOMIC, URGENCY, QUALITATIVE, EXTERNAL, RISK); kind: RATED (default), "
					+ "ECONOMIC_VALUE or STRATEGIC_VALUE; levels: description by level 0 … 5, contiguous from 0")
	ModelDetail addCriterion(@PathVariable UUID id, @RequestBody CriterionRequest in) {
		models.editable(id);
		models.addCriterion(id, required(in.version()), new ScoringModelService.NewCriterion(in.group(),
				in.groupName(), in.dimension(), in.code(), in.name(), in.description(), in.kind(), in.weight(),
				in.levels() == null ? Map.of() : in.levels()));
		return model(id);
	}

	/**
	 * A draft's criterion as it should be: name, description, kind (RATED, ECONOMIC_VALUE or STRATEGIC_VALUE;
	 * absent: unchanged) and, for a rated one, its scale (descriptions by level).
	 */
	record CriterionUpdate(Long version, String name, String description, String kind, Map<Integer, String> levels) {
	}

	@PutMapping(path = "/api/v1/models/{id}/criteria/{criterionId}", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Change a criterion of a draft: name, description, kind, scale (portfolio office)",
			description = "version: the model's version; kind: RATED, ECONOMIC_VALUE or STRATEGIC_VALUE (each "
					+ "derivation once per model; absent: unchanged); levels (rated criteria only): description by "
					+ "level 0 … 5, contiguous from 0, at least two. Scale and kind may change, since nobody rates a "
					+ "draft")
	ModelDetail describeCriterion(@PathVariable UUID id, @PathVariable UUID criterionId,
			@RequestBody CriterionUpdate in) {
		models.editable(id);
		models.describeCriterion(id, required(in.version()), criterionId, in.name(), in.description(), in.kind(),
				in.levels() == null ? Map.of() : in.levels());
		return model(id);
	}

	@DeleteMapping(path = "/api/v1/models/{id}/criteria/{criterionId}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Remove a criterion from a draft (portfolio office)",
			description = "version: the model's version, as a query parameter")
	ModelDetail removeCriterion(@PathVariable UUID id, @PathVariable UUID criterionId,
			@RequestParam(required = false) Long version) {
		models.editable(id);
		models.removeCriterion(id, required(version), criterionId);
		return model(id);
	}

	@PutMapping(path = "/api/v1/models/{id}/weights", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Set all weights of a draft by criterion code (portfolio office); they must add up to 100")
	ModelDetail weigh(@PathVariable UUID id, @RequestBody WeightsRequest in) {
		ScoringModel m = models.editable(id);
		Map<String, UUID> byCode = new HashMap<>();
		Map<UUID, String> codeOf = new HashMap<>();
		m.criteria().forEach(c -> {
			byCode.put(c.getCode(), c.getId());
			codeOf.put(c.getId(), c.getCode());
		});
		Map<UUID, String> weights = new HashMap<>();
		List<InvalidInput.Problem> unknown = new java.util.ArrayList<>();
		if (in.weights() != null) {
			in.weights().forEach((code, w) -> {
				UUID c = byCode.get(code);
				if (c == null) {
					unknown.add(new InvalidInput.Problem("weights." + code, "scoring.error.unknownCriterion", code));
				}
				else {
					weights.put(c, w);
				}
			});
		}
		if (!unknown.isEmpty()) {
			throw new InvalidInput(unknown);
		}
		try {
			models.weigh(id, required(in.version()), weights);
		}
		catch (InvalidInput invalid) {
			// Name the criteria by code, as the request did.
			throw new InvalidInput(invalid.problems().stream().map(p -> p.field().startsWith("weight-")
					? new InvalidInput.Problem("weights." + codeOf.getOrDefault(uuidOrNull(p.field().substring(7)),
							p.field().substring(7)), p.messageKey(), p.args())
					: p).toList());
		}
		return model(id);
	}

	@PostMapping(path = "/api/v1/models/{id}/activation", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Activate a draft whose weights add up to 100 (portfolio office); archives the active one")
	ModelDetail activate(@PathVariable UUID id, @RequestBody VersionRequest in) {
		models.editable(id);
		models.activate(id, required(in.version()));
		return model(id);
	}

	private static long required(Long version) {
		if (version == null) {
			throw PreconditionFailed.required();
		}
		return version;
	}

	private static UUID uuidOrNull(String text) {
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	@GetMapping(path = "/api/v1/assessments", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The submitted assessments of a project under the active model, with its score",
			description = "project: the project key, e.g. P-0001")
	ProjectAssessments forProject(@RequestParam String project) {
		ProjectSnapshot p = projects.findByKey(project).orElseThrow(() -> new NotFoundException(project));
		ScoringModel model = models.requireActive();
		Map<UUID, String> codes = new HashMap<>();
		model.criteria().forEach(c -> codes.put(c.getId(), c.getCode()));
		List<AssessmentJson> list = scores.evaluationOf(p).map(e -> e.assessments().stream()
			.filter(Assessment::isSubmitted).map(a -> json(a, p, codes)).toList()).orElse(List.of());
		return new ProjectAssessments(p.key(), scores.scoreOf(p.id()).orElse(null), list);
	}

	@PostMapping(path = "/api/v1/assessments/{project}/ratings", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Rate a project assigned to the signed-in evaluator (draft, or submit with submit=true)",
			description = "levels and justifications are keyed by criterion code (D1, S2, …); version is the "
					+ "assessment's version from a previous answer (0 for a fresh one)")
	AssessmentJson rate(@PathVariable String project, @RequestBody RatingRequest request) {
		ProjectSnapshot p = projects.findByKey(project).orElseThrow(() -> new NotFoundException(project));
		Assessment a = assessments.ownFor(p.id());
		ScoringModel model = models.get(a.getModelId());
		Map<UUID, String> levels = new HashMap<>();
		Map<UUID, String> texts = new HashMap<>();
		Map<String, Criterion> byCode = new HashMap<>();
		model.criteria().forEach(c -> byCode.put(c.getCode(), c));
		List<InvalidInput.Problem> unknown = new java.util.ArrayList<>();
		if (request.levels() != null) {
			request.levels().forEach((code, level) -> {
				Criterion c = byCode.get(code);
				if (c == null) {
					unknown.add(new InvalidInput.Problem("levels." + code, "assessment.error.unknownCriterion", code));
				}
				else {
					levels.put(c.getId(), level == null ? "" : String.valueOf(level));
				}
			});
		}
		if (request.justifications() != null) {
			request.justifications().forEach((code, text) -> {
				Criterion c = byCode.get(code);
				if (c != null) {
					texts.put(c.getId(), text);
				}
			});
		}
		if (!unknown.isEmpty()) {
			throw new InvalidInput(unknown);
		}
		long version = request.version() == null ? a.getVersion() : request.version();
		assessments.rate(a.getId(), version, levels, texts, request.submit());
		Map<UUID, String> codes = new HashMap<>();
		model.criteria().forEach(c -> codes.put(c.getId(), c.getCode()));
		return json(assessments.own(a.getId()), p, codes);
	}

	private static AssessmentJson json(Assessment a, ProjectSnapshot p, Map<UUID, String> codes) {
		return new AssessmentJson(a.getId(), p.key(), a.getEvaluatorName(), a.getStatus().name(), a.isExampleData(),
				a.getVersion(), a.getRatings().stream()
					.map(r -> new RatingJson(codes.get(r.getCriterionId()), r.getLevel(), r.getJustification()))
					.toList());
	}
}
