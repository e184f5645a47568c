package de.leitstand.strategy.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface MeasureBundles extends JpaRepository<MeasureBundle, UUID> {

	List<MeasureBundle> findAllByFieldStrategyIdOrderByCodeAsc(UUID strategyId);

	List<MeasureBundle> findAllByGoalsId(UUID goalId);

	boolean existsByFieldStrategyIdAndCodeIgnoreCase(UUID strategyId, String code);
}
