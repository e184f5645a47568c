package de.leitstand.strategy.internal;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import de.leitstand.shared.web.NavigationLink;

@Configuration
class StrategyNavigation {

	@Bean
	NavigationLink strategyLink() {
		return new NavigationLink("nav.strategy", "nav.strategy.description", "/strategy", 100, Set.of());
	}
}
