package de.leitstand.organization.internal;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;

import de.leitstand.shared.ConditionalOnPostgreSql;

/**
 * Sessions in PostgreSQL (tables {@code spring_session*}, created by Flyway from {@code db/vendor/postgresql}), so
 * that behind a load balancer any instance serves any user and a failing instance signs nobody out. On H2 this
 * stays off and the servlet container keeps sessions in memory, as before: one instance needs nothing else.
 * Boot's own JDBC session auto-configuration is excluded in application.properties because it would switch on
 * whenever a DataSource exists, H2 included; its generic part (session filter, cookie settings from
 * {@code server.servlet.session.cookie.*}) still applies.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnPostgreSql
@EnableJdbcHttpSession
class SessionStoreConfiguration {

	/** The idle timeout is the one of the in-memory sessions ({@code LEITSTAND_SESSION_TIMEOUT}). */
	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionTimeout(
			@Value("${server.servlet.session.timeout:30m}") Duration timeout) {
		return repository -> repository.setDefaultMaxInactiveInterval(timeout);
	}
}
