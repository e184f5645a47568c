package de.leitstand.monitoring.internal;

import java.util.Set;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import de.leitstand.organization.Role;
import de.leitstand.shared.web.NavigationLink;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

/** The reminder job's cluster lock and the module's areas on the start page. */
@Configuration
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
class MonitoringConfiguration {

	private static final Set<String> INTERNAL = Set.of(Role.ADMIN.name(), Role.PORTFOLIO_MANAGER.name(),
			Role.PROJECT_LEAD.name(), Role.EVALUATOR.name(), Role.BOARD.name(), Role.READER.name());

	@Bean
	LockProvider monitoringLockProvider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource)).usingDbTime().build());
	}

	@Bean
	NavigationLink monitoringDashboardLink() {
		return new NavigationLink("nav.monitoring.dashboard", "nav.monitoring.dashboard.description",
				"/monitoring/dashboard", 400, INTERNAL);
	}

	@Bean
	NavigationLink monitoringCyclesLink() {
		return new NavigationLink("nav.monitoring.cycles", "nav.monitoring.cycles.description", "/monitoring/cycles",
				410, INTERNAL);
	}
}
