package de.leitstand.prioritization.internal.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.leitstand.shared.InvalidInput;
import de.leitstand.shared.InvalidInput.Problem;
import de.leitstand.shared.NotFoundException;
import de.leitstand.shared.StaleVersionException;
import de.leitstand.shared.validation.PlainText;

/**
 * Scoring model versions: read by everyone signed in, changed only by the portfolio office and only as drafts;
 * exactly one version is active. Weights must add up to 100 %; AHP derives them from pairwise comparisons.
 */
@Service
@Transactional
public class ScoringModelService {

	static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final ScoringModels models;

	ScoringModelService(ScoringModels models) {
		this.models = models;
	}

	@Transactional(readOnly = true)
	public List<ScoringModel> all() {
		return models.findAllByOrderByVersionNumberDesc();
	}

	@Transactional(readOnly = true)
	public ScoringModel get(UUID id) {
		return models.findById(id).orElseThrow(() -> new NotFoundException("scoring model " + id));
	}

	@Transactional(readOnly = true)
	public Optional<ScoringModel> active() {
		return models.findFirstByStatus(ModelStatus.ACTIVE);
	}

	public ScoringModel requireActive() {
		return active().orElseThrow(() -> new de.leitstand.shared.RuleViolation("scoring.error.noActiveModel", null));
	}

	/** Stores a new model (demo data, tests); the caller builds it as a draft. */
	public ScoringModel create(ScoringModel model) {
		return models.save(model);
	}

	public ScoringModel copy(UUID id) {
		Access.requirePortfolioManager();
		ScoringModel source = get(id);
		int next = all().stream().mapToInt(ScoringModel::getVersionNumber).max().orElse(0) + 1;
		return models.save(source.copyAsDraft(next));
	}

	public void activate(UUID id, long version) {
		Access.requirePortfolioManager();
		ScoringModel model = locked(id, version);
		activateChecked(model);
	}

