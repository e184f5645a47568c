package de.leitstand.prioritization.web;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.leitstand.organization.LeitstandUser;
import de.leitstand.organization.Role;
import de.leitstand.prioritization.internal.scoring.Ahp;
import de.leitstand.prioritization.internal.scoring.Criterion;
import de.leitstand.prioritization.internal.scoring.CriterionKind;
import de.leitstand.prioritization.internal.scoring.Derivation;
import de.leitstand.prioritization.internal.scoring.Dimension;
import de.leitstand.prioritization.internal.scoring.ModelStatus;
import de.leitstand.prioritization.internal.scoring.ScoringModel;
import de.leitstand.prioritization.internal.scoring.ScoringModelService;
import de.leitstand.shared.InvalidInput;
import de.leitstand.shared.StaleVersionException;

/**
 * Scoring model versions: list, a version with its criteria, weights and scales, editing a draft, pairwise
 * comparison (AHP), copy and activation.
 */
@Controller
class ScoringModelController {

	static final String LIST = "prioritization/scoring-models";
	static final String MODEL = "prioritization/scoring-model";
	static final String CRITERION = "prioritization/scoring-criterion";
	static final String AHP = "prioritization/scoring-ahp";
	static final String NEW_CRITERION = "prioritization/scoring-criterion-new";

	private final ScoringModelService models;
	private final ScoringProblems problems;

	ScoringModelController(ScoringModelService models, ScoringProblems problems) {
		this.models = models;
		this.problems = problems;
	}

	@GetMapping("/scoring/models")
	String list(Model model) {
		model.addAttribute("models", models.all());
		model.addAttribute("canEdit", isManager());
		return LIST;
	}

	/** A stable address for the version in use (bookmarks, links from other pages). */
	@GetMapping("/scoring/models/active")
	String active() {
		return models.active().map(m -> "redirect:/scoring/models/" + m.getId()).orElse("redirect:/scoring/models");
	}

	@GetMapping("/scoring/models/active/ahp")
	String activeAhp() {
		return models.active().map(m -> "redirect:/scoring/models/" + m.getId() + "/ahp")
			.orElse("redirect:/scoring/models");
	}

	@GetMapping("/scoring/models/{id}")
	String show(@PathVariable UUID id, Model model) {
		ScoringModel m = models.get(id);
		show(m, model);
		Map<String, String> weights = new HashMap<>();
		m.criteria().forEach(c -> weights.put(c.getId().toString(), c.getWeight().stripTrailingZeros().toPlainString()));
		model.addAttribute("weights", weights);
		model.addAttribute("name", m.getName());
		model.addAttribute("discountRate", m.getDiscountRate().stripTrailingZeros().toPlainString());
		return MODEL;
	}

	private void show(ScoringModel m, Model model) {
		model.addAttribute("scoringModel", m);
		model.addAttribute("editable", isManager() && m.getStatus() == ModelStatus.DRAFT);
		model.addAttribute("canEdit", isManager());
		model.addAttribute("weightSum", m.weightSum().stripTrailingZeros().toPlainString());
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
	}

