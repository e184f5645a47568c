package de.leitstand.prioritization.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;

import de.leitstand.prioritization.internal.optimizer.ScenarioJson;
import de.leitstand.prioritization.internal.scenario.OptimizationRun;
import de.leitstand.prioritization.internal.scenario.PortfolioScenario;
import de.leitstand.prioritization.internal.scenario.RunResult;
import de.leitstand.prioritization.internal.scenario.ScenarioRuns;
import de.leitstand.prioritization.internal.scenario.ScenarioService;
import de.leitstand.shared.NotFoundException;
import de.leitstand.shared.web.ApiController;
import de.leitstand.shared.web.ApiLocale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Scenarios as a JSON API: create one from a scenario file (docs/scenario-format.md), read it back in that form,
 * start an optimisation and read its result. Problems answer as RFC 9457 problem details.
 */
@ApiController
@RequestMapping(path = "/api/v1/scenarios", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Scenarios", description = "Portfolio scenarios and optimisation (CP-SAT)")
@SecurityRequirement(name = "basic")
class ScenarioApiController {

	static final String BASE = "/api/v1/scenarios";

	private final ScenarioService service;
	private final ScenarioRuns runs;

	ScenarioApiController(ScenarioService service, ScenarioRuns runs) {
		this.service = service;
		this.runs = runs;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Create a scenario from a scenario file",
			description = "Candidates are portfolio project keys; an unknown key answers 422 naming it.")
	ResponseEntity<Map<String, Object>> create(@RequestBody String file) {
		PortfolioScenario created = service.importJson(file);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", created.getId());
		body.put("name", created.getName());
		return ResponseEntity.created(URI.create(BASE + "/" + created.getId())).body(body);
	}

	@GetMapping("/{id}")
	@Operation(summary = "The scenario as a scenario file, with the current costs and efforts")
	ResponseEntity<String> get(@PathVariable UUID id) {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(service.exportJson(id));
	}

	@PostMapping("/{id}/runs")
	@Operation(summary = "Start an optimisation", description = "Answers 202 with the run; poll its URL.")
	ResponseEntity<Map<String, Object>> run(@PathVariable UUID id) {
		OptimizationRun run = runs.start(id);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", run.getId());
		body.put("status", run.getStatus().name());
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.location(URI.create(BASE + "/" + id + "/runs/" + run.getId()))
			.body(body);
	}

	@GetMapping("/{id}/runs/{runId}")
	@Operation(summary = "A run: RUNNING with progress, or the result as the optimize command prints it")
	ResponseEntity<String> result(@PathVariable UUID id, @PathVariable UUID runId, HttpServletRequest request) {
		OptimizationRun run = runs.run(runId);
		if (!run.getScenarioId().equals(id)) {
			throw new NotFoundException("run " + runId);
		}
		Locale locale = ApiLocale.of(request);
		RunResult stored = ScenarioRuns.resultOf(run);
		String body;
		if (stored == null) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("status", run.getStatus().name());
			runs.progress(runId).ifPresent(p -> m.put("progress", Map.of("phase", p.phase(), "step", p.step(),
					"steps", p.steps())));
			body = tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(m);
		}
		else {
			body = ScenarioJson.write(stored.result(), locale);
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
	}
}
