package de.leitstand.prioritization.internal.scenario;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import de.leitstand.prioritization.internal.optimizer.Scenario;
import de.leitstand.shared.DemoMode;

/**
 * Demo mode: one labelled example scenario "Haushalt 2027/28" over the demo portfolio, created once. Its budget is
 * the running (mandatory) projects' cost plus about a third of what the other candidates ask for, so it binds.
 */
@Component
@Order(40)
class ScenarioDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ScenarioDemoData.class);

	private final DemoMode demo;
	private final PortfolioScenarios scenarios;
	private final ScenarioService service;
	private final MessageSource messages;

	ScenarioDemoData(DemoMode demo, PortfolioScenarios scenarios, ScenarioService service, MessageSource messages) {
		this.demo = demo;
		this.scenarios = scenarios;
		this.service = service;
		this.messages = messages;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!demo.isEnabled() || scenarios.existsByExampleDataTrue()) {
			return;
		}
		String name = messages.getMessage("scenario.demo.name", null, java.util.Locale.GERMAN);
		PortfolioScenario entity = service.createDefault(name, List.of("2027", "2028"), BigDecimal.ZERO, true);
		Scenario scenario = service.toScenario(entity);
		// mandatory projects and everything they need must fit, or the example would be infeasible
		java.util.Map<String, Scenario.Candidate> byId = new java.util.HashMap<>();
		scenario.candidates().forEach(c -> byId.put(c.id(), c));
		Set<String> forced = new java.util.HashSet<>();
		java.util.Deque<String> todo = new java.util.ArrayDeque<>();
		scenario.candidates().stream().filter(Scenario.Candidate::mandatory).forEach(c -> todo.push(c.id()));
		while (!todo.isEmpty()) {
			String id = todo.pop();
			if (forced.add(id)) {
				byId.get(id).requires().forEach(todo::push);
			}
		}
		Set<PortfolioScenario.Budget> budgets = new LinkedHashSet<>();
		for (String year : scenario.years()) {
			long mandatory = 0;
			long optional = 0;
			for (Scenario.Candidate c : scenario.candidates()) {
				long cost = c.cost().getOrDefault(year, 0L);
				if (forced.contains(c.id())) {
					mandatory += cost;
				}
				else {
					optional += cost;
				}
			}
			long budget = (mandatory + optional * 35 / 100 + 99_999) / 100_000 * 100_000;
			budgets.add(new PortfolioScenario.Budget(year, BigDecimal.valueOf(budget)));
		}
		entity.setBudgets(budgets);
		scenarios.save(entity);
		log.info("Created the example scenario '{}' with {} candidates", name, entity.candidates().size());
	}
}
