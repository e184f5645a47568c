package de.leitstand.strategy.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.leitstand.shared.NotFoundException;
import de.leitstand.shared.RuleViolation;
import de.leitstand.shared.StaleVersionException;
import de.leitstand.strategy.KpiDirection;
import de.leitstand.strategy.StrategyStatus;

/**
 * Reads and changes the strategy house. Every change needs the portfolio manager role, checked here and not only
 * on the URL.
 */
@Service
@Transactional
public class StrategyService {

	private static final String MANAGE = "hasRole('PORTFOLIO_MANAGER')";

	private final Strategies strategies;
	private final FieldsOfAction fields;
	private final StrategicGoals goals;
	private final Kpis kpis;
	private final MeasureBundles bundles;

	StrategyService(Strategies strategies, FieldsOfAction fields, StrategicGoals goals, Kpis kpis,
			MeasureBundles bundles) {
		this.strategies = strategies;
		this.fields = fields;
		this.goals = goals;
		this.kpis = kpis;
		this.bundles = bundles;
	}

	// --- reading ---

	@Transactional(readOnly = true)
	public Optional<Strategy> active() {
		return strategies.findFirstByStatus(StrategyStatus.ACTIVE);
	}

	@Transactional(readOnly = true)
	public List<Strategy> versions() {
		return strategies.findAllByOrderByValidFromDesc();
	}

	@Transactional(readOnly = true)
	public Strategy strategy(UUID id) {
		return strategies.findById(id).orElseThrow(() -> new NotFoundException("strategy " + id));
	}

	@Transactional(readOnly = true)
	public FieldOfAction field(UUID id) {
		return fields.findById(id).orElseThrow(() -> new NotFoundException("field " + id));
	}

	@Transactional(readOnly = true)
	public StrategicGoal goal(UUID id) {
		return goals.findById(id).orElseThrow(() -> new NotFoundException("goal " + id));
	}

	@Transactional(readOnly = true)
	public Kpi kpi(UUID id) {
		return kpis.findById(id).orElseThrow(() -> new NotFoundException("kpi " + id));
	}

	@Transactional(readOnly = true)
	public MeasureBundle bundle(UUID id) {
		return bundles.findById(id).orElseThrow(() -> new NotFoundException("bundle " + id));
	}

	@Transactional(readOnly = true)
	public List<StrategicGoal> goalsOf(UUID strategyId) {
		return goals.findAllByFieldStrategyIdOrderByCodeAsc(strategyId);
	}

	@Transactional(readOnly = true)
	public List<MeasureBundle> bundlesServing(UUID goalId) {
		return bundles.findAllByGoalsId(goalId);
	}

	// --- changing ---

	@PreAuthorize(MANAGE)
	public void describeStrategy(UUID id, long expectedVersion, String title, String vision, String mission,
			String crossCutting, LocalDate validFrom, LocalDate validTo) {
		Strategy strategy = strategy(id);
		requireVersion(strategy.getVersion(), expectedVersion);
		requireValidity(validFrom, validTo);
		strategy.describe(title, vision, mission, crossCutting, validFrom, validTo);
	}

	/** Copies a version with all fields, goals, KPIs and bundles into a new draft: the start of the next update. */
	@PreAuthorize(MANAGE)
	public Strategy copyAsDraft(UUID id, String newTitle) {
		Strategy source = strategy(id);
		Strategy copy = strategies.save(source.copyAsDraft(newTitle));
		Map<UUID, StrategicGoal> goalCopies = new HashMap<>();
		for (FieldOfAction field : source.getFields()) {
			FieldOfAction fieldCopy = fields.save(new FieldOfAction(copy, field.getNumber(), field.getName(),
					field.getDescription()));
			for (StrategicGoal goal : field.getGoals()) {
				StrategicGoal goalCopy = goals.save(new StrategicGoal(fieldCopy, goal.getCode(), goal.getTitle(),
						goal.getDescription(), goal.isExampleData()));
				goalCopies.put(goal.getId(), goalCopy);
				for (Kpi kpi : goal.getKpis()) {
					kpis.save(new Kpi(goalCopy, kpi.getName(), kpi.getUnit(), kpi.getBaselineValue(),
							kpi.getBaselineDate(), kpi.getTargetValue(), kpi.getTargetDate(), kpi.getDirection()));
				}
			}
			for (MeasureBundle bundle : field.getBundles()) {
				MeasureBundle bundleCopy = bundles.save(new MeasureBundle(fieldCopy, bundle.getCode(),
						bundle.getTitle(), bundle.getDescription(), bundle.isExampleData()));
				Set<StrategicGoal> served = new HashSet<>();
				bundle.getGoals().forEach(g -> served.add(goalCopies.get(g.getId())));
				bundleCopy.serve(served);
			}
		}
		return copy;
	}

	/** Makes a draft the one active strategy; the previously active version is archived. */
	@PreAuthorize(MANAGE)
	public void activate(UUID id) {
		Strategy next = strategy(id);
		for (Strategy current : strategies.findAllByStatus(StrategyStatus.ACTIVE)) {
			if (!current.getId().equals(id)) {
				current.archive();
			}
		}
		next.activate();
	}

