package de.leitstand.prioritization.internal.scenario;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface OptimizationRuns extends JpaRepository<OptimizationRun, UUID> {

	List<OptimizationRun> findByScenarioIdOrderByStartedAtDesc(UUID scenarioId);

	Optional<OptimizationRun> findFirstByScenarioIdAndStatusNotOrderByStartedAtDesc(UUID scenarioId,
			OptimizationRun.State status);

	/** The heartbeat of runs this node is running: a bulk update, so no new version and no audit revision. */
	@Modifying
	@Query("update OptimizationRun r set r.heartbeatAt = :now where r.id in :ids and r.status = :running")
	int beat(@Param("ids") Collection<UUID> ids, @Param("now") Instant now,
			@Param("running") OptimizationRun.State running);

	/** Runs still marked as running whose last heartbeat (or start, for runs from before heartbeats) is older. */
	@Query("select r from OptimizationRun r where r.status = :running "
			+ "and coalesce(r.heartbeatAt, r.startedAt) < :before order by r.startedAt")
	List<OptimizationRun> findStale(@Param("running") OptimizationRun.State running, @Param("before") Instant before);
}
