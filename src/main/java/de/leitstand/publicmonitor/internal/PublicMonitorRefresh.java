package de.leitstand.publicmonitor.internal;

import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * model's own transaction committed, so no cached response can pair a new version with old data. Only one of them
 * writes at a time (in this process).
 */
@Component
@Order(150)
// Commands such as 'generate' run without a web server: they serve no monitor and need no read model.
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class PublicMonitorRefresh implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(PublicMonitorRefresh.class);

	private final PublicMonitorUpdater updater;
	private final MonitorVersion version;
	/**
	 * One writer of the read model at a time: a full build and a single project's refresh write the same rows, and
	 * the periodic build once ran into the start-up build (a lock timeout on public_project).
	 */
	private final ReentrantLock writing = new ReentrantLock();
	private volatile boolean building;

	PublicMonitorRefresh(PublicMonitorUpdater updater, MonitorVersion version) {
		this.updater = updater;
		this.version = version;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(ProjectChanged event) {
		refresh(event.projectId());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(ProjectStatusChanged event) {
		refresh(event.projectId());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(StatusReportSubmitted event) {
		refresh(event.projectId());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(MilestoneChanged event) {
		// An internal milestone changes nothing public; the fingerprint would say so too, but without the lookups.
		if (event.affectsPublic()) {
			refresh(event.projectId());
		}
	}

	/** A single project waits for a running build: the build may have read the project before it changed. */
	private void refresh(java.util.UUID projectId) {
		writing.lock();
		try {
			if (updater.refresh(projectId)) {
				version.bump();
			}
		}
		finally {
			writing.unlock();
		}
	}

	/** The build at start waits for a refresh or build that is running, and then builds. */
	@Override
	public void run(ApplicationArguments args) {
		build();
	}

	/**
	 * The periodic build is a safety net: while another build runs (the first one at start can take a while on a
	 * large portfolio) it is not needed and is skipped; the next period catches up.
	 */
	@Scheduled(initialDelayString = "${leitstand.public.refresh:PT5M}", fixedDelayString = "${leitstand.public.refresh:PT5M}")
	void rebuild() {
		if (building) {
			log.info("Public monitor read model: periodic build skipped, a build is running");
			return;
		}
		build();
	}

	private void build() {
		writing.lock();
		building = true;
		try {
			if (updater.rebuild()) {
				version.bump();
			}
		}
		finally {
			building = false;
			writing.unlock();
		}
	}
}
