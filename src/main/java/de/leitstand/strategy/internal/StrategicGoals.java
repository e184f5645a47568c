package de.leitstand.strategy.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface StrategicGoals extends JpaRepository<StrategicGoal, UUID> {

	List<StrategicGoal> findAllByFieldStrategyIdOrderByCodeAsc(UUID strategyId);

	boolean existsByFieldStrategyIdAndCodeIgnoreCase(UUID strategyId, String code);
}
