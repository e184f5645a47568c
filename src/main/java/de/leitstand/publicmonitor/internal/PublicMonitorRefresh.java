package de.leitstand.publicmonitor.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import de.leitstand.monitoring.MilestoneChanged;
import de.leitstand.monitoring.StatusReportSubmitted;
import de.leitstand.portfolio.ProjectChanged;
import de.leitstand.portfolio.ProjectStatusChanged;

/**
 * When the read model is refreshed: synchronously after the portfolio's or monitoring's transaction committed (so a
 * published project, a submitted status report's progress or a changed published milestone is on the monitor as
 * soon as the request returns), in full at start (after the demo data and the search index), and every few minutes
 * as a safety net for changes made without an event (e.g. in the database). The version moves only after the read
 * model's own transaction committed, so no cached response can pair a new version with old data.
 */
@Component
@Order(150)
// Commands such as 'generate' run without a web server: they serve no monitor and need no read model.
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class PublicMonitorRefresh implements ApplicationRunner {

	private final PublicMonitorUpdater updater;
	private final MonitorVersion version;

	PublicMonitorRefresh(PublicMonitorUpdater updater, MonitorVersion version) {
		this.updater = updater;
		this.version = version;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(ProjectChanged event) {
		if (updater.refresh(event.projectId())) {
			version.bump();
		}
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(ProjectStatusChanged event) {
		if (updater.refresh(event.projectId())) {
			version.bump();
		}
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(StatusReportSubmitted event) {
		if (updater.refresh(event.projectId())) {
			version.bump();
		}
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(MilestoneChanged event) {
		// An internal milestone changes nothing public; the fingerprint would say so too, but without the lookups.
		if (event.affectsPublic() && updater.refresh(event.projectId())) {
			version.bump();
		}
	}

	@Override
	public void run(ApplicationArguments args) {
		rebuild();
	}

	@Scheduled(initialDelayString = "${leitstand.public.refresh:PT5M}", fixedDelayString = "${leitstand.public.refresh:PT5M}")
	void rebuild() {
		if (updater.rebuild()) {
			version.bump();
		}
	}
}
