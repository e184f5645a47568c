package de.leitstand.prioritization.internal.scenario;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.leitstand.organization.LeitstandUser;
import de.leitstand.organization.OrgUnitDirectory;
import de.leitstand.organization.OrgUnitView;
import de.leitstand.portfolio.ProjectDirectory;
import de.leitstand.portfolio.ProjectSnapshot;
import de.leitstand.portfolio.ProjectStatus;
import de.leitstand.prioritization.CandidateValues;
import de.leitstand.prioritization.internal.optimizer.PortfolioOptimizer;
import de.leitstand.prioritization.internal.optimizer.Scenario;
import de.leitstand.prioritization.internal.optimizer.ScenarioException;
import de.leitstand.prioritization.internal.optimizer.ScenarioJson;
import de.leitstand.shared.InvalidInput;
import de.leitstand.shared.NotFoundException;
import de.leitstand.shared.StaleVersionException;
import de.leitstand.shared.validation.PlainText;

/**
 * Scenarios as the portfolio office keeps them: create with default candidates, edit limits and candidates,
 * export and import the scenario file, and turn a stored scenario into the optimiser's input with the current
 * project plans. Portfolio managers edit; board members and readers read.
 */
@Service
@Transactional
public class ScenarioService {

	static final String READ = "hasAnyRole('PORTFOLIO_MANAGER','BOARD','READER')";
	static final String MANAGE = "hasRole('PORTFOLIO_MANAGER')";

	/** Projects that compete for the budget; running ones are mandatory by default. */
	static final Set<ProjectStatus> CANDIDATE_STATES = EnumSet.of(ProjectStatus.SUBMITTED, ProjectStatus.IN_REVIEW,
			ProjectStatus.APPROVED, ProjectStatus.DEFERRED, ProjectStatus.IN_IMPLEMENTATION);

	private final PortfolioScenarios scenarios;
	private final ProjectDirectory projects;
	private final OrgUnitDirectory units;
	private final CandidateValues values;
	private final MessageSource messages;

	ScenarioService(PortfolioScenarios scenarios, ProjectDirectory projects, OrgUnitDirectory units,
			CandidateValues values, MessageSource messages) {
		this.scenarios = scenarios;
		this.projects = projects;
		this.units = units;
		this.values = values;
		this.messages = messages;
	}

	/** A candidate as the edit table shows it. */
	public record CandidateRow(String key, String title, ProjectStatus status, boolean included, boolean mandatory,
			boolean excluded, BigDecimal value, BigDecimal valueOverride, String overrideReason) {
	}

	/** An edit of one candidate row. */
	public record CandidateEdit(String key, boolean included, boolean mandatory, boolean excluded,
			BigDecimal valueOverride, String overrideReason) {
	}

	@PreAuthorize(READ)
	@Transactional(readOnly = true)
	public List<PortfolioScenario> list() {
		return scenarios.findAllByOrderByUpdatedAtDesc();
	}

	@PreAuthorize(READ)
	@Transactional(readOnly = true)
	public PortfolioScenario get(UUID id) {
		PortfolioScenario s = scenarios.findById(id).orElseThrow(() -> new NotFoundException("scenario " + id));
		s.budgets().size();
		s.capacities().size();
		s.candidates();
		s.exclusions().size();
		return s;
	}

	public String valueBasisKey() {
		return values.basisKey();
	}

	@PreAuthorize(MANAGE)
	public PortfolioScenario create(String name, List<String> years, BigDecimal budgetPerYear) {
		return createDefault(name, years, budgetPerYear, false);
	}

