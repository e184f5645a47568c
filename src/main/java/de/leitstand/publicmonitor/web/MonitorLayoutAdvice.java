package de.leitstand.publicmonitor.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import de.leitstand.publicmonitor.internal.PublicMonitorSettings;
import de.leitstand.shared.DemoMode;

/** What the public monitor's page layout needs on every page: the links to the city's legal notice and privacy policy. */
@ControllerAdvice(assignableTypes = { MonitorController.class, OpenDataController.class })
class MonitorLayoutAdvice {

	private static final Logger log = LoggerFactory.getLogger(MonitorLayoutAdvice.class);

	private final PublicMonitorSettings settings;

	MonitorLayoutAdvice(PublicMonitorSettings settings, DemoMode demo) {
		this.settings = settings;
		if (!demo.isEnabled() && (settings.imprintUrl() == null || settings.privacyUrl() == null)) {
			// A public website of a city needs both; the monitor then shows no link rather than a wrong one.
			log.warn("Public monitor: set LEITSTAND_MONITOR_IMPRINT_URL and LEITSTAND_MONITOR_PRIVACY_URL to link the "
					+ "city's legal notice and privacy policy in the footer (missing: {})",
					settings.imprintUrl() == null && settings.privacyUrl() == null ? "both"
							: settings.imprintUrl() == null ? "imprint" : "privacy");
		}
	}

	@ModelAttribute("imprintUrl")
	String imprintUrl() {
		return settings.imprintUrl();
	}

	@ModelAttribute("privacyUrl")
	String privacyUrl() {
		return settings.privacyUrl();
	}
}
