package de.leitstand.publicmonitor.internal;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration
class PublicMonitorConfiguration {

	/**
	 * First of all filters: a cached public answer needs neither session nor sign-in (security, order -100) nor the
	 * per-request observation of the metrics filter (highest precedence + 1), whose cost per request is of the
	 * order of serving the cached bytes. Cache hits are counted instead ({@code leitstand.monitor.cache.hits});
	 * a miss passes all filters as every other request.
	 */
	static final int CACHE_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE;

	@Bean
	FilterRegistrationBean<MonitorResponseCache> monitorResponseCache(MonitorVersion version,
			ObjectProvider<MeterRegistry> meters) {
		MonitorResponseCache cache = new MonitorResponseCache(version);
		meters.ifAvailable(registry -> FunctionCounter.builder("leitstand.monitor.cache.hits", cache,
				MonitorResponseCache::hits)
			.description("Public monitor answers served from the response cache (not in http.server.requests)")
			.register(registry));
		FilterRegistrationBean<MonitorResponseCache> registration = new FilterRegistrationBean<>(cache);
		registration.addUrlPatterns("/monitor", "/monitor/*");
		registration.setOrder(CACHE_FILTER_ORDER);
		return registration;
	}
}
