package de.leitstand.reporting.internal;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import de.leitstand.organization.Role;
import de.leitstand.shared.web.NavigationLink;

@Configuration
class ReportingNavigation {

	@Bean
	NavigationLink councilReportLink() {
		return new NavigationLink("nav.councilReport", "nav.councilReport.description", "/reports/council", 800,
				Set.of(Role.PORTFOLIO_MANAGER.name(), Role.BOARD.name(), Role.ADMIN.name(), Role.READER.name()));
	}
}
