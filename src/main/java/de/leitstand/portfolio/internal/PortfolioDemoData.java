package de.leitstand.portfolio.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import de.leitstand.shared.DemoMode;

/** Demo mode: the labelled example portfolio, created once on the first start. */
@Component
@Order(20)
class PortfolioDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(PortfolioDemoData.class);

	private final DemoMode demo;
	private final Projects projects;
	private final PortfolioGenerator generator;

	PortfolioDemoData(DemoMode demo, Projects projects, PortfolioGenerator generator) {
		this.demo = demo;
		this.projects = projects;
		this.generator = generator;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (demo.isEnabled() && projects.count() == 0) {
			int count = generator.demoPortfolio();
			log.info("Created the demo portfolio: {} example projects", count);
		}
	}
}
