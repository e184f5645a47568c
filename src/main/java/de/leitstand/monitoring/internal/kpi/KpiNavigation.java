package de.leitstand.monitoring.internal.kpi;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import de.leitstand.shared.web.NavigationLink;

@Configuration
class KpiNavigation {

	@Bean
	NavigationLink achievementLink() {
		return new NavigationLink("nav.achievement", "nav.achievement.description", "/strategy/achievement", 450,
				Set.of());
	}
}
