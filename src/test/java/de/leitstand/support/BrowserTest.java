package de.leitstand.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a test class that needs {@link Browser}: it is skipped, before Spring starts, when
 * {@code -DskipBrowserTests=true} is given outside CI.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(BrowserTest.Condition.class)
public @interface BrowserTest {

	class Condition implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			return Browser.skipped()
					? ConditionEvaluationResult.disabled("browser tests skipped (-DskipBrowserTests=true)")
					: ConditionEvaluationResult.enabled("browser tests run");
		}
	}
}
