package de.leitstand.strategy.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

import de.leitstand.strategy.StrategyStatus;

public interface Strategies extends JpaRepository<Strategy, UUID> {

	Optional<Strategy> findFirstByStatus(StrategyStatus status);

	List<Strategy> findAllByStatus(StrategyStatus status);

	List<Strategy> findAllByOrderByValidFromDesc();
}
