package de.leitstand.prioritization.internal.scenario;

import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import de.leitstand.organization.Role;
import de.leitstand.prioritization.CandidateValues;
import de.leitstand.prioritization.ProjectScores;
import de.leitstand.prioritization.ScoreSummary;
import de.leitstand.shared.web.NavigationLink;

@Configuration
class ScenarioConfiguration {

	/**
	 * A candidate's value is its assessment score where evaluators have scored it, otherwise the provisional
	 * value from its goal links.
	 */
	@Bean
	CandidateValues candidateValues(ProjectScores scores) {
		GoalLinkValues fallback = new GoalLinkValues();
		return new CandidateValues() {

			@Override
			public java.math.BigDecimal valueOf(de.leitstand.portfolio.ProjectSnapshot project) {
				return scores.scoreOf(project.id()).map(ScoreSummary::total).orElseGet(() -> fallback.valueOf(project));
			}

			@Override
			public String basisKey() {
				return "scenario.value.basis.scored";
			}
		};
	}

	/** One optimisation at a time: the machine has few cores and CP-SAT uses two of them. */
	@Bean
	ThreadPoolTaskExecutor optimizerExecutor() {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(1);
		executor.setMaxPoolSize(1);
		executor.setQueueCapacity(20);
		executor.setThreadNamePrefix("optimizer-");
		executor.setDaemon(true);
		executor.initialize();
		return executor;
	}

	@Bean
	NavigationLink scenariosLink() {
		return new NavigationLink("nav.scenarios", "nav.scenarios.description", "/scenarios", 300,
				Set.copyOf(List.of(Role.PORTFOLIO_MANAGER.name(), Role.BOARD.name(), Role.READER.name())));
	}
}
