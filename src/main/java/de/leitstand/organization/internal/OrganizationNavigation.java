package de.leitstand.organization.internal;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import de.leitstand.organization.Role;
import de.leitstand.shared.web.NavigationLink;

@Configuration
class OrganizationNavigation {

	@Bean
	NavigationLink adminUsersLink() {
		return new NavigationLink("nav.admin.users", "nav.admin.users.description", "/admin/users", 900,
				Set.of(Role.ADMIN.name()));
	}

	@Bean
	NavigationLink adminUnitsLink() {
		return new NavigationLink("nav.admin.units", "nav.admin.units.description", "/admin/org-units", 910,
				Set.of(Role.ADMIN.name()));
	}

	@Bean
	NavigationLink accountTokensLink() {
		return new NavigationLink("nav.account.tokens", "nav.account.tokens.description", "/account/tokens", 950,
				Set.of());
	}

	@Bean
	NavigationLink accountNotificationsLink() {
		return new NavigationLink("nav.account.notifications", "nav.account.notifications.description",
				"/account/notifications", 960, Set.of());
	}

	@Bean
	NavigationLink adminSecurityEventsLink() {
		return new NavigationLink("nav.admin.securityEvents", "nav.admin.securityEvents.description",
				"/admin/security-events", 920, Set.of(Role.ADMIN.name()));
	}
}
