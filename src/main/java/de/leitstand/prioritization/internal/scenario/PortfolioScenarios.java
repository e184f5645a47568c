package de.leitstand.prioritization.internal.scenario;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PortfolioScenarios extends JpaRepository<PortfolioScenario, UUID> {

	List<PortfolioScenario> findAllByOrderByUpdatedAtDesc();

	boolean existsByExampleDataTrue();
}