	PortfolioScenario createDefault(String name, List<String> years, BigDecimal budgetPerYear, boolean example) {
		List<InvalidInput.Problem> problems = new ArrayList<>();
		if (name == null || name.isBlank() || name.length() > 200) {
			problems.add(new InvalidInput.Problem("name", "scenario.error.name"));
		}
		else {
			PlainText.Validator.check(problems, "name", name);
		}
		if (budgetPerYear == null || budgetPerYear.signum() < 0) {
			problems.add(new InvalidInput.Problem("budgetPerYear", "scenario.error.budgetPerYear"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		PortfolioScenario scenario = new PortfolioScenario(name.strip(), years, example, LeitstandUser.currentName());
		Set<PortfolioScenario.Budget> budgets = new LinkedHashSet<>();
		years.forEach(y -> budgets.add(new PortfolioScenario.Budget(y, budgetPerYear.setScale(0, RoundingMode.HALF_UP))));
		scenario.setBudgets(budgets);
		Set<PortfolioScenario.CandidateEntry> candidates = new LinkedHashSet<>();
		for (ProjectSnapshot p : projects.inStatus(CANDIDATE_STATES)) {
			candidates.add(new PortfolioScenario.CandidateEntry(p.key(), p.status() == ProjectStatus.IN_IMPLEMENTATION,
					false, null, null));
		}
		scenario.setCandidates(candidates);
		return scenarios.save(scenario);
	}

	@PreAuthorize(MANAGE)
	public PortfolioScenario updateLimits(UUID id, long version, String name, Map<String, BigDecimal> budgets,
			Map<String, Map<String, BigDecimal>> capacities) {
		PortfolioScenario scenario = scenarios.findById(id).orElseThrow(() -> new NotFoundException("scenario " + id));
		StaleVersionException.require(scenario.getVersion(), version);
		List<InvalidInput.Problem> problems = new ArrayList<>();
		if (name == null || name.isBlank() || name.length() > 200) {
			problems.add(new InvalidInput.Problem("name", "scenario.error.name"));
		}
		else {
			PlainText.Validator.check(problems, "name", name);
		}
		Set<PortfolioScenario.Budget> budgetLines = new LinkedHashSet<>();
		budgets.forEach((year, amount) -> {
			if (amount != null && amount.signum() < 0) {
				problems.add(new InvalidInput.Problem("budget[" + year + "]", "scenario.error.negativeBudget", year));
			}
			else if (amount != null) {
				budgetLines.add(new PortfolioScenario.Budget(year, amount.setScale(0, RoundingMode.HALF_UP)));
			}
		});
		Set<PortfolioScenario.Capacity> capacityLines = new LinkedHashSet<>();
		capacities.forEach((unit, perYear) -> perYear.forEach((year, days) -> {
			if (days != null && days.signum() < 0) {
				problems.add(new InvalidInput.Problem("capacity[" + unit + "][" + year + "]",
						"scenario.error.negativeCapacity", unit, year));
			}
			else if (days != null) {
				capacityLines.add(new PortfolioScenario.Capacity(unit, year, days.setScale(1, RoundingMode.HALF_UP)));
			}
		}));
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		scenario.rename(name.strip());
		scenario.setBudgets(budgetLines);
		scenario.setCapacities(capacityLines);
		return scenarios.saveAndFlush(scenario);
	}

	@PreAuthorize(MANAGE)
	public PortfolioScenario updateCandidates(UUID id, long version, List<CandidateEdit> edits,
			List<PortfolioScenario.Exclusion> exclusions) {
		PortfolioScenario scenario = scenarios.findById(id).orElseThrow(() -> new NotFoundException("scenario " + id));
		StaleVersionException.require(scenario.getVersion(), version);
		List<InvalidInput.Problem> problems = new ArrayList<>();
		Set<PortfolioScenario.CandidateEntry> entries = new LinkedHashSet<>();
		Set<String> included = new java.util.HashSet<>();
		for (int i = 0; i < edits.size(); i++) {
			CandidateEdit e = edits.get(i);
			if (!e.included()) {
				continue;
			}
			if (projects.findByKey(e.key()).isEmpty()) {
				problems.add(new InvalidInput.Problem("rows[" + i + "].key", "scenario.error.unknownProject", e.key()));
				continue;
			}
			String reason = e.overrideReason() == null || e.overrideReason().isBlank() ? null : e.overrideReason().strip();
			if (e.valueOverride() != null) {
				if (e.valueOverride().signum() < 0 || e.valueOverride().compareTo(BigDecimal.valueOf(99999)) > 0) {
					problems.add(new InvalidInput.Problem("rows[" + i + "].valueOverride", "scenario.error.override"));
				}
				if (reason == null) {
					problems.add(new InvalidInput.Problem("rows[" + i + "].overrideReason",
							"scenario.error.reasonRequired", e.key()));
				}
				else if (reason.length() > 1000) {
					problems.add(new InvalidInput.Problem("rows[" + i + "].overrideReason", "scenario.error.reasonLong"));
				}
				else {
					PlainText.Validator.check(problems, "rows[" + i + "].overrideReason", reason);
				}
			}
			if (e.mandatory() && e.excluded()) {
				problems.add(new InvalidInput.Problem("rows[" + i + "].excluded", "scenario.error.mandatoryAndExcluded",
						e.key()));
			}
			included.add(e.key());
			entries.add(new PortfolioScenario.CandidateEntry(e.key(), e.mandatory(), e.excluded(),
					e.valueOverride() == null ? null : e.valueOverride().setScale(2, RoundingMode.HALF_UP),
					e.valueOverride() == null ? null : reason));
		}
		for (PortfolioScenario.Exclusion x : exclusions) {
			for (String key : List.of(x.first(), x.second())) {
				if (!included.contains(key)) {
					problems.add(new InvalidInput.Problem("exclusions", "scenario.error.exclusionUnknown", key));
				}
			}
			if (x.first().equals(x.second())) {
				problems.add(new InvalidInput.Problem("exclusions", "scenario.error.selfExclusion", x.first()));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		scenario.setCandidates(entries);
		scenario.setExclusions(new LinkedHashSet<>(exclusions));
		return scenarios.saveAndFlush(scenario);
	}

	/** The edit table: every project that could be a candidate, plus the scenario's own candidates. */
	@PreAuthorize(READ)
	@Transactional(readOnly = true)
	public List<CandidateRow> candidateRows(UUID id) {
		PortfolioScenario scenario = get(id);
		Map<String, ProjectSnapshot> pool = new java.util.TreeMap<>();
		projects.inStatus(CANDIDATE_STATES).forEach(p -> pool.put(p.key(), p));
		for (PortfolioScenario.CandidateEntry c : scenario.candidates()) {
			if (!pool.containsKey(c.projectKey())) {
				projects.findByKey(c.projectKey()).ifPresent(p -> pool.put(p.key(), p));
			}
		}
		List<CandidateRow> rows = new ArrayList<>();
		for (ProjectSnapshot p : pool.values()) {
			Optional<PortfolioScenario.CandidateEntry> c = scenario.candidate(p.key());
			rows.add(new CandidateRow(p.key(), p.title(), p.status(), c.isPresent(),
					c.map(PortfolioScenario.CandidateEntry::mandatory).orElse(false),
					c.map(PortfolioScenario.CandidateEntry::excluded).orElse(false), values.valueOf(p),
					c.map(PortfolioScenario.CandidateEntry::valueOverride).orElse(null),
					c.map(PortfolioScenario.CandidateEntry::overrideReason).orElse(null)));
		}
		return rows;
	}

	/** Org unit codes that carry effort of the scenario's candidates (for the capacity table). */
	@PreAuthorize(READ)
	@Transactional(readOnly = true)
	public List<String> unitsWithEffort(UUID id) {
		Scenario s = toScenario(get(id));
		Set<String> codes = new java.util.TreeSet<>(s.capacity().keySet());
		s.candidates().forEach(c -> codes.addAll(c.effort().keySet()));
		return new ArrayList<>(codes);
	}

	/** The optimiser's input with the current plans: cost = investment + running, effort per office code. */
	@PreAuthorize(READ)
	@Transactional(readOnly = true)
	public Scenario toScenario(UUID id) {
		return toScenario(get(id));
	}

	Scenario toScenario(PortfolioScenario entity) {
		List<String> years = entity.years();
		Map<String, Long> budget = new LinkedHashMap<>();
		entity.budgets().forEach(b -> budget.put(b.year(), b.amount().longValue()));
		Map<String, Map<String, Long>> capacity = new LinkedHashMap<>();
		entity.capacities().forEach(c -> capacity.computeIfAbsent(c.unit(), k -> new LinkedHashMap<>()).put(c.year(),
				c.personDays().multiply(BigDecimal.valueOf(Scenario.EFFORT_SCALE)).setScale(0, RoundingMode.HALF_UP)
					.longValue()));
		Map<String, ProjectSnapshot> byKey = new LinkedHashMap<>();
		Map<UUID, String> keyById = new HashMap<>();
		for (PortfolioScenario.CandidateEntry c : entity.candidates()) {
			projects.findByKey(c.projectKey()).ifPresent(p -> {
				byKey.put(p.key(), p);
				keyById.put(p.id(), p.key());
			});
		}
		Map<String, List<String>> excludes = new HashMap<>();
		entity.exclusions().forEach(x -> excludes.computeIfAbsent(x.first(), k -> new ArrayList<>()).add(x.second()));
		Map<UUID, String> unitCodes = new HashMap<>();
		List<Scenario.Candidate> candidates = new ArrayList<>();
		for (PortfolioScenario.CandidateEntry c : entity.candidates()) {
			ProjectSnapshot p = byKey.get(c.projectKey());
			if (p == null) {
				continue; // a project deleted since; nothing to plan
			}
			Map<String, Long> cost = new LinkedHashMap<>();
			Map<String, Map<String, Long>> effort = new LinkedHashMap<>();
			for (String year : years) {
				Integer calendarYear = calendarYear(year);
				if (calendarYear == null) {
					continue;
				}
				long euros = p.costIn(calendarYear).setScale(0, RoundingMode.HALF_UP).longValue();
				if (euros > 0) {
					cost.put(year, euros);
				}
				for (var e : p.efforts()) {
					if (e.year() == calendarYear) {
						String code = unitCodes.computeIfAbsent(e.unitId(),
								u -> units.find(u).map(OrgUnitView::code).orElse(u.toString()));
						long tenths = e.personDays().multiply(BigDecimal.valueOf(Scenario.EFFORT_SCALE))
							.setScale(0, RoundingMode.HALF_UP).longValue();
						effort.computeIfAbsent(code, k -> new LinkedHashMap<>()).merge(year, tenths, Long::sum);
					}
				}
			}
			// prerequisites outside the scenario are running, finished or not planned here: not modelled
			List<String> requires = p.requires().stream().map(keyById::get).filter(k -> k != null).sorted().toList();
			BigDecimal value = c.valueOverride() != null ? c.valueOverride() : values.valueOf(p);
			candidates.add(new Scenario.Candidate(p.key(), p.title(),
					value.multiply(BigDecimal.valueOf(Scenario.VALUE_SCALE)).setScale(0, RoundingMode.HALF_UP).longValue(),
					cost, effort, c.mandatory(), c.excluded(), requires, excludes.getOrDefault(p.key(), List.of())));
		}
		return new Scenario(entity.getName(), years, budget, capacity, candidates);
	}

	@PreAuthorize(READ)
	@Transactional(readOnly = true)
	public String exportJson(UUID id) {
		return ScenarioJson.write(toScenario(get(id)));
	}

	/**
	 * Creates a scenario from a scenario file, all or nothing. Candidates must be portfolio projects (by key);
	 * their costs, efforts and prerequisites come from the profiles; a value that differs from the computed one
	 * becomes an override with a reason saying so.
	 */
	@PreAuthorize(MANAGE)
	public PortfolioScenario importJson(String json) {
		Scenario file;
		try {
			file = ScenarioJson.read(json);
		}
		catch (ScenarioException ex) {
			throw InvalidInput.of("file", ex.text().key(), ex.text().argArray());
		}
		List<InvalidInput.Problem> problems = new ArrayList<>();
		Map<String, ProjectSnapshot> found = new HashMap<>();
		for (Scenario.Candidate c : file.candidates()) {
			Optional<ProjectSnapshot> p = projects.findByKey(c.id());
			if (p.isEmpty()) {
				problems.add(new InvalidInput.Problem("file", "scenario.error.unknownProject", c.id()));
			}
			else {
				found.put(c.id(), p.get());
			}
		}
		String name = file.name() == null || file.name().isBlank() ? "Import" : file.name();
		if (name.length() > 200) {
			problems.add(new InvalidInput.Problem("file", "scenario.error.name"));
		}
		// a scenario file is as much user input as the form: its name and year labels follow the same rule
		PlainText.Validator.check(problems, "file", name);
		file.years().forEach(y -> PlainText.Validator.check(problems, "file", y));
		if (String.join(",", file.years()).length() > 400 || file.years().stream().anyMatch(y -> y.length() > 40
				|| y.contains(","))) {
			problems.add(new InvalidInput.Problem("file", "scenario.error.yearLabels"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		PortfolioScenario scenario = new PortfolioScenario(name, file.years(), false, LeitstandUser.currentName());
		Set<PortfolioScenario.Budget> budgets = new LinkedHashSet<>();
		file.budget().forEach((y, amount) -> budgets.add(new PortfolioScenario.Budget(y, BigDecimal.valueOf(amount))));
		scenario.setBudgets(budgets);
		Set<PortfolioScenario.Capacity> capacities = new LinkedHashSet<>();
		file.capacity().forEach((unit, perYear) -> perYear.forEach((y, tenths) -> capacities
			.add(new PortfolioScenario.Capacity(unit, y, BigDecimal.valueOf(tenths, 1)))));
		scenario.setCapacities(capacities);
		String reason = messages.getMessage("scenario.import.reason", null, LocaleContextHolder.getLocale());
		Set<PortfolioScenario.CandidateEntry> candidates = new LinkedHashSet<>();
		Set<PortfolioScenario.Exclusion> exclusions = new LinkedHashSet<>();
		for (Scenario.Candidate c : file.candidates()) {
			BigDecimal fileValue = BigDecimal.valueOf(c.value(), 2);
			BigDecimal computed = values.valueOf(found.get(c.id()));
			boolean override = fileValue.compareTo(computed) != 0;
			candidates.add(new PortfolioScenario.CandidateEntry(c.id(), c.mandatory(), c.excluded(),
					override ? fileValue : null, override ? reason : null));
			c.excludes().forEach(other -> exclusions.add(new PortfolioScenario.Exclusion(c.id(), other)));
		}
		scenario.setCandidates(candidates);
		scenario.setExclusions(exclusions);
		try {
			PortfolioOptimizer.check(toScenario(scenario));
		}
		catch (ScenarioException ex) {
			throw InvalidInput.of("file", ex.text().key(), ex.text().argArray());
		}
		return scenarios.save(scenario);
	}

	static Integer calendarYear(String label) {
		try {
			return Integer.valueOf(label.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}
}
