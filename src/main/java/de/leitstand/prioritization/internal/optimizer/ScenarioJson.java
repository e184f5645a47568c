package de.leitstand.prioritization.internal.optimizer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The scenario file format (docs/scenario-format.md): read and write, and the result as JSON. Extra fields are
 * allowed and ignored. Money is rounded to whole euros, effort to tenths of a person-day, values to hundredths.
 */
public final class ScenarioJson {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ScenarioJson() {
	}

	public static Scenario read(String text) {
		Object root;
		try {
			root = JSON.readValue(text, Object.class);
		}
		catch (JacksonException ex) {
			throw new ScenarioException(Text.of("scenario.error.json", ex.getOriginalMessage()));
		}
		Map<String, Object> map = object(root, "scenario");
		String name = map.get("name") == null ? "" : String.valueOf(map.get("name"));
		List<String> years = new ArrayList<>();
		for (Object year : list(map.get("years"), "years")) {
			years.add(String.valueOf(year));
		}
		if (years.stream().distinct().count() != years.size()) {
			throw new ScenarioException(Text.of("scenario.error.duplicateYear"));
		}
		Map<String, Long> budget = numbers(map.get("budget"), "budget", 1);
		Map<String, Map<String, Long>> capacity = new LinkedHashMap<>();
		object(map.getOrDefault("capacity", Map.of()), "capacity")
			.forEach((unit, perYear) -> capacity.put(unit, numbers(perYear, "capacity." + unit, Scenario.EFFORT_SCALE)));
		List<Scenario.Candidate> candidates = new ArrayList<>();
		int position = 0;
		for (Object element : list(map.getOrDefault("candidates", List.of()), "candidates")) {
			position++;
			Map<String, Object> c = object(element, "candidates[" + position + "]");
			String id = c.get("id") == null ? null : String.valueOf(c.get("id"));
			String where = id == null ? "candidates[" + position + "]" : id;
			Map<String, Map<String, Long>> effort = new LinkedHashMap<>();
			object(c.getOrDefault("effort", Map.of()), where + ".effort").forEach(
					(unit, perYear) -> effort.put(unit, numbers(perYear, where + ".effort." + unit, Scenario.EFFORT_SCALE)));
			candidates.add(new Scenario.Candidate(id, c.get("title") == null ? "" : String.valueOf(c.get("title")),
					scaled(c.getOrDefault("value", 0), where + ".value", Scenario.VALUE_SCALE),
					numbers(c.getOrDefault("cost", Map.of()), where + ".cost", 1), effort,
					flag(c.get("mandatory"), where + ".mandatory"), flag(c.get("excluded"), where + ".excluded"),
					strings(c.get("requires"), where + ".requires"), strings(c.get("excludes"), where + ".excludes")));
		}
		Scenario scenario = new Scenario(name, years, budget, capacity, candidates);
		PortfolioOptimizer.check(scenario);
		return scenario;
	}

