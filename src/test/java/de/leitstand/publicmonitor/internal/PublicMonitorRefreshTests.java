package de.leitstand.publicmonitor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import de.leitstand.portfolio.ProjectChanged;

/**
 * Only one writer of the read model at a time: the periodic build is skipped while another build runs (it once ran
 * into the long first build at start), and a single project's refresh waits for a running build instead of
 * writing the same rows beside it.
 */
class PublicMonitorRefreshTests {

	final CountDownLatch buildStarted = new CountDownLatch(1);
	final CountDownLatch finishBuild = new CountDownLatch(1);
	final AtomicInteger builds = new AtomicInteger();
	final AtomicInteger refreshes = new AtomicInteger();
	final MonitorVersion version = new MonitorVersion();
	final PublicMonitorRefresh refresh = new PublicMonitorRefresh(new SlowUpdater(), version);

	@AfterEach
	void release() {
		finishBuild.countDown();
	}

	@Test
	void thePeriodicBuildIsSkippedWhileTheBuildAtStartRuns() throws Exception {
		Thread startUp = new Thread(() -> refresh.run(null));
		startUp.start();
		assertThat(buildStarted.await(10, TimeUnit.SECONDS)).isTrue();
		long before = version.current().number();

		refresh.rebuild();

		assertThat(builds).hasValue(1);
		assertThat(version.current().number()).isEqualTo(before);
		finishBuild.countDown();
		startUp.join(10_000);
		assertThat(startUp.isAlive()).isFalse();
		assertThat(version.current().number()).isEqualTo(before + 1);

		// With no build running, the periodic build runs as usual.
		refresh.rebuild();
		assertThat(builds).hasValue(2);
		assertThat(version.current().number()).isEqualTo(before + 2);
	}

	@Test
	void aProjectsRefreshWaitsForTheRunningBuild() throws Exception {
		Thread startUp = new Thread(() -> refresh.run(null));
		startUp.start();
		assertThat(buildStarted.await(10, TimeUnit.SECONDS)).isTrue();

		Thread event = new Thread(() -> refresh.on(new ProjectChanged(UUID.randomUUID(), "DM-1", true)));
		event.start();
		event.join(300);
		assertThat(event.isAlive()).isTrue();
		assertThat(refreshes).hasValue(0);

		finishBuild.countDown();
		event.join(10_000);
		assertThat(event.isAlive()).isFalse();
		assertThat(refreshes).hasValue(1);
		startUp.join(10_000);
	}

	/** A build that runs until the test lets it finish; every build and refresh changes something. */
	private final class SlowUpdater extends PublicMonitorUpdater {

		SlowUpdater() {
			super(null, null, null, null);
		}

		@Override
		public boolean rebuild() {
			builds.incrementAndGet();
			buildStarted.countDown();
			try {
				if (!finishBuild.await(10, TimeUnit.SECONDS)) {
					throw new IllegalStateException("the test never let the build finish");
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			return true;
		}

		@Override
		public boolean refresh(UUID projectId) {
			refreshes.incrementAndGet();
			return true;
		}
	}
}
