package de.leitstand.strategy.web;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

import de.leitstand.shared.audit.ChangeHistory;
import de.leitstand.strategy.internal.FieldOfAction;
import de.leitstand.strategy.internal.Kpi;
import de.leitstand.strategy.internal.MeasureBundle;
import de.leitstand.strategy.internal.StrategicGoal;
import de.leitstand.strategy.internal.Strategy;
import de.leitstand.strategy.internal.StrategyService;

/**
 * The strategy house and its drill-down pages, readable by every signed-in user.
 */
@Controller
@RequestMapping("/strategy")
class StrategyController {

	static final String HOUSE = "strategy/house";
	static final String VERSIONS = "strategy/versions";
	static final String GOAL = "strategy/goal";
	static final String BUNDLE = "strategy/bundle";
	static final String FIELD = "strategy/field";
	static final String KPI = "strategy/kpi";

	private final StrategyService strategies;
	private final ChangeHistory history;

	StrategyController(StrategyService strategies, ChangeHistory history) {
		this.strategies = strategies;
		this.history = history;
	}

	@GetMapping
	String house(Model model) {
		strategies.active().ifPresent(s -> model.addAttribute("strategy", s));
		return HOUSE;
	}

	@GetMapping("/versions")
	String versions(Model model) {
		model.addAttribute("versions", strategies.versions());
		return VERSIONS;
	}

	@GetMapping("/versions/{id}")
	String version(@PathVariable UUID id, Model model) {
		model.addAttribute("strategy", strategies.strategy(id));
		model.addAttribute("revisions", history.of(Strategy.class, id));
		return HOUSE;
	}

	@GetMapping("/fields/{id}")
	String field(@PathVariable UUID id, Model model) {
		FieldOfAction field = strategies.field(id);
		model.addAttribute("field", field);
		model.addAttribute("revisions", history.of(FieldOfAction.class, id));
		return FIELD;
	}

	@GetMapping("/goals/{id}")
	String goal(@PathVariable UUID id, Model model) {
		StrategicGoal goal = strategies.goal(id);
		model.addAttribute("goal", goal);
		model.addAttribute("bundles", strategies.bundlesServing(id));
		model.addAttribute("revisions", history.of(StrategicGoal.class, id));
		return GOAL;
	}

	@GetMapping("/kpis/{id}")
	String kpi(@PathVariable UUID id, Model model) {
		Kpi kpi = strategies.kpi(id);
		model.addAttribute("kpi", kpi);
		model.addAttribute("revisions", history.of(Kpi.class, id));
		return KPI;
	}

	@GetMapping("/bundles/{id}")
	String bundle(@PathVariable UUID id, Model model) {
		MeasureBundle bundle = strategies.bundle(id);
		model.addAttribute("bundle", bundle);
		model.addAttribute("revisions", history.of(MeasureBundle.class, id));
		return BUNDLE;
	}
}
