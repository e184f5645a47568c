package de.leitstand.prioritization.internal.scenario;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface OptimizationRuns extends JpaRepository<OptimizationRun, UUID> {

	List<OptimizationRun> findByScenarioIdOrderByStartedAtDesc(UUID scenarioId);

	Optional<OptimizationRun> findFirstByScenarioIdAndStatusNotOrderByStartedAtDesc(UUID scenarioId,
			OptimizationRun.State status);
}
