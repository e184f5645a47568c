package de.leitstand.prioritization.internal.scoring;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import de.leitstand.organization.Role;
import de.leitstand.shared.web.NavigationLink;

@Configuration
class ScoringNavigation {

	@Bean
	NavigationLink scoringModelsLink() {
		return new NavigationLink("nav.scoring", "nav.scoring.description", "/scoring/models", 300,
				Set.of(Role.PORTFOLIO_MANAGER.name(), Role.BOARD.name(), Role.EVALUATOR.name()));
	}

	@Bean
	NavigationLink assessmentsLink() {
		return new NavigationLink("nav.assessments", "nav.assessments.description", "/assessments", 310,
				Set.of(Role.PORTFOLIO_MANAGER.name(), Role.EVALUATOR.name()));
	}

	@Bean
	NavigationLink rankingLink() {
		return new NavigationLink("nav.ranking", "nav.ranking.description", "/ranking", 320,
				Set.of(Role.PORTFOLIO_MANAGER.name(), Role.BOARD.name(), Role.EVALUATOR.name()));
	}
}
