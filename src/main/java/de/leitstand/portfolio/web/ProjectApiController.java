package de.leitstand.portfolio.web;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import de.leitstand.portfolio.ProjectQuery;
import de.leitstand.portfolio.internal.Lifecycle;
import de.leitstand.portfolio.internal.Project;
import de.leitstand.portfolio.internal.ProjectSearch;
import de.leitstand.portfolio.internal.ProjectService;
import de.leitstand.portfolio.internal.Projects;
import de.leitstand.portfolio.web.ProjectJson.Ref;
import de.leitstand.shared.InvalidInput;
import de.leitstand.shared.StaleVersionException;
import de.leitstand.shared.web.ApiController;
import de.leitstand.shared.web.PreconditionFailed;

/**
 * The portfolio as a JSON API: search, read, create, replace, lifecycle steps and their history. The service
 * layer decides who may do what; this controller translates versions to ETags and JSON to profiles.
 */
@ApiController
@RequestMapping(path = "/api/v1/projects", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Projects", description = "Digitalisation projects of the portfolio (Vorhaben, Steckbrief)")
@SecurityRequirement(name = "basic")
@ApiResponse(responseCode = "401", description = "Not signed in (HTTP Basic missing or wrong)",
		content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
@ApiResponse(responseCode = "400", description = "Malformed JSON, unknown enum value or wrong type; names the field",
		content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
class ProjectApiController {

	static final String BASE = "/api/v1/projects";

	private final ProjectService service;
	private final ProjectSearch search;
	private final ProjectApiMapping mapping;
	private final Projects projects;

	ProjectApiController(ProjectService service, ProjectSearch search, ProjectApiMapping mapping, Projects projects) {
		this.service = service;
		this.search = search;
		this.mapping = mapping;
		this.projects = projects;
	}

	@GetMapping
	@Operation(summary = "Search the portfolio", description = "German full text (q) and the list page's filters; "
			+ "unit, goal and bundle accept codes (AMT-51, Z3.1) or ids. Unknown values are ignored and named in "
			+ "ignoredParameters.")
	@Parameter(name = "q", in = ParameterIn.QUERY, description = "German full text, e.g. Anträge")
	@Parameter(name = "field", in = ParameterIn.QUERY, description = "Field of action id (repeatable)")
	@Parameter(name = "goal", in = ParameterIn.QUERY, description = "Strategic goal code or id (repeatable)")
	@Parameter(name = "bundle", in = ParameterIn.QUERY, description = "Measure bundle code or id (repeatable)")
	@Parameter(name = "unit", in = ParameterIn.QUERY, description = "Lead org unit code or id (repeatable)")
	@Parameter(name = "status", in = ParameterIn.QUERY, description = "ProjectStatus (repeatable)")
	@Parameter(name = "type", in = ParameterIn.QUERY, description = "ProjectType (repeatable)")
	@Parameter(name = "tag", in = ParameterIn.QUERY, description = "Tag (repeatable)")
	@Parameter(name = "year", in = ParameterIn.QUERY, description = "Budget or schedule year (repeatable)")
	@Parameter(name = "ai", in = ParameterIn.QUERY, description = "true/false: uses AI")
	@Parameter(name = "sort", in = ParameterIn.QUERY,
			description = "RELEVANCE, KEY, TITLE, STATUS, START or UPDATED")
	@Parameter(name = "page", in = ParameterIn.QUERY, description = "0-based page")
	@Parameter(name = "size", in = ParameterIn.QUERY, description = "Page size, 1–100 (default 20)")
	@ApiResponse(responseCode = "200", description = "One page of matching projects with facet counts")
	ProjectJson.Page list(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params) {
		QueryParams.Parsed parsed = QueryParams.parse(mapping.withIds(params));
		ProjectQuery.Result result = search.search(parsed.query());
		Map<UUID, Ref> units = new HashMap<>();
		return new ProjectJson.Page(result.hits().stream().map(h -> mapping.summary(h, units)).toList(),
				result.total(), result.page(), result.size(), mapping.facets(result.facets()), parsed.ignored());
	}

	@GetMapping("/{key}")
	@Operation(summary = "Read a project's full profile",
			description = "ETag is the version; If-None-Match with it answers 304 Not Modified.")
	@ApiResponse(responseCode = "200", description = "The profile",
			headers = @Header(name = "ETag", description = "\"<version>\""))
	@ApiResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
	@ApiResponse(responseCode = "404", description = "No such project, or a draft of another office",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
	ResponseEntity<ProjectJson.Detail> get(@PathVariable String key,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
		Project project = service.byKey(key);
		String etag = etag(project.getVersion());
		if (ifNoneMatch != null && matches(ifNoneMatch, project.getVersion())) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
		}
		return ResponseEntity.ok().eTag(etag).body(mapping.detail(project, project.getVersion()));
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Register a project (as an idea of its lead office)",
			description = "Org units, goals and bundles by code (\"AMT-51\", \"Z3.1\") or id.")
	@ApiResponse(responseCode = "201", description = "Created",
			headers = { @Header(name = "Location", description = "URL of the new project"),
					@Header(name = "ETag", description = "\"<version>\"") })
	@ApiResponse(responseCode = "403", description = "The caller may not create projects",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
	@ApiResponse(responseCode = "422", description = "Invalid profile; errors lists each field",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
	ResponseEntity<ProjectJson.Detail> create(@RequestBody ProjectJson.Input input) {
		Project project;
		try {
			project = service.create(mapping.toProfile(input));
		}
		catch (InvalidInput ex) {
			throw mapping.renamed(ex);
		}
		long version = projects.versionOf(project.getId());
		return ResponseEntity.created(URI.create(BASE + "/" + project.getKey()))
			.eTag(etag(version))
			.body(mapping.detail(project, version));
	}

	@PutMapping(path = "/{key}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Replace a project's profile",
			description = "Send If-Match: \"<version>\" (stale → 412); or a version field in the body (stale → 409). "
					+ "Without either → 428.")
	@Parameter(name = HttpHeaders.IF_MATCH, in = ParameterIn.HEADER, description = "\"<version>\" from the ETag")
	@ApiResponse(responseCode = "200", description = "Saved", headers = @Header(name = "ETag", description = "\"<version>\""))
	@ApiResponse(responseCode = "403", description = "The caller may not change this project (e.g. another office's)",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
	@ApiResponse(responseCode = "404", description = "No such project",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
	@ApiResponse(responseCode = "409", description = "The version in the body is stale",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
	@ApiResponse(responseCode = "412", description = "If-Match does not name the current version",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
	@ApiResponse(responseCode = "422", description = "Invalid profile; errors lists each field",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
	@ApiResponse(responseCode = "428", description = "Neither If-Match nor a version was sent",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
	ResponseEntity<ProjectJson.Detail> update(@PathVariable String key,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestBody ProjectJson.Input input) {
		Project current = service.byKey(key);
		boolean fromHeader = input.version() == null && ifMatch != null && !ifMatch.isBlank();
		long expected = expectedVersion(current, ifMatch, input.version());
		Project project;
		try {
			project = service.update(current.getId(), expected, mapping.toProfile(input));
		}
		catch (StaleVersionException ex) {
			if (fromHeader) {
				throw PreconditionFailed.stale(ex.currentVersion());
			}
			throw ex;
		}
		catch (InvalidInput ex) {
			throw mapping.renamed(ex);
		}
		long version = projects.versionOf(project.getId());
		return ResponseEntity.ok().eTag(etag(version)).body(mapping.detail(project, version));
	}

	@PostMapping(path = "/{key}/transitions", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Take a lifecycle step", description = "e.g. {\"to\": \"SUBMITTED\", \"comment\": \"…\", "
			+ "\"version\": 0}; the version may come as If-Match instead.")
	@Parameter(name = HttpHeaders.IF_MATCH, in = ParameterIn.HEADER, description = "\"<version>\" from the ETag")
	@ApiResponse(responseCode = "200", description = "The new state", headers = @Header(name = "ETag", description = "\"<version>\""))
	@ApiResponse(responseCode = "403", description = "The caller may not take this step",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
	@ApiResponse(responseCode = "404", description = "No such project",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
	@ApiResponse(responseCode = "409", description = "Illegal step from the current state, or a stale version",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
	@ApiResponse(responseCode = "412", description = "If-Match does not name the current version",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
	@ApiResponse(responseCode = "422", description = "Invalid comment or missing target state",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
	@ApiResponse(responseCode = "428", description = "Neither If-Match nor a version was sent",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
	ResponseEntity<ProjectJson.TransitionResult> transition(@PathVariable String key,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestBody ProjectJson.TransitionRequest request) {
		if (request.to() == null) {
			throw InvalidInput.of("to", "validation.required");
		}
		Project current = service.byKey(key);
		boolean fromHeader = request.version() == null && ifMatch != null && !ifMatch.isBlank();
		long expected = expectedVersion(current, ifMatch, request.version());
		Project project;
		try {
			project = service.transition(current.getId(), expected, request.to(), request.comment());
		}
		catch (StaleVersionException ex) {
			if (fromHeader) {
				throw PreconditionFailed.stale(ex.currentVersion());
			}
			throw ex;
		}
		long version = projects.versionOf(project.getId());
		return ResponseEntity.ok().eTag(etag(version))
			.body(new ProjectJson.TransitionResult(project.getKey(), project.getStatus(), version,
					service.stepsFor(project).stream().map(Lifecycle::to).toList()));
	}

	@GetMapping("/{key}/transitions")
	@Operation(summary = "History of a project's lifecycle steps, newest first")
	@ApiResponse(responseCode = "200", description = "The steps taken")
	@ApiResponse(responseCode = "404", description = "No such project",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
	List<ProjectJson.Transition> transitions(@PathVariable String key) {
		Project project = service.byKey(key);
		return service.transitionsOf(project.getId()).stream().map(ProjectApiMapping::transition).toList();
	}

	/**
	 * The version a change is based on: the body's {@code version} wins (a stale one is 409), else
	 * {@code If-Match} (a stale one is 412, checked by the service after who-may-what); neither is 428.
	 */
	private static long expectedVersion(Project current, String ifMatch, Long bodyVersion) {
		if (bodyVersion != null) {
			return bodyVersion;
		}
		if (ifMatch == null || ifMatch.isBlank()) {
			throw PreconditionFailed.required();
		}
		for (String tag : ifMatch.split(",")) {
			String t = tag.trim();
			if (t.equals("*") || matches(t, current.getVersion())) {
				return current.getVersion();
			}
		}
		// Names no current version: the service answers 403/404 first if that applies, else it is stale.
		return -1;
	}

	static String etag(long version) {
		return "\"" + version + "\"";
	}

	/** Whether a list of entity tags ({@code "3", W/"3", *}) names the version. */
	static boolean matches(String header, long version) {
		for (String tag : header.split(",")) {
			String t = tag.trim();
			if (t.equals("*")) {
				return true;
			}
			if (t.startsWith("W/")) {
				t = t.substring(2);
			}
			if (t.equals("\"" + version + "\"")) {
				return true;
			}
		}
		return false;
	}
}
