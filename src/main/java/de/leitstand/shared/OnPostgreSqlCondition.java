package de.leitstand.shared;

import java.util.Map;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Decides {@link ConditionalOnPostgreSql} from {@code spring.datasource.url}. */
final class OnPostgreSqlCondition implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnPostgreSql.class.getName());
		boolean wanted = attributes == null || (Boolean) attributes.get("value");
		return isPostgreSql(context.getEnvironment().getProperty("spring.datasource.url")) == wanted;
	}

	static boolean isPostgreSql(String url) {
		return url != null && url.startsWith("jdbc:postgresql:");
	}
}
