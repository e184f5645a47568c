package de.leitstand.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Only when the database is PostgreSQL (the configured JDBC URL): the setup for several instances (sessions, API
 * rate limit in the database) needs a database server that all instances share; the embedded H2 never is one.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnPostgreSqlCondition.class)
public @interface ConditionalOnPostgreSql {

	/** true: only on PostgreSQL; false: only on any other database. */
	boolean value() default true;
}
