package de.leitstand.strategy.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface FieldsOfAction extends JpaRepository<FieldOfAction, UUID> {

	List<FieldOfAction> findAllByStrategyIdOrderByNumberAsc(UUID strategyId);

	boolean existsByStrategyIdAndNumber(UUID strategyId, int number);
}
