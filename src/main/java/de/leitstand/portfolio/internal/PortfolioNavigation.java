package de.leitstand.portfolio.internal;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import de.leitstand.organization.Role;
import de.leitstand.shared.web.NavigationLink;

@Configuration
class PortfolioNavigation {

	@Bean
	NavigationLink portfolioLink() {
		return new NavigationLink("nav.portfolio", "nav.portfolio.description", "/portfolio", 200, Set.of());
	}

	@Bean
	NavigationLink intakeLink() {
		return new NavigationLink("nav.intake", "nav.intake.description", "/portfolio/new", 210,
				Set.of(Role.PORTFOLIO_MANAGER.name(), Role.PROJECT_LEAD.name()));
	}

	@Bean
	NavigationLink coverageLink() {
		return new NavigationLink("nav.coverage", "nav.coverage.description", "/portfolio/coverage", 220, Set.of());
	}
}
