package de.leitstand.portfolio.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.stereotype.Component;

import de.leitstand.organization.LeitstandUser;
import de.leitstand.organization.OrgUnitDirectory;
import de.leitstand.organization.OrgUnitView;
import de.leitstand.portfolio.Contribution;
import de.leitstand.portfolio.ProjectProfile;
import de.leitstand.portfolio.ProjectQuery;
import de.leitstand.portfolio.internal.Project;
import de.leitstand.portfolio.internal.ProjectTransition;
import de.leitstand.portfolio.web.ProjectJson.Ref;
import de.leitstand.shared.InvalidInput;
import de.leitstand.shared.InvalidInput.Problem;
import de.leitstand.strategy.StrategyCatalog;
import de.leitstand.strategy.StrategyCatalog.BundleSummary;
import de.leitstand.strategy.StrategyCatalog.FieldSummary;
import de.leitstand.strategy.StrategyCatalog.GoalSummary;

/**
 * Between the API's JSON and the portfolio: resolves codes to ids on the way in (reporting unknown ones at their
 * JSON field), ids to codes and names on the way out, and renames the profile's field names in error lists to
 * the JSON paths the client sent.
 */
@Component
class ProjectApiMapping {

	/** Profile field → JSON path (prefix match for indexed lists). */
	private static final Map<String, String> FIELD_NAMES = Map.ofEntries(Map.entry("leadUnitId", "leadUnit"),
			Map.entry("contactName", "contact.name"), Map.entry("contactEmail", "contact.email"),
			Map.entry("fundingProgramme", "funding.programme"), Map.entry("fundingShare", "funding.share"),
			Map.entry("aiUsed", "ai.used"), Map.entry("aiPurpose", "ai.purpose"),
			Map.entry("aiRiskClass", "ai.riskClass"), Map.entry("published", "publication.published"),
			Map.entry("publicTitle", "publication.title"), Map.entry("publicSummary", "publication.summary"));

	private final OrgUnitDirectory units;
	private final StrategyCatalog strategy;

	ProjectApiMapping(OrgUnitDirectory units, StrategyCatalog strategy) {
		this.units = units;
		this.strategy = strategy;
	}

	// --- in ---

