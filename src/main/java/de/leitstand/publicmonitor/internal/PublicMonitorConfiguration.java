package de.leitstand.publicmonitor.internal;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
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

	/**
	 * The public listener (second port, only public paths, answers kept encoded): on when
	 * {@code leitstand.monitor.edge.port} (environment {@code LEITSTAND_MONITOR_EDGE_PORT}) is set; 0 picks a free
	 * port. Address: {@code leitstand.monitor.edge.address}, else {@code server.address}, else all interfaces.
	 */
	@Bean(destroyMethod = "stop")
	@ConditionalOnProperty("leitstand.monitor.edge.port")
	PublicEdge publicEdge(MonitorVersion version, @Value("${leitstand.monitor.edge.port}") int port,
			@Value("${leitstand.monitor.edge.address:${server.address:0.0.0.0}}") String address,
			@Value("${leitstand.monitor.edge.threads:0}") int threads, @Value("${server.address:}") String serverAddress,
			ObjectProvider<MeterRegistry> meters) {
		PublicEdge edge = new PublicEdge(version, address, port,
				threads > 0 ? threads : Runtime.getRuntime().availableProcessors(), serverAddress);
		meters.ifAvailable(registry -> {
			FunctionCounter.builder("leitstand.monitor.edge.hits", edge, PublicEdge::hits)
				.description("Answers of the public listener replayed from its cache")
				.register(registry);
			FunctionCounter.builder("leitstand.monitor.edge.renders", edge, PublicEdge::misses)
				.description("Answers of the public listener rendered by the application")
				.register(registry);
		});
		return edge;
	}
}
