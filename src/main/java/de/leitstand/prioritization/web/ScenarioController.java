package de.leitstand.prioritization.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.leitstand.organization.LeitstandUser;
import de.leitstand.organization.Role;
import de.leitstand.prioritization.internal.scenario.OptimizationRun;
import de.leitstand.prioritization.internal.scenario.PortfolioScenario;
import de.leitstand.prioritization.internal.scenario.RunResult;
import de.leitstand.prioritization.internal.scenario.ScenarioRuns;
import de.leitstand.prioritization.internal.scenario.ScenarioService;
import de.leitstand.shared.InvalidInput;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Portfolio scenarios: list, create, edit limits and candidates, run the optimiser (progress, cancel), the result
 * with explanations and efficient frontier, export and import of the scenario file, and up to four scenarios side
 * by side. Portfolio managers edit and run; board and readers read (the service enforces it).
 */
@Controller
@RequestMapping("/scenarios")
class ScenarioController {

	static final String LIST = "scenarios/list";
	static final String NEW = "scenarios/new";
	static final String DETAIL = "scenarios/detail";
	static final String RUN = "scenarios/run";
	static final String PROGRESS = "scenarios/run :: progress";
	static final String IMPORT = "scenarios/import";
	static final String COMPARE = "scenarios/compare";
	static final int MAX_COMPARE = 4;

	private final ScenarioService service;
	private final ScenarioRuns runs;
	private final MessageSource messages;

	ScenarioController(ScenarioService service, ScenarioRuns runs, MessageSource messages) {
		this.service = service;
		this.runs = runs;
		this.messages = messages;
	}

	@InitBinder
	void binder(WebDataBinder binder) {
		binder.setDisallowedFields("id", "version");
	}

	record ListRow(UUID id, String name, String years, int candidates, String lastStatus, String lastObjective,
			boolean example) {
	}

	@GetMapping
	String list(Model model, Locale locale) {
		List<ListRow> rows = new ArrayList<>();
		for (PortfolioScenario s : service.list()) {
			Optional<OptimizationRun> last = runs.runsOf(s.getId()).stream().findFirst();
			rows.add(new ListRow(s.getId(), s.getName(), String.join(", ", s.years()), s.candidates().size(),
					last.map(r -> messages.getMessage("scenario.run.state." + r.getStatus().name(), null, locale))
						.orElse(null),
					last.map(OptimizationRun::getObjective).map(BigDecimal::toPlainString).orElse(null),
					s.isExampleData()));
		}
		model.addAttribute("rows", rows);
		model.addAttribute("canEdit", canEdit());
		return LIST;
	}

	@GetMapping("/new")
	String newForm(Model model) {
		model.addAttribute("name", "");
		model.addAttribute("years", "2027, 2028");
		model.addAttribute("budgetPerYear", "");
		model.addAttribute("errors", Map.of());
		return NEW;
	}