	@PreAuthorize(MANAGE)
	public FieldOfAction addField(UUID strategyId, int number, String name, String description) {
		Strategy strategy = strategy(strategyId);
		strategy.requireEditable();
		if (fields.existsByStrategyIdAndNumber(strategyId, number)) {
			throw new RuleViolation("field.error.numberTaken", "number", number);
		}
		return fields.save(new FieldOfAction(strategy, number, name, description));
	}

	@PreAuthorize(MANAGE)
	public void describeField(UUID id, long expectedVersion, int number, String name, String description) {
		FieldOfAction field = field(id);
		requireVersion(field.getVersion(), expectedVersion);
		field.getStrategy().requireEditable();
		if (field.getNumber() != number && fields.existsByStrategyIdAndNumber(field.getStrategy().getId(), number)) {
			throw new RuleViolation("field.error.numberTaken", "number", number);
		}
		field.describe(number, name, description);
	}

	@PreAuthorize(MANAGE)
	public StrategicGoal addGoal(UUID fieldId, String code, String title, String description) {
		FieldOfAction field = field(fieldId);
		field.getStrategy().requireEditable();
		requireUniqueGoalCode(field.getStrategy().getId(), code);
		return goals.save(new StrategicGoal(field, code, title, description, false));
	}

	@PreAuthorize(MANAGE)
	public void describeGoal(UUID id, long expectedVersion, String code, String title, String description) {
		StrategicGoal goal = goal(id);
		requireVersion(goal.getVersion(), expectedVersion);
		goal.getField().getStrategy().requireEditable();
		if (!goal.getCode().equalsIgnoreCase(code)) {
			requireUniqueGoalCode(goal.getField().getStrategy().getId(), code);
		}
		goal.describe(code, title, description);
	}

	@PreAuthorize(MANAGE)
	public Kpi addKpi(UUID goalId, String name, String unit, BigDecimal baselineValue, LocalDate baselineDate,
			BigDecimal targetValue, LocalDate targetDate, KpiDirection direction) {
		StrategicGoal goal = goal(goalId);
		goal.getField().getStrategy().requireEditable();
		return kpis.save(new Kpi(goal, name, unit, baselineValue, baselineDate, targetValue, targetDate, direction));
	}

	@PreAuthorize(MANAGE)
	public void defineKpi(UUID id, long expectedVersion, String name, String unit, BigDecimal baselineValue,
			LocalDate baselineDate, BigDecimal targetValue, LocalDate targetDate, KpiDirection direction) {
		Kpi kpi = kpi(id);
		requireVersion(kpi.getVersion(), expectedVersion);
		kpi.getGoal().getField().getStrategy().requireEditable();
		kpi.define(name, unit, baselineValue, baselineDate, targetValue, targetDate, direction);
	}

	@PreAuthorize(MANAGE)
	public MeasureBundle addBundle(UUID fieldId, String code, String title, String description, Set<UUID> goalIds) {
		FieldOfAction field = field(fieldId);
		field.getStrategy().requireEditable();
		requireUniqueBundleCode(field.getStrategy().getId(), code);
		MeasureBundle bundle = bundles.save(new MeasureBundle(field, code, title, description, false));
		bundle.serve(goalsOfSameStrategy(field.getStrategy(), goalIds));
		return bundle;
	}

	@PreAuthorize(MANAGE)
	public void describeBundle(UUID id, long expectedVersion, UUID fieldId, String code, String title,
			String description, Set<UUID> goalIds) {
		MeasureBundle bundle = bundle(id);
		requireVersion(bundle.getVersion(), expectedVersion);
		Strategy strategy = bundle.getField().getStrategy();
		strategy.requireEditable();
		FieldOfAction field = field(fieldId);
		if (!field.getStrategy().getId().equals(strategy.getId())) {
			throw new RuleViolation("bundle.error.otherStrategy", "fieldId");
		}
		if (!bundle.getCode().equalsIgnoreCase(code)) {
			requireUniqueBundleCode(strategy.getId(), code);
		}
		bundle.describe(field, code, title, description);
		bundle.serve(goalsOfSameStrategy(strategy, goalIds));
	}

	private Set<StrategicGoal> goalsOfSameStrategy(Strategy strategy, Set<UUID> goalIds) {
		Set<StrategicGoal> result = new HashSet<>();
		for (UUID goalId : goalIds) {
			StrategicGoal goal = goals.findById(goalId)
				.filter(g -> g.getField().getStrategy().getId().equals(strategy.getId()))
				.orElseThrow(() -> new RuleViolation("bundle.error.otherStrategy", "goalIds"));
			result.add(goal);
		}
		return result;
	}

	private void requireUniqueGoalCode(UUID strategyId, String code) {
		if (goals.existsByFieldStrategyIdAndCodeIgnoreCase(strategyId, code)) {
			throw new RuleViolation("goal.error.codeTaken", "code", code);
		}
	}

	private void requireUniqueBundleCode(UUID strategyId, String code) {
		if (bundles.existsByFieldStrategyIdAndCodeIgnoreCase(strategyId, code)) {
			throw new RuleViolation("bundle.error.codeTaken", "code", code);
		}
	}

	private static void requireValidity(LocalDate from, LocalDate to) {
		if (to != null && !to.isAfter(from)) {
			throw new RuleViolation("strategy.error.validToBeforeFrom", "validTo");
		}
	}

	private static void requireVersion(long actual, long expected) {
		StaleVersionException.require(actual, expected);
	}
}
