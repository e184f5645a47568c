package de.leitstand.monitoring.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ReportingCycles extends JpaRepository<ReportingCycle, UUID> {

	List<ReportingCycle> findAllByOrderByPeriodEndDescOpenedAtDesc();

	List<ReportingCycle> findByClosedFalse();
}