	@PostMapping("/scoring/models/{id}/settings")
	String settings(@PathVariable UUID id, @RequestParam long version, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String discountRate, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			models.describe(id, version, name, discountRate);
		}
		catch (InvalidInput invalid) {
			return refused(id, invalid, model, response, name, discountRate, null);
		}
		catch (StaleVersionException stale) {
			return stale(response);
		}
		redirect.addFlashAttribute("success", "scoring.saved");
		return "redirect:/scoring/models/" + id;
	}

	@PostMapping("/scoring/models/{id}/weights")
	String weights(@PathVariable UUID id, @RequestParam long version, @RequestParam Map<String, String> params,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		Map<UUID, String> weights = new HashMap<>();
		Map<String, String> raw = new HashMap<>();
		params.forEach((k, v) -> {
			if (k.startsWith("weight-")) {
				try {
					weights.put(UUID.fromString(k.substring(7)), v);
					raw.put(k.substring(7), v);
				}
				catch (IllegalArgumentException ignored) {
					// not a criterion of this form
				}
			}
		});
		try {
			models.weigh(id, version, weights);
		}
		catch (InvalidInput invalid) {
			ScoringModel m = models.get(id);
			return refused(id, invalid, model, response, m.getName(),
					m.getDiscountRate().stripTrailingZeros().toPlainString(), raw);
		}
		catch (StaleVersionException stale) {
			return stale(response);
		}
		redirect.addFlashAttribute("success", "scoring.weights.saved");
		return "redirect:/scoring/models/" + id;
	}

	private String refused(UUID id, InvalidInput invalid, Model model, HttpServletResponse response, String name,
			String rate, Map<String, String> weights) {
		response.setStatus(422);
		ScoringModel m = models.get(id);
		model.addAttribute("errors", problems.resolve(invalid));
		show(m, model);
		Map<String, String> w = new HashMap<>();
		m.criteria().forEach(c -> w.put(c.getId().toString(), c.getWeight().stripTrailingZeros().toPlainString()));
		if (weights != null) {
			w.putAll(weights);
		}
		model.addAttribute("weights", w);
		model.addAttribute("name", name);
		model.addAttribute("discountRate", rate);
		return MODEL;
	}

	private static String stale(HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_CONFLICT);
		return "error/409";
	}

	@PostMapping("/scoring/models/{id}/copy")
	String copy(@PathVariable UUID id, RedirectAttributes redirect) {
		ScoringModel copy = models.copy(id);
		redirect.addFlashAttribute("success", "scoring.copied");
		return "redirect:/scoring/models/" + copy.getId();
	}

	@PostMapping("/scoring/models/{id}/activate")
	String activate(@PathVariable UUID id, @RequestParam long version, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			models.activate(id, version);
		}
		catch (InvalidInput invalid) {
			ScoringModel m = models.get(id);
			return refused(id, invalid, model, response, m.getName(),
					m.getDiscountRate().stripTrailingZeros().toPlainString(), null);
		}
		catch (StaleVersionException stale) {
			return stale(response);
		}
		redirect.addFlashAttribute("success", "scoring.activated");
		return "redirect:/scoring/models/" + id;
	}

	@GetMapping("/scoring/models/{id}/criteria/{criterionId}")
	String criterion(@PathVariable UUID id, @PathVariable UUID criterionId, Model model) {
		ScoringModel m = models.get(id);
		Criterion c = m.criterion(criterionId);
		Map<String, String> levels = new LinkedHashMap<>();
		c.getLevels().forEach(l -> levels.put(String.valueOf(l.getValue()), l.getDescription()));
		showCriterion(m, c, c.getName(), c.getDescription(), kindOf(c), levels, Map.of(), model);
		return CRITERION;
	}

	private static String kindOf(Criterion c) {
		return c.isRated() ? CriterionKind.RATED.name() : c.getDerivation().name();
	}

	@PostMapping("/scoring/models/{id}/criteria/{criterionId}")
	String saveCriterion(@PathVariable UUID id, @PathVariable UUID criterionId, @RequestParam long version,
			@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String description,
			@RequestParam(required = false) String kind, @RequestParam Map<String, String> params, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Map<Integer, String> levels = new HashMap<>();
		Map<String, String> raw = new LinkedHashMap<>();
		params.forEach((k, v) -> {
			if (k.startsWith("level-")) {
				try {
					levels.put(Integer.parseInt(k.substring(6)), v);
					raw.put(k.substring(6), v);
				}
				catch (NumberFormatException ignored) {
					// not a level of this form
				}
			}
		});
		try {
			models.describeCriterion(id, version, criterionId, name, description, kind, levels);
		}
		catch (InvalidInput invalid) {
			response.setStatus(422);
			ScoringModel m = models.get(id);
			Criterion c = m.criterion(criterionId);
			showCriterion(m, c, name, description, kind == null || kind.isBlank() ? kindOf(c) : kind, raw,
					problems.resolve(invalid), model);
			return CRITERION;
		}
		catch (StaleVersionException stale) {
			return stale(response);
		}
		redirect.addFlashAttribute("success", "scoring.criterion.saved");
		return "redirect:/scoring/models/" + id;
	}

	@GetMapping("/scoring/models/{id}/criteria/new")
	String newCriterion(@PathVariable UUID id, Model model) {
		requireManager();
		ScoringModel m = models.get(id);
		showNewCriterion(m, new ScoringModelService.NewCriterion(m.getGroups().isEmpty() ? ScoringModelService.NEW_GROUP
				: m.getGroups().get(0).getId().toString(), "", "", "", "", "", "RATED", "0", Map.of()), Map.of(), model);
		return NEW_CRITERION;
	}

	@PostMapping("/scoring/models/{id}/criteria")
	String addCriterion(@PathVariable UUID id, @RequestParam long version,
			@RequestParam(defaultValue = "") String group, @RequestParam(defaultValue = "") String groupName,
			@RequestParam(defaultValue = "") String dimension, @RequestParam(defaultValue = "") String code,
			@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String description,
			@RequestParam(defaultValue = "RATED") String kind, @RequestParam(defaultValue = "") String weight,
			@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Map<Integer, String> levels = new HashMap<>();
		params.forEach((k, v) -> {
			if (k.startsWith("level-")) {
				try {
					levels.put(Integer.parseInt(k.substring(6)), v);
				}
				catch (NumberFormatException ignored) {
					// not a level of this form
				}
			}
		});
		ScoringModelService.NewCriterion input = new ScoringModelService.NewCriterion(group, groupName, dimension,
				code, name, description, kind, weight, levels);
		try {
			models.addCriterion(id, version, input);
		}
		catch (InvalidInput invalid) {
			response.setStatus(422);
			showNewCriterion(models.get(id), input, problems.resolve(invalid), model);
			return NEW_CRITERION;
		}
		catch (StaleVersionException stale) {
			return stale(response);
		}
		redirect.addFlashAttribute("success", "scoring.criterion.added");
		return "redirect:/scoring/models/" + id;
	}

	@PostMapping("/scoring/models/{id}/criteria/{criterionId}/delete")
	String removeCriterion(@PathVariable UUID id, @PathVariable UUID criterionId, @RequestParam long version,
			RedirectAttributes redirect, HttpServletResponse response) {
		try {
			models.removeCriterion(id, version, criterionId);
		}
		catch (StaleVersionException stale) {
			return stale(response);
		}
		redirect.addFlashAttribute("success", "scoring.criterion.removed");
		return "redirect:/scoring/models/" + id;
	}

	/** RATED and the derivations no criterion of the model uses yet, plus the one chosen. */
	private static List<String> kinds(ScoringModel m, String chosen) {
		List<String> kinds = new java.util.ArrayList<>();
		kinds.add(CriterionKind.RATED.name());
		for (Derivation d : Derivation.values()) {
			if (m.criteria().stream().noneMatch(c -> c.getDerivation() == d) || d.name().equals(chosen)) {
				kinds.add(d.name());
			}
		}
		return kinds;
	}

	private void showNewCriterion(ScoringModel m, ScoringModelService.NewCriterion input, Map<String, String> errors,
			Model model) {
		model.addAttribute("scoringModel", m);
		model.addAttribute("editable", isManager() && m.getStatus() == ModelStatus.DRAFT);
		model.addAttribute("input", input);
		model.addAttribute("groups", m.getGroups());
		model.addAttribute("newGroup", ScoringModelService.NEW_GROUP);
		model.addAttribute("dimensions", Dimension.values());
		model.addAttribute("kinds", kinds(m, input.kind()));
		Map<String, String> levels = new LinkedHashMap<>();
		for (int v = 0; v <= ScoringModelService.MAX_LEVEL; v++) {
			String text = input.levels().get(v);
			levels.put(String.valueOf(v), text == null ? "" : text);
		}
		model.addAttribute("levels", levels);
		model.addAttribute("errors", errors);
	}

	private static void requireManager() {
		if (!isManager()) {
			throw new org.springframework.security.access.AccessDeniedException("only the portfolio office edits models");
		}
	}

	/**
	 * The level fields of the form, by level: in a draft the scale may grow up to MAX_LEVEL, so the levels above
	 * the current ones are offered blank (blank ones at the top are dropped on saving).
	 */
	private static Map<String, String> offered(Map<String, String> levels, boolean growable) {
		Map<Integer, String> sorted = new java.util.TreeMap<>();
		levels.forEach((k, v) -> {
			try {
				sorted.put(Integer.parseInt(k), v);
			}
			catch (NumberFormatException ignored) {
				// not a level
			}
		});
		if (growable) {
			for (int v = 0; v <= ScoringModelService.MAX_LEVEL; v++) {
				sorted.putIfAbsent(v, "");
			}
		}
		Map<String, String> out = new LinkedHashMap<>();
		sorted.forEach((k, v) -> out.put(String.valueOf(k), v));
		return out;
	}

	private void showCriterion(ScoringModel m, Criterion c, String name, String description, String kind,
			Map<String, String> levels, Map<String, String> errors, Model model) {
		model.addAttribute("scoringModel", m);
		model.addAttribute("criterion", c);
		boolean editable = isManager() && m.getStatus() == ModelStatus.DRAFT;
		model.addAttribute("editable", editable);
		model.addAttribute("name", name);
		model.addAttribute("description", description);
		model.addAttribute("levels", offered(levels, editable));
		model.addAttribute("kind", kind);
		model.addAttribute("kinds", kinds(m, kind));
		model.addAttribute("errors", errors);
	}

	@GetMapping("/scoring/models/{id}/ahp")
	String ahp(@PathVariable UUID id, Model model) {
		Map<String, String> comparisons = models.impliedComparisons(id);
		showAhp(models.get(id), comparisons, models.ahp(id, comparisons), Map.of(), model);
		return AHP;
	}

	@PostMapping("/scoring/models/{id}/ahp")
	String ahp(@PathVariable UUID id, @RequestParam long version, @RequestParam(defaultValue = "compute") String action,
			@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Map<String, String> comparisons = new HashMap<>();
		params.forEach((k, v) -> {
			if (k.startsWith("c_")) {
				comparisons.put(k.substring(2), v);
			}
		});
		try {
			if ("apply".equals(action)) {
				models.applyAhp(id, version, comparisons);
				redirect.addFlashAttribute("success", "scoring.ahp.applied");
				return "redirect:/scoring/models/" + id;
			}
			showAhp(models.get(id), comparisons, models.ahp(id, comparisons), Map.of(), model);
			return AHP;
		}
		catch (InvalidInput invalid) {
			response.setStatus(422);
			showAhp(models.get(id), comparisons, null, problems.resolve(invalid), model);
			return AHP;
		}
		catch (StaleVersionException stale) {
			return stale(response);
		}
	}

	/** One row of the AHP result table. */
	record AhpRow(Criterion criterion, String derivedWeight) {
	}

	/** One comparison of the AHP form: criterion i against j, the field name and the chosen value. */
	record Pair(Criterion left, Criterion right, String field, String value) {
	}

	private void showAhp(ScoringModel m, Map<String, String> comparisons, Ahp.Result result,
			Map<String, String> errors, Model model) {
		List<Criterion> criteria = m.criteria();
		List<Pair> pairs = new java.util.ArrayList<>();
		for (int i = 0; i < criteria.size(); i++) {
			for (int j = i + 1; j < criteria.size(); j++) {
				pairs.add(new Pair(criteria.get(i), criteria.get(j), "c_" + i + "_" + j,
						comparisons.getOrDefault(i + "_" + j, "1")));
			}
		}
		model.addAttribute("scoringModel", m);
		model.addAttribute("pairs", pairs);
		model.addAttribute("scale", Ahp.SCALE);
		model.addAttribute("errors", errors);
		model.addAttribute("editable", isManager() && m.getStatus() == ModelStatus.DRAFT);
		if (result != null) {
			java.math.BigDecimal[] percent = Ahp.percentages(result.weights());
			List<AhpRow> rows = new java.util.ArrayList<>();
			for (int i = 0; i < criteria.size(); i++) {
				rows.add(new AhpRow(criteria.get(i), percent[i].toPlainString()));
			}
			model.addAttribute("rows", rows);
			model.addAttribute("cr", String.format(java.util.Locale.ROOT, "%.3f", result.consistencyRatio()));
			model.addAttribute("lambda", String.format(java.util.Locale.ROOT, "%.3f", result.lambdaMax()));
			model.addAttribute("consistent", result.consistent());
		}
	}

	private static boolean isManager() {
		return LeitstandUser.current().map(u -> u.has(Role.PORTFOLIO_MANAGER)).orElse(false);
	}
}