	public static String write(Scenario scenario) {
		Map<String, Object> root = new LinkedHashMap<>();
		root.put("name", scenario.name());
		root.put("years", scenario.years());
		root.put("budget", ordered(scenario.budget(), scenario.years(), 1));
		Map<String, Object> capacity = new LinkedHashMap<>();
		new java.util.TreeMap<>(scenario.capacity())
			.forEach((unit, perYear) -> capacity.put(unit, ordered(perYear, scenario.years(), Scenario.EFFORT_SCALE)));
		root.put("capacity", capacity);
		List<Object> candidates = new ArrayList<>();
		for (Scenario.Candidate c : scenario.candidates()) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("id", c.id());
			if (!c.title().isBlank()) {
				m.put("title", c.title());
			}
			m.put("value", unscale(c.value(), Scenario.VALUE_SCALE));
			m.put("cost", ordered(c.cost(), scenario.years(), 1));
			Map<String, Object> effort = new LinkedHashMap<>();
			new java.util.TreeMap<>(c.effort())
				.forEach((unit, perYear) -> effort.put(unit, ordered(perYear, scenario.years(), Scenario.EFFORT_SCALE)));
			m.put("effort", effort);
			m.put("mandatory", c.mandatory());
			if (c.excluded()) {
				m.put("excluded", true);
			}
			m.put("requires", c.requires());
			m.put("excludes", c.excludes());
			candidates.add(m);
		}
		root.put("candidates", candidates);
		return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
	}

	/** The result as the command line prints it; texts rendered in the given locale. */
	public static String write(OptimizationResult result, java.util.Locale locale) {
		Map<String, Object> root = new LinkedHashMap<>();
		root.put("status", result.status().name());
		root.put("objective", unscale(result.objective(), Scenario.VALUE_SCALE));
		root.put("selected", result.selected());
		root.put("bound", unscale(result.bound(), Scenario.VALUE_SCALE));
		root.put("gap", result.gap());
		if (result.note() != null) {
			root.put("note", result.note().render(locale));
		}
		root.put("seconds", result.seconds());
		Map<String, Object> greedy = new LinkedHashMap<>();
		greedy.put("objective", unscale(result.greedy().objective(), Scenario.VALUE_SCALE));
		greedy.put("selected", result.greedy().selected());
		root.put("greedy", greedy);
		root.put("conflicts", result.conflicts().stream().map(t -> t.render(locale)).toList());
		List<Object> usage = new ArrayList<>();
		for (OptimizationResult.Usage u : result.usage()) {
			Map<String, Object> m = new LinkedHashMap<>();
			boolean budget = "BUDGET".equals(u.kind());
			int scale = budget ? 1 : Scenario.EFFORT_SCALE;
			m.put("kind", budget ? "budget" : "capacity");
			if (!budget) {
				m.put("unit", u.unit());
			}
			m.put("year", u.year());
			m.put("limit", unscale(u.limit(), scale));
			m.put("optimal", unscale(u.optimal(), scale));
			m.put("greedy", unscale(u.greedy(), scale));
			usage.add(m);
		}
		root.put("usage", usage);
		List<Object> explanations = new ArrayList<>();
		for (OptimizationResult.Explanation e : result.explanations()) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("id", e.id());
			m.put("selected", e.selected());
			m.put("explanation", e.reasons().stream().map(t -> t.render(locale)).toList());
			explanations.add(m);
		}
		root.put("explanations", explanations);
		return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
	}

	static Number unscale(long value, int scale) {
		if (scale == 1) {
			return value;
		}
		BigDecimal d = BigDecimal.valueOf(value).divide(BigDecimal.valueOf(scale)).stripTrailingZeros();
		return d.scale() <= 0 ? (Number) d.longValueExact() : d;
	}

	private static Map<String, Object> ordered(Map<String, Long> values, List<String> years, int scale) {
		Map<String, Object> m = new LinkedHashMap<>();
		years.stream().filter(values::containsKey).forEach(y -> m.put(y, unscale(values.get(y), scale)));
		return m;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> object(Object value, String where) {
		if (value instanceof Map<?, ?> m) {
			return (Map<String, Object>) m;
		}
		throw new ScenarioException(Text.of("scenario.error.notObject", where));
	}

	private static List<?> list(Object value, String where) {
		if (value == null) {
			return List.of();
		}
		if (value instanceof List<?> l) {
			return l;
		}
		throw new ScenarioException(Text.of("scenario.error.notList", where));
	}

	private static List<String> strings(Object value, String where) {
		return list(value, where).stream().map(String::valueOf).toList();
	}

	private static boolean flag(Object value, String where) {
		if (value == null) {
			return false;
		}
		if (value instanceof Boolean b) {
			return b;
		}
		throw new ScenarioException(Text.of("scenario.error.notBoolean", where));
	}

	private static Map<String, Long> numbers(Object value, String where, int scale) {
		Map<String, Long> result = new LinkedHashMap<>();
		if (value == null) {
			return result;
		}
		object(value, where).forEach((key, number) -> result.put(key, scaled(number, where + "." + key, scale)));
		return result;
	}

	private static long scaled(Object number, String where, int scale) {
		BigDecimal d;
		if (number instanceof Double x && !Double.isFinite(x) || number instanceof Float f && !Float.isFinite(f)) {
			// JSON like 1e900 arrives as an infinite double (found by fuzzing).
			throw new ScenarioException(Text.of("scenario.error.tooLarge", where, String.valueOf(number)));
		}
		if (number instanceof Number n) {
			d = new BigDecimal(n.toString());
		}
		else {
			throw new ScenarioException(Text.of("scenario.error.notNumber", where, String.valueOf(number)));
		}
		if (d.signum() < 0) {
			throw new ScenarioException(Text.of("scenario.error.negativeNumber", where, d.toPlainString()));
		}
		if (d.compareTo(BigDecimal.valueOf(1e15)) > 0) {
			throw new ScenarioException(Text.of("scenario.error.tooLarge", where, d.toPlainString()));
		}
		return d.multiply(BigDecimal.valueOf(scale)).setScale(0, RoundingMode.HALF_UP).longValueExact();
	}
}
