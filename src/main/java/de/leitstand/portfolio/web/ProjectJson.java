package de.leitstand.portfolio.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.swagger.v3.oas.annotations.media.Schema;

import de.leitstand.portfolio.AiRiskClass;
import de.leitstand.portfolio.Contribution;
import de.leitstand.portfolio.MaturityModel;
import de.leitstand.portfolio.ProjectStatus;
import de.leitstand.portfolio.ProjectType;

/**
 * The JSON shapes of the project API. Org units, goals and bundles are written as objects with id, code and
 * name; on input each reference may be a plain string (code such as {@code "AMT-51"}, {@code "Z3.1"} or an id)
 * or such an object, so that a project read by GET can be sent back by PUT unchanged.
 */
final class ProjectJson {

	private ProjectJson() {
	}

	/** A reference to an org unit, goal or bundle: by code or by id. */
	@Schema(description = "Reference by code (e.g. \"AMT-51\", \"Z3.1\") or id; on output also carries the name.",
			example = "AMT-51")
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Ref(UUID id, String code, String name) {

		@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
		static Ref of(String codeOrId) {
			return new Ref(null, codeOrId, null);
		}

		@JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
		static Ref of(@JsonProperty("id") UUID id, @JsonProperty("code") String code,
				@JsonProperty("name") String name) {
			return new Ref(id, code, name);
		}
	}

	@Schema(name = "ProjectSummary", description = "A project in a result list.")
	record Summary(String key, UUID id, String title, String shortDescription, ProjectStatus status,
			ProjectType type, Ref leadUnit, LocalDate plannedStart, LocalDate plannedEnd, List<String> tags,
			boolean aiUsed, BigDecimal totalCost) {
	}

	@Schema(name = "ProjectPage", description = "One page of a portfolio search with the counts per filter value.")
	record Page(List<Summary> items, long total, int page, int size,
			@Schema(description = "Counts per status, type, unit id, field/goal/bundle id, tag, year and AI use")
			Map<String, Map<String, Long>> facets,
			@Schema(description = "Query parameters whose values could not be understood and were ignored")
			List<String> ignoredParameters) {
	}

	@Schema(name = "Contact")
	record Contact(String name, String email) {
	}

	@Schema(name = "CostPlan", description = "Planned costs of one budget year in EUR")
	record Cost(Integer year, BigDecimal investment, BigDecimal running) {
	}

	@Schema(name = "EffortPlan", description = "Planned staff effort of one org unit in one year, in person-days")
	record Effort(Ref unit, Integer year, BigDecimal personDays) {
	}

	@Schema(name = "Funding", description = "Third-party funding (Fördermittel)")
	record Funding(String programme, BigDecimal share) {
	}

	@Schema(name = "GoalLink", description = "Contribution to a strategic goal; goal by code (\"Z3.1\") or id")
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Goal(@Schema(example = "Z3.1") String goal, UUID goalId, String title, Contribution contribution) {
	}

	@Schema(name = "OnlineService", description = "An online service (OZG-Leistung, LeiKa key) with its maturity")
	record Service(String leikaKey, String name, MaturityModel model, Integer currentLevel, Integer targetLevel) {
	}

	@Schema(name = "AiUse", description = "Use of artificial intelligence and its EU AI Act risk class")
	record Ai(Boolean used, String purpose, AiRiskClass riskClass) {
	}

	@Schema(name = "Publication", description = "What the public Digitalmonitor shows, if published")
	record Publication(Boolean published, String title, String summary) {
	}

	@Schema(name = "ProjectInput", description = "A project profile (Steckbrief) to create or replace. References "
			+ "may be codes or ids.")
	record Input(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String title,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String shortDescription, String problem,
			String expectedImpact, @Schema(requiredMode = Schema.RequiredMode.REQUIRED) ProjectType type,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Ref leadUnit, List<Ref> participatingUnits,
			Contact contact, LocalDate plannedStart, LocalDate plannedEnd, List<Cost> costs, List<Effort> efforts,
			Funding funding, List<Goal> goals, List<Ref> bundles, List<Service> onlineServices, List<String> tags,
			Ai ai, @Schema(description = "Keys of prerequisite projects, e.g. \"P-0007\"") List<String> requires,
			Publication publication,
			@Schema(description = "Version the change is based on (alternative to If-Match; a stale one gives 409)")
			Long version) {
	}

	@Schema(name = "Project", description = "A project's full profile with its lifecycle state and version")
	record Detail(String key, UUID id, long version, ProjectStatus status, String title, String shortDescription,
			String problem, String expectedImpact, ProjectType type, Ref leadUnit, List<Ref> participatingUnits,
			Contact contact, LocalDate plannedStart, LocalDate plannedEnd, List<Cost> costs, List<Effort> efforts,
			Funding funding, List<Goal> goals, List<Ref> bundles, List<Service> onlineServices, List<String> tags,
			Ai ai, List<String> requires, Publication publication, BigDecimal totalCost, boolean exampleData,
			String createdBy, Instant createdAt, Instant updatedAt) {
	}

	@Schema(name = "TransitionRequest", description = "A lifecycle step to take")
	record TransitionRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) ProjectStatus to,
			String comment,
			@Schema(description = "Version the step is based on (or send If-Match); a stale one gives 409")
			Long version) {
	}

	@Schema(name = "Transition", description = "A lifecycle step taken")
	record Transition(ProjectStatus from, ProjectStatus to, Instant at, String by, String comment) {
	}

	@Schema(name = "TransitionResult", description = "The project's state after a lifecycle step")
	record TransitionResult(String key, ProjectStatus status, long version, List<ProjectStatus> nextSteps) {
	}
}