	/** Activates a draft whose weights add up to 100 % and archives the version active so far. */
	public void activateChecked(ScoringModel model) {
		model.requireDraft();
		List<Problem> problems = new ArrayList<>();
		if (model.weightSum().compareTo(HUNDRED) != 0) {
			problems.add(new Problem("weights", "scoring.error.weightSum",
					model.weightSum().stripTrailingZeros().toPlainString()));
		}
		for (Criterion c : model.criteria()) {
			if (c.isRated() && c.getLevels().size() < 2) {
				problems.add(new Problem("levels", "scoring.error.scaleTooShort", c.getCode()));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		models.findAllByStatus(ModelStatus.ACTIVE).forEach(ScoringModel::archive);
		models.flush();
		model.activate();
	}

	public void describe(UUID id, long version, String name, String discountRate) {
		Access.requirePortfolioManager();
		ScoringModel model = locked(id, version);
		List<Problem> problems = new ArrayList<>();
		String n = name == null ? "" : name.trim();
		if (n.isEmpty()) {
			problems.add(new Problem("name", "validation.required"));
		}
		else if (n.length() > 200) {
			problems.add(new Problem("name", "scoring.error.tooLong", "200"));
		}
		else if (!PlainText.Validator.isPlain(n)) {
			problems.add(PlainText.Validator.problemAt("name", n));
		}
		BigDecimal rate = decimal(discountRate);
		if (rate == null || rate.signum() < 0 || rate.compareTo(BigDecimal.valueOf(20)) > 0) {
			problems.add(new Problem("discountRate", "scoring.error.discountRate"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		model.describe(n, rate);
	}

	/** Sets all weights at once; they must be numbers from 0 to 100 that add up to exactly 100. */
	public void weigh(UUID id, long version, Map<UUID, String> weights) {
		Access.requirePortfolioManager();
		ScoringModel model = locked(id, version);
		model.requireDraft();
		Map<Criterion, BigDecimal> parsed = new LinkedHashMap<>();
		List<Problem> problems = new ArrayList<>();
		BigDecimal sum = BigDecimal.ZERO;
		for (Criterion c : model.criteria()) {
			BigDecimal w = decimal(weights.get(c.getId()));
			if (w == null || w.signum() < 0 || w.compareTo(HUNDRED) > 0 || w.scale() > 2) {
				problems.add(new Problem("weight-" + c.getId(), "scoring.error.weight", c.getCode()));
			}
			else {
				parsed.put(c, w);
				sum = sum.add(w);
			}
		}
		if (problems.isEmpty() && sum.compareTo(HUNDRED) != 0) {
			problems.add(new Problem("weights", "scoring.error.weightSum", sum.stripTrailingZeros().toPlainString()));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		parsed.forEach(Criterion::weigh);
		model.touch();
	}

	/**
	 * Changes a draft's criterion: name, description, scale (level texts by value) and kind (RATED or the name of a
	 * {@link Derivation}; null or blank: unchanged). Nobody rates a draft, so neither change loses a rating.
	 */
	public void describeCriterion(UUID id, long version, UUID criterionId, String name, String description,
			String kind, Map<Integer, String> levelTexts) {
		Access.requirePortfolioManager();
		ScoringModel model = locked(id, version);
		model.requireDraft();
		Criterion criterion = model.criterion(criterionId);
		List<Problem> problems = new ArrayList<>();
		String n = name == null ? "" : name.trim();
		if (n.isEmpty()) {
			problems.add(new Problem("name", "validation.required"));
		}
		else if (n.length() > 200) {
			problems.add(new Problem("name", "scoring.error.tooLong", "200"));
		}
		else if (!PlainText.Validator.isPlain(n)) {
			problems.add(PlainText.Validator.problemAt("name", n));
		}
		String d = description == null ? "" : description.trim();
		if (d.length() > 2000) {
			problems.add(new Problem("description", "scoring.error.tooLong", "2000"));
		}
		else if (!PlainText.Validator.isPlain(d)) {
			problems.add(PlainText.Validator.problemAt("description", d));
		}
		Kind k = kind == null || kind.isBlank() ? new Kind(criterion.getKind(), criterion.getDerivation())
				: kind(kind, model, criterion, problems);
		// A draft is rated by nobody yet (assessments use the active version), so its scale may grow or shrink.
		List<ScaleLevel> levels = k.kind() == CriterionKind.RATED
				? scale(levelTexts, criterion.getCode(), problems) : List.of();
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		criterion.reclassify(k.kind(), k.derivation());
		criterion.describe(n, d, levels);
		model.touch();
	}

	/** The highest scale level a new rated criterion may have (the form offers levels 0 … MAX_LEVEL). */
	public static final int MAX_LEVEL = 5;

	/** Value of the group choice that asks for a new group (name and WiBe dimension given alongside). */
	public static final String NEW_GROUP = "new";

	private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,19}");

	/**
	 * A criterion to add to a draft, as typed: group is the id of an existing group or {@link #NEW_GROUP} (then
	 * groupName and dimension describe the new one); kind is RATED or the name of a {@link Derivation}; levels are
	 * the descriptions of the scale levels by value, contiguous from 0 (blank ones at the end are ignored).
	 */
	public record NewCriterion(String group, String groupName, String dimension, String code, String name,
			String description, String kind, String weight, Map<Integer, String> levels) {
	}

	/** Adds a criterion (rated with its scale, or derived) to a draft; its weight counts towards the 100 %. */
	public Criterion addCriterion(UUID id, long version, NewCriterion in) {
		Access.requirePortfolioManager();
		ScoringModel model = get(id);
		model.requireDraft();
		StaleVersionException.require(model.getVersion(), version);
		List<Problem> problems = new ArrayList<>();

		CriterionGroup group = null;
		String groupName = null;
		Dimension dimension = null;
		String g = in.group() == null ? "" : in.group().trim();
		if (NEW_GROUP.equals(g)) {
			groupName = text(in.groupName(), "groupName", 200, true, problems);
			dimension = java.util.Arrays.stream(Dimension.values()).filter(d -> d.name().equals(in.dimension()))
				.findFirst().orElse(null);
			if (dimension == null) {
				problems.add(new Problem("dimension", "scoring.error.dimension"));
			}
		}
		else {
			UUID groupId = uuid(g);
			group = groupId == null ? null
					: model.getGroups().stream().filter(x -> x.getId().equals(groupId)).findFirst().orElse(null);
			if (group == null) {
				problems.add(new Problem("group", "scoring.error.group"));
			}
		}

		String code = in.code() == null ? "" : in.code().trim();
		if (code.isEmpty()) {
			problems.add(new Problem("code", "validation.required"));
		}
		else if (!CODE.matcher(code).matches()) {
			problems.add(new Problem("code", "scoring.error.code"));
		}
		else if (model.hasCode(code)) {
			problems.add(new Problem("code", "scoring.error.codeTaken", code));
		}
		String name = text(in.name(), "name", 200, true, problems);
		String description = text(in.description(), "description", 2000, false, problems);

		Kind typed = kind(in.kind() == null || in.kind().isBlank() ? CriterionKind.RATED.name() : in.kind(), model,
				null, problems);
		CriterionKind kind = typed.kind();
		Derivation derivation = typed.derivation();

		BigDecimal weight = in.weight() == null || in.weight().isBlank() ? BigDecimal.ZERO : decimal(in.weight());
		if (weight == null || weight.signum() < 0 || weight.compareTo(HUNDRED) > 0 || weight.scale() > 2) {
			problems.add(new Problem("weight", "scoring.error.weight", code.isEmpty() ? "?" : code));
		}

		List<ScaleLevel> levels = kind == CriterionKind.RATED
				? scale(in.levels() == null ? Map.of() : in.levels(), code.isEmpty() ? "?" : code, problems)
				: List.of();
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		if (group == null) {
			group = model.addGroup(groupName, dimension);
		}
		return group.addCriterion(code, name, description, weight, kind, derivation, levels);
	}

	private record Kind(CriterionKind kind, Derivation derivation) {
	}

	/**
	 * The kind as typed: RATED, or the name of a derivation that no other criterion of the model uses (self: the
	 * criterion being changed, null for a new one). An unknown value is a problem at "kind" (then RATED).
	 */
	private static Kind kind(String typed, ScoringModel model, Criterion self, List<Problem> problems) {
		String k = typed.trim();
		if (CriterionKind.RATED.name().equals(k)) {
			return new Kind(CriterionKind.RATED, null);
		}
		Derivation derivation = java.util.Arrays.stream(Derivation.values()).filter(d -> d.name().equals(k))
			.findFirst().orElse(null);
		if (derivation == null) {
			problems.add(new Problem("kind", "scoring.error.kind"));
			return new Kind(CriterionKind.RATED, null);
		}
		if (model.criteria().stream().anyMatch(c -> c != self && c.getDerivation() == derivation)) {
			problems.add(new Problem("kind", "scoring.error.derivationTaken"));
		}
		return new Kind(CriterionKind.DERIVED, derivation);
	}

	/**
	 * A rated criterion's scale as typed: descriptions by level, contiguous from 0 up to the highest one filled in
	 * (blank ones above it are dropped), at least levels 0 and 1, at most {@link #MAX_LEVEL}.
	 */
	private static List<ScaleLevel> scale(Map<Integer, String> texts, String code, List<Problem> problems) {
		List<ScaleLevel> levels = new ArrayList<>();
		int highest = texts.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isBlank())
			.mapToInt(Map.Entry::getKey).max().orElse(-1);
		if (texts.keySet().stream().anyMatch(v -> v < 0 || v > MAX_LEVEL)) {
			problems.add(new Problem("level-0", "scoring.error.levelRange", String.valueOf(MAX_LEVEL)));
			return levels;
		}
		if (highest < 1) {
			problems.add(new Problem(highest < 0 ? "level-0" : "level-1", "scoring.error.scaleTooShort", code));
			return levels;
		}
		for (int v = 0; v <= highest; v++) {
			String t = texts.getOrDefault(v, "");
			t = t == null ? "" : t.trim();
			String field = "level-" + v;
			if (t.isEmpty()) {
				problems.add(new Problem(field, "scoring.error.levelRequired", String.valueOf(v)));
			}
			else if (t.length() > 500) {
				problems.add(new Problem(field, "scoring.error.tooLong", "500"));
			}
			else if (!PlainText.Validator.isPlain(t)) {
				problems.add(PlainText.Validator.problemAt(field, t));
			}
			levels.add(new ScaleLevel(v, t));
		}
		return levels;
	}

	/** A draft the signed-in user may change: the portfolio office only, and only drafts (else a RuleViolation). */
	@Transactional(readOnly = true)
	public ScoringModel editable(UUID id) {
		Access.requirePortfolioManager();
		ScoringModel model = get(id);
		model.requireDraft();
		return model;
	}

	/** Removes a criterion from a draft (its group too, if it was the last one there). */
	public void removeCriterion(UUID id, long version, UUID criterionId) {
		Access.requirePortfolioManager();
		ScoringModel model = get(id);
		model.requireDraft();
		StaleVersionException.require(model.getVersion(), version);
		model.removeCriterion(criterionId);
	}

	private static String text(String raw, String field, int max, boolean required, List<Problem> problems) {
		String t = raw == null ? "" : raw.trim();
		if (t.isEmpty()) {
			if (required) {
				problems.add(new Problem(field, "validation.required"));
			}
		}
		else if (t.length() > max) {
			problems.add(new Problem(field, "scoring.error.tooLong", String.valueOf(max)));
		}
		else if (!PlainText.Validator.isPlain(t)) {
			problems.add(PlainText.Validator.problemAt(field, t));
		}
		return t;
	}

	private static UUID uuid(String text) {
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	/** The AHP result of the comparisons "i_j" (criterion index i beats j by the Saaty value) for a model. */
	@Transactional(readOnly = true)
	public Ahp.Result ahp(UUID id, Map<String, String> comparisons) {
		ScoringModel model = get(id);
		return Ahp.solve(matrix(model.criteria().size(), comparisons));
	}

	public void applyAhp(UUID id, long version, Map<String, String> comparisons) {
		Access.requirePortfolioManager();
		ScoringModel model = locked(id, version);
		model.requireDraft();
		List<Criterion> criteria = model.criteria();
		BigDecimal[] weights = Ahp.percentages(Ahp.solve(matrix(criteria.size(), comparisons)).weights());
		for (int i = 0; i < criteria.size(); i++) {
			criteria.get(i).weigh(weights[i]);
		}
		model.touch();
	}

	/** The comparisons the current weights imply, rounded to the Saaty scale (to pre-fill the AHP form). */
	@Transactional(readOnly = true)
	public Map<String, String> impliedComparisons(UUID id) {
		List<Criterion> criteria = get(id).criteria();
		Map<String, String> out = new HashMap<>();
		for (int i = 0; i < criteria.size(); i++) {
			for (int j = i + 1; j < criteria.size(); j++) {
				double wi = criteria.get(i).getWeight().doubleValue();
				double wj = criteria.get(j).getWeight().doubleValue();
				out.put(i + "_" + j, wi <= 0 || wj <= 0 ? "1" : Ahp.nearest(wi / wj));
			}
		}
		return out;
	}

	static double[][] matrix(int n, Map<String, String> comparisons) {
		double[][] upper = new double[n][n];
		List<Problem> problems = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			for (int j = i + 1; j < n; j++) {
				String key = i + "_" + j;
				try {
					upper[i][j] = Ahp.parse(comparisons.getOrDefault(key, "1"));
				}
				catch (IllegalArgumentException e) {
					problems.add(new Problem("c_" + key, "scoring.error.saaty"));
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return Ahp.reciprocal(upper);
	}

	private ScoringModel locked(UUID id, long version) {
		ScoringModel model = get(id);
		StaleVersionException.require(model.getVersion(), version);
		return model;
	}

	static BigDecimal decimal(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(text.trim().replace(',', '.'));
		}
		catch (NumberFormatException e) {
			return null;
		}
	}
}