	ProjectProfile toProfile(ProjectJson.Input in) {
		List<Problem> problems = new ArrayList<>();
		Catalog catalog = catalog();
		UUID lead = in.leadUnit() == null ? null : unit(in.leadUnit(), "leadUnit", problems);
		Set<UUID> participants = new LinkedHashSet<>();
		List<Ref> participating = orEmpty(in.participatingUnits());
		for (int i = 0; i < participating.size(); i++) {
			UUID id = unit(participating.get(i), "participatingUnits[" + i + "]", problems);
			if (id != null) {
				participants.add(id);
			}
		}
		List<ProjectProfile.CostPlan> costs = new ArrayList<>();
		List<ProjectJson.Cost> costsIn = orEmpty(in.costs());
		for (int i = 0; i < costsIn.size(); i++) {
			ProjectJson.Cost c = costsIn.get(i);
			if (c == null || c.year() == null) {
				problems.add(new Problem("costs[" + i + "].year", "validation.required"));
				continue;
			}
			costs.add(new ProjectProfile.CostPlan(c.year(), c.investment(), c.running()));
		}
		List<ProjectProfile.EffortPlan> efforts = new ArrayList<>();
		List<ProjectJson.Effort> effortsIn = orEmpty(in.efforts());
		for (int i = 0; i < effortsIn.size(); i++) {
			ProjectJson.Effort e = effortsIn.get(i);
			String prefix = "efforts[" + i + "].";
			if (e == null || e.year() == null) {
				problems.add(new Problem(prefix + "year", "validation.required"));
				continue;
			}
			UUID unit = e.unit() == null ? lead : unit(e.unit(), prefix + "unit", problems);
			efforts.add(new ProjectProfile.EffortPlan(unit, e.year(), e.personDays()));
		}
		Map<UUID, Contribution> goals = new LinkedHashMap<>();
		List<ProjectJson.Goal> goalsIn = orEmpty(in.goals());
		for (int i = 0; i < goalsIn.size(); i++) {
			ProjectJson.Goal g = goalsIn.get(i);
			String field = "goals[" + i + "]";
			GoalSummary goal = g == null ? null
					: g.goalId() != null ? catalog.goalsById.get(g.goalId()) : lookup(g.goal(), catalog.goalsByCode,
							catalog.goalsById);
			if (goal == null) {
				problems.add(new Problem(field + ".goal", "project.error.unknownGoal"));
			}
			else if (g.contribution() == null) {
				problems.add(new Problem(field + ".contribution", "project.error.contributionMissing", goal.code()));
			}
			else {
				goals.put(goal.id(), g.contribution());
			}
		}
		Set<UUID> bundles = new LinkedHashSet<>();
		List<Ref> bundlesIn = orEmpty(in.bundles());
		for (int i = 0; i < bundlesIn.size(); i++) {
			Ref ref = bundlesIn.get(i);
			BundleSummary bundle = ref == null ? null
					: ref.id() != null ? catalog.bundlesById.get(ref.id())
							: lookup(ref.code(), catalog.bundlesByCode, catalog.bundlesById);
			if (bundle == null) {
				problems.add(new Problem("bundles[" + i + "]", "project.error.unknownBundle"));
			}
			else {
				bundles.add(bundle.id());
			}
		}
		List<ProjectProfile.OnlineService> services = new ArrayList<>();
		List<ProjectJson.Service> servicesIn = orEmpty(in.onlineServices());
		for (int i = 0; i < servicesIn.size(); i++) {
			ProjectJson.Service s = servicesIn.get(i);
			if (s == null) {
				continue;
			}
			if (s.currentLevel() == null) {
				problems.add(new Problem("onlineServices[" + i + "].currentLevel", "validation.required"));
			}
			if (s.targetLevel() == null) {
				problems.add(new Problem("onlineServices[" + i + "].targetLevel", "validation.required"));
			}
			if (s.currentLevel() != null && s.targetLevel() != null) {
				services.add(new ProjectProfile.OnlineService(s.leikaKey(), s.name() == null ? "" : s.name(),
						s.model(), s.currentLevel(), s.targetLevel()));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		ProjectJson.Contact contact = in.contact() == null ? new ProjectJson.Contact(null, null) : in.contact();
		ProjectJson.Funding funding = in.funding() == null ? new ProjectJson.Funding(null, null) : in.funding();
		ProjectJson.Ai ai = in.ai() == null ? new ProjectJson.Ai(false, null, null) : in.ai();
		ProjectJson.Publication pub = in.publication() == null ? new ProjectJson.Publication(false, null, null)
				: in.publication();
		Set<String> tags = new LinkedHashSet<>(orEmpty(in.tags()));
		tags.remove(null);
		Set<String> requires = new LinkedHashSet<>(orEmpty(in.requires()));
		requires.remove(null);
		return new ProjectProfile(nullToEmpty(in.title()), nullToEmpty(in.shortDescription()), in.problem(),
				in.expectedImpact(), in.type(), lead, participants, contact.name(), contact.email(), in.plannedStart(),
				in.plannedEnd(), costs, efforts, funding.programme(), funding.share(), goals, bundles, services, tags,
				Boolean.TRUE.equals(ai.used()), ai.purpose(), ai.riskClass(), requires,
				Boolean.TRUE.equals(pub.published()), pub.title(), pub.summary());
	}

	/** The profile's problems named by the JSON paths of the API. */
	InvalidInput renamed(InvalidInput ex) {
		return new InvalidInput(ex.problems().stream()
			.map(p -> new Problem(jsonField(p.field()), p.messageKey(), p.args()))
			.toList());
	}

	static String jsonField(String field) {
		if (field == null) {
			return null;
		}
		String mapped = FIELD_NAMES.get(field);
		if (mapped != null) {
			return mapped;
		}
		if (field.startsWith("efforts[") && field.endsWith("].unitId")) {
			return field.substring(0, field.length() - "unitId".length()) + "unit";
		}
		return field;
	}

	/** Query parameters with codes ({@code unit=AMT-51}, {@code goal=Z3.1}, {@code bundle=B1.1}) turned into ids. */
	org.springframework.util.MultiValueMap<String, String> withIds(
			org.springframework.util.MultiValueMap<String, String> params) {
		org.springframework.util.LinkedMultiValueMap<String, String> copy = new org.springframework.util.LinkedMultiValueMap<>(
				params);
		Catalog catalog = null;
		for (String name : List.of("unit", "goal", "bundle")) {
			List<String> values = copy.get(name);
			if (values == null) {
				continue;
			}
			List<String> resolved = new ArrayList<>();
			for (String value : values) {
				if (value == null || isUuid(value.trim())) {
					resolved.add(value);
					continue;
				}
				String code = value.trim();
				if (name.equals("unit")) {
					resolved.add(units.findByCode(code).map(u -> u.id().toString()).orElse(value));
				}
				else {
					catalog = catalog == null ? catalog() : catalog;
					Object found = name.equals("goal") ? catalog.goalsByCode.get(code.toUpperCase())
							: catalog.bundlesByCode.get(code.toUpperCase());
					resolved.add(found instanceof GoalSummary g ? g.id().toString()
							: found instanceof BundleSummary b ? b.id().toString() : value);
				}
			}
			copy.put(name, resolved);
		}
		return copy;
	}

	// --- out ---

	ProjectJson.Summary summary(ProjectQuery.Hit hit, Map<UUID, Ref> unitCache) {
		return new ProjectJson.Summary(hit.key(), hit.id(), hit.title(), hit.shortDescription(), hit.status(),
				hit.type(), unitCache.computeIfAbsent(hit.leadUnitId(), this::unitRef), hit.plannedStart(),
				hit.plannedEnd(), hit.tags().stream().sorted().toList(), hit.aiUsed(), hit.totalCost());
	}

	Map<String, Map<String, Long>> facets(ProjectQuery.Facets f) {
		Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
		facets.put("status", stringKeys(f.statuses()));
		facets.put("type", stringKeys(f.types()));
		facets.put("unit", stringKeys(f.units()));
		facets.put("field", stringKeys(f.fields()));
		facets.put("goal", stringKeys(f.goals()));
		facets.put("bundle", stringKeys(f.bundles()));
		facets.put("tag", stringKeys(f.tags()));
		facets.put("year", stringKeys(f.years()));
		facets.put("ai", stringKeys(f.ai()));
		return facets;
	}

	ProjectJson.Detail detail(Project p, long version) {
		Catalog catalog = catalog();
		List<ProjectJson.Goal> goals = p.getGoalLinks().stream()
			.map(l -> {
				GoalSummary g = catalog.goalsById.get(l.goalId());
				return new ProjectJson.Goal(g == null ? null : g.code(), l.goalId(), g == null ? null : g.title(),
						l.contribution());
			})
			.sorted(Comparator.comparing(g -> g.goal() == null ? "~" : g.goal()))
			.toList();
		List<Ref> bundles = p.getBundleIds().stream()
			.map(id -> {
				BundleSummary b = catalog.bundlesById.get(id);
				return new Ref(id, b == null ? null : b.code(), b == null ? null : b.title());
			})
			.sorted(Comparator.comparing(r -> r.code() == null ? "~" : r.code()))
			.toList();
		return new ProjectJson.Detail(p.getKey(), p.getId(), version, p.getStatus(), p.getTitle(),
				p.getShortDescription(), p.getProblem(), p.getExpectedImpact(), p.getType(), unitRef(p.getLeadUnitId()),
				p.getParticipatingUnits().stream().map(this::unitRef)
					.sorted(Comparator.comparing(r -> r.code() == null ? "~" : r.code())).toList(),
				new ProjectJson.Contact(p.getContactName(), p.getContactEmail()), p.getPlannedStart(),
				p.getPlannedEnd(),
				p.getCostsByYear().stream().map(c -> new ProjectJson.Cost(c.year(), c.investment(), c.running()))
					.toList(),
				p.getEffortsByYear().stream()
					.map(e -> new ProjectJson.Effort(unitRef(e.unitId()), e.year(), e.personDays()))
					.toList(),
				new ProjectJson.Funding(p.getFundingProgramme(), p.getFundingShare()), goals, bundles,
				p.getOnlineServices().stream()
					.map(s -> new ProjectJson.Service(s.leikaKey(), s.name(), s.model(), s.currentLevel(),
							s.targetLevel()))
					.sorted(Comparator.comparing(ProjectJson.Service::leikaKey)).toList(),
				p.getTags().stream().sorted().toList(),
				new ProjectJson.Ai(p.isAiUsed(), p.getAiPurpose(), p.getAiRiskClass()),
				p.prerequisiteKeys(LeitstandUser.current().orElse(null)),
				new ProjectJson.Publication(p.isPublished(), p.getPublicTitle(), p.getPublicSummary()),
				p.totalCost(), p.isExampleData(), p.getCreatedBy(), p.getCreatedAt(), p.getUpdatedAt());
	}

	static ProjectJson.Transition transition(ProjectTransition t) {
		return new ProjectJson.Transition(t.getFrom(), t.getTo(), t.getAt(), t.getBy(), t.getComment());
	}

	Ref unitRef(UUID id) {
		if (id == null) {
			return null;
		}
		Optional<OrgUnitView> unit = units.find(id);
		return new Ref(id, unit.map(OrgUnitView::code).orElse(null), unit.map(OrgUnitView::name).orElse(null));
	}

	// --- helpers ---

	private UUID unit(Ref ref, String field, List<Problem> problems) {
		if (ref == null) {
			return null;
		}
		Optional<OrgUnitView> unit = ref.id() != null ? units.find(ref.id())
				: ref.code() == null || ref.code().isBlank() ? Optional.empty()
						: isUuid(ref.code().trim()) ? units.find(UUID.fromString(ref.code().trim()))
								: units.findByCode(ref.code().trim());
		if (unit.isEmpty()) {
			problems.add(new Problem(field, "project.error.unknownUnit"));
			return null;
		}
		return unit.get().id();
	}

	private static <T> T lookup(String codeOrId, Map<String, T> byCode, Map<UUID, T> byId) {
		if (codeOrId == null || codeOrId.isBlank()) {
			return null;
		}
		String value = codeOrId.trim();
		return isUuid(value) ? byId.get(UUID.fromString(value)) : byCode.get(value.toUpperCase());
	}

	private record Catalog(Map<String, GoalSummary> goalsByCode, Map<UUID, GoalSummary> goalsById,
			Map<String, BundleSummary> bundlesByCode, Map<UUID, BundleSummary> bundlesById) {
	}

	private Catalog catalog() {
		Map<String, GoalSummary> goalsByCode = new HashMap<>();
		Map<UUID, GoalSummary> goalsById = new HashMap<>();
		Map<String, BundleSummary> bundlesByCode = new HashMap<>();
		Map<UUID, BundleSummary> bundlesById = new HashMap<>();
		for (FieldSummary field : strategy.activeFields()) {
			for (GoalSummary g : field.goals()) {
				goalsByCode.put(g.code().toUpperCase(), g);
				goalsById.put(g.id(), g);
			}
			for (BundleSummary b : field.bundles()) {
				bundlesByCode.put(b.code().toUpperCase(), b);
				bundlesById.put(b.id(), b);
			}
		}
		return new Catalog(goalsByCode, goalsById, bundlesByCode, bundlesById);
	}

	static boolean isUuid(String value) {
		if (value.length() != 36) {
			return false;
		}
		try {
			UUID.fromString(value);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static <K> Map<String, Long> stringKeys(Map<K, Long> map) {
		Map<String, Long> result = new TreeMap<>();
		if (map != null) {
			map.forEach((k, v) -> result.put(String.valueOf(k), v));
		}
		return result;
	}

	private static <T> List<T> orEmpty(List<T> list) {
		return list == null ? List.of() : list;
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value;
	}
}
