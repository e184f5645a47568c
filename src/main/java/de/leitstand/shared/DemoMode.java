package de.leitstand.shared;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether this instance runs with demo accounts and example data: on for the embedded database unless
 * {@code LEITSTAND_DEMO} says otherwise, off for any other database unless {@code LEITSTAND_DEMO=true}.
 */
@Component
public class DemoMode {

	private final boolean enabled;

	DemoMode(@Value("${leitstand.demo:}") String demo, @Value("${spring.datasource.url:}") String url) {
		this.enabled = demo == null || demo.isBlank() ? url.startsWith("jdbc:h2:") : Boolean.parseBoolean(demo.trim());
	}

	public boolean isEnabled() {
		return enabled;
	}
}
