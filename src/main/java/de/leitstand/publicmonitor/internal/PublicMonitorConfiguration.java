package de.leitstand.publicmonitor.internal;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class PublicMonitorConfiguration {

	/** Before the security filters (order -100): a cached public answer needs neither session nor sign-in. */
	static final int CACHE_FILTER_ORDER = -200;

	@Bean
	FilterRegistrationBean<MonitorResponseCache> monitorResponseCache(MonitorVersion version) {
		FilterRegistrationBean<MonitorResponseCache> registration = new FilterRegistrationBean<>(
				new MonitorResponseCache(version));
		registration.addUrlPatterns("/monitor", "/monitor/*");
		registration.setOrder(CACHE_FILTER_ORDER);
		return registration;
	}
}