	@PostMapping
	String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String years,
			@RequestParam(defaultValue = "") String budgetPerYear, Model model, HttpServletResponse response,
			Locale locale) {
		Map<String, List<String>> errors = new LinkedHashMap<>();
		List<String> yearLabels = new ArrayList<>();
		for (String y : years.split("[,;\\s]+")) {
			if (!y.isBlank()) {
				yearLabels.add(y.strip());
			}
		}
		if (yearLabels.isEmpty() || yearLabels.size() > 30 || yearLabels.stream().distinct().count() != yearLabels.size()
				|| yearLabels.stream().anyMatch(y -> !y.matches("\\d{4}"))) {
			errors.computeIfAbsent("years", k -> new ArrayList<>())
				.add(messages.getMessage("scenario.error.years", null, locale));
		}
		BigDecimal budget = number(budgetPerYear);
		if (budget == null) {
			errors.computeIfAbsent("budgetPerYear", k -> new ArrayList<>())
				.add(messages.getMessage("scenario.error.budgetPerYear", null, locale));
		}
		if (errors.isEmpty()) {
			try {
				PortfolioScenario created = service.create(name, yearLabels, budget);
				return "redirect:/scenarios/" + created.getId();
			}
			catch (InvalidInput ex) {
				collect(ex, errors, locale);
			}
		}
		response.setStatus(422);
		model.addAttribute("name", name);
		model.addAttribute("years", years);
		model.addAttribute("budgetPerYear", budgetPerYear);
		model.addAttribute("errors", errors);
		return NEW;
	}

	@GetMapping("/{id}")
	String detail(@PathVariable UUID id, Model model) {
		fill(model, id);
		model.addAttribute("errors", Map.of());
		return DETAIL;
	}

	private void fill(Model model, UUID id) {
		PortfolioScenario scenario = service.get(id);
		model.addAttribute("scenario", scenario);
		model.addAttribute("rows", service.candidateRows(id));
		model.addAttribute("units", service.unitsWithEffort(id));
		model.addAttribute("runs", runs.runsOf(id));
		model.addAttribute("canEdit", canEdit());
		model.addAttribute("valueBasis", service.valueBasisKey());
		StringBuilder exclusions = new StringBuilder();
		scenario.exclusions().stream()
			.sorted((a, b) -> (a.first() + a.second()).compareTo(b.first() + b.second()))
			.forEach(x -> exclusions.append(x.first()).append(' ').append(x.second()).append('\n'));
		if (!model.containsAttribute("exclusionsText")) {
			model.addAttribute("exclusionsText", exclusions.toString());
		}
	}

	@PostMapping("/{id}/limits")
	String limits(@PathVariable UUID id, @RequestParam long version, @RequestParam(defaultValue = "") String name,
			@RequestParam Map<String, String> params, Model model, HttpServletResponse response, Locale locale,
			RedirectAttributes redirect) {
		Map<String, BigDecimal> budgets = new LinkedHashMap<>();
		Map<String, Map<String, BigDecimal>> capacities = new LinkedHashMap<>();
		Map<String, List<String>> errors = new LinkedHashMap<>();
		params.forEach((key, value) -> {
			if (key.startsWith("budget_")) {
				String year = key.substring("budget_".length());
				if (!value.isBlank()) {
					BigDecimal n = number(value);
					if (n == null) {
						errors.computeIfAbsent(key, k -> new ArrayList<>())
							.add(messages.getMessage("scenario.error.notANumber", new Object[] { value }, locale));
					}
					budgets.put(year, n);
				}
			}
			else if (key.startsWith("capacity_")) {
				String[] parts = key.substring("capacity_".length()).split("__", 2);
				if (parts.length == 2 && !value.isBlank()) {
					BigDecimal n = number(value);
					if (n == null) {
						errors.computeIfAbsent(key, k -> new ArrayList<>())
							.add(messages.getMessage("scenario.error.notANumber", new Object[] { value }, locale));
					}
					capacities.computeIfAbsent(parts[0], k -> new LinkedHashMap<>()).put(parts[1], n);
				}
			}
		});
		if (errors.isEmpty()) {
			try {
				service.updateLimits(id, version, name, budgets, capacities);
				redirect.addFlashAttribute("saved", true);
				return "redirect:/scenarios/" + id;
			}
			catch (InvalidInput ex) {
				collect(ex, errors, locale);
			}
		}
		response.setStatus(422);
		fill(model, id);
		model.addAttribute("errors", errors);
		return DETAIL;
	}

	@PostMapping("/{id}/candidates")
	String candidates(@PathVariable UUID id, @RequestParam long version, @RequestParam Map<String, String> params,
			@RequestParam(defaultValue = "") String exclusions, Model model, HttpServletResponse response,
			Locale locale, RedirectAttributes redirect) {
		Map<String, List<String>> errors = new LinkedHashMap<>();
		List<ScenarioService.CandidateEdit> edits = new ArrayList<>();
		int count = params.keySet().stream().filter(k -> k.matches("rows\\[\\d+]\\.key")).mapToInt(k -> 1).sum();
		for (int i = 0; i < count; i++) {
			String p = "rows[" + i + "].";
			String override = params.getOrDefault(p + "valueOverride", "").strip();
			BigDecimal value = override.isEmpty() ? null : number(override);
			if (!override.isEmpty() && value == null) {
				errors.computeIfAbsent(p + "valueOverride", k -> new ArrayList<>())
					.add(messages.getMessage("scenario.error.notANumber", new Object[] { override }, locale));
			}
			edits.add(new ScenarioService.CandidateEdit(params.get(p + "key"), params.containsKey(p + "included"),
					params.containsKey(p + "mandatory"), params.containsKey(p + "excluded"), value,
					params.get(p + "overrideReason")));
		}
		List<PortfolioScenario.Exclusion> pairs = new ArrayList<>();
		for (String line : exclusions.split("\\R")) {
			String[] keys = line.strip().split("[\\s,;]+");
			if (keys.length == 1 && keys[0].isEmpty()) {
				continue;
			}
			if (keys.length != 2) {
				errors.computeIfAbsent("exclusions", k -> new ArrayList<>())
					.add(messages.getMessage("scenario.error.exclusionLine", new Object[] { line.strip() }, locale));
				continue;
			}
			pairs.add(new PortfolioScenario.Exclusion(keys[0], keys[1]));
		}
		if (errors.isEmpty()) {
			try {
				service.updateCandidates(id, version, edits, pairs);
				redirect.addFlashAttribute("saved", true);
				return "redirect:/scenarios/" + id;
			}
			catch (InvalidInput ex) {
				collect(ex, errors, locale);
			}
		}
		response.setStatus(422);
		fill(model, id);
		model.addAttribute("exclusionsText", exclusions);
		model.addAttribute("errors", errors);
		return DETAIL;
	}

	@PostMapping("/{id}/runs")
	String run(@PathVariable UUID id, Model model, HttpServletResponse response, Locale locale) {
		try {
			OptimizationRun run = runs.start(id);
			return "redirect:/scenarios/" + id + "/runs/" + run.getId();
		}
		catch (InvalidInput ex) {
			Map<String, List<String>> errors = new LinkedHashMap<>();
			collect(ex, errors, locale);
			response.setStatus(422);
			fill(model, id);
			model.addAttribute("errors", errors);
			return DETAIL;
		}
	}

	@GetMapping("/{id}/runs/{runId}")
	String result(@PathVariable UUID id, @PathVariable UUID runId, Model model, Locale locale) {
		PortfolioScenario scenario = service.get(id);
		OptimizationRun run = runs.run(runId);
		model.addAttribute("scenario", scenario);
		model.addAttribute("run", run);
		model.addAttribute("canEdit", canEdit());
		model.addAttribute("progress", runs.progress(runId).orElse(null));
		RunResult stored = ScenarioRuns.resultOf(run);
		model.addAttribute("view", stored == null ? null : ScenarioResultView.of(stored, messages, locale));
		return RUN;
	}

	@GetMapping("/{id}/runs/{runId}/progress")
	String progress(@PathVariable UUID id, @PathVariable UUID runId, Model model, HttpServletResponse response) {
		OptimizationRun run = runs.run(runId);
		model.addAttribute("scenario", service.get(id));
		model.addAttribute("run", run);
		model.addAttribute("canEdit", canEdit());
		model.addAttribute("progress", runs.progress(runId).orElse(null));
		if (run.getStatus() != OptimizationRun.State.RUNNING) {
			// finished: let htmx reload the page, which then shows the result
			response.setHeader("HX-Refresh", "true");
		}
		return PROGRESS;
	}

	@PostMapping("/{id}/runs/{runId}/cancel")
	String cancel(@PathVariable UUID id, @PathVariable UUID runId) {
		runs.cancel(runId);
		return "redirect:/scenarios/" + id + "/runs/" + runId;
	}

	@GetMapping("/{id}/export")
	ResponseEntity<byte[]> export(@PathVariable UUID id) {
		String json = service.exportJson(id);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"szenario-" + id + ".json\"")
			.body(json.getBytes(StandardCharsets.UTF_8));
	}

	@GetMapping("/import")
	String importForm(Model model) {
		model.addAttribute("errors", List.of());
		return IMPORT;
	}

	@PostMapping("/import")
	String importFile(@RequestParam(name = "file", required = false) MultipartFile file, Model model,
			HttpServletResponse response, Locale locale) throws IOException {
		Map<String, List<String>> errors = new LinkedHashMap<>();
		if (file == null || file.isEmpty()) {
			errors.put("file", List.of(messages.getMessage("scenario.error.noFile", null, locale)));
		}
		else {
			try {
				PortfolioScenario created = service
					.importJson(new String(file.getBytes(), StandardCharsets.UTF_8));
				return "redirect:/scenarios/" + created.getId();
			}
			catch (InvalidInput ex) {
				collect(ex, errors, locale);
			}
		}
		response.setStatus(422);
		model.addAttribute("errors", errors.values().stream().flatMap(List::stream).toList());
		return IMPORT;
	}

	record CompareColumn(PortfolioScenario scenario, OptimizationRun run, ScenarioResultView view) {
	}

	@GetMapping("/compare")
	String compare(@RequestParam(name = "id", required = false) List<UUID> ids, Model model, Locale locale) {
		List<CompareColumn> columns = new ArrayList<>();
		if (ids != null) {
			for (UUID id : ids.stream().distinct().limit(MAX_COMPARE).toList()) {
				PortfolioScenario s = service.get(id);
				Optional<OptimizationRun> run = runs.latestFinished(id);
				columns.add(new CompareColumn(s, run.orElse(null), run.map(ScenarioRuns::resultOf)
					.map(r -> ScenarioResultView.of(r, messages, locale)).orElse(null)));
			}
		}
		model.addAttribute("columns", columns);
		model.addAttribute("all", service.list());
		model.addAttribute("tooMany", ids != null && ids.stream().distinct().count() > MAX_COMPARE);
		return COMPARE;
	}

	private void collect(InvalidInput ex, Map<String, List<String>> errors, Locale locale) {
		for (InvalidInput.Problem p : ex.problems()) {
			errors.computeIfAbsent(p.field(), k -> new ArrayList<>())
				.add(messages.getMessage(p.messageKey(), p.args(), locale));
		}
	}

	static BigDecimal number(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String t = text.strip().replace(" ", "").replace("€", "");
		// German input: 1.234.567,5 — a dot followed by three digits is a thousands separator
		if (t.contains(",")) {
			t = t.replace(".", "").replace(',', '.');
		}
		else if (t.matches("\\d{1,3}(\\.\\d{3})+")) {
			t = t.replace(".", "");
		}
		try {
			BigDecimal n = new BigDecimal(t);
			return n.abs().compareTo(new BigDecimal("1e14")) > 0 ? null : n;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static boolean canEdit() {
		return LeitstandUser.current().map(u -> u.has(Role.PORTFOLIO_MANAGER)).orElse(false);
	}
}
