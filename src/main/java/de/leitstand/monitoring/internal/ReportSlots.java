package de.leitstand.monitoring.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ReportSlots extends JpaRepository<ReportSlot, UUID> {

	List<ReportSlot> findByCycleIdOrderByProjectKey(UUID cycleId);

	Optional<ReportSlot> findByCycleIdAndProjectId(UUID cycleId, UUID projectId);

	List<ReportSlot> findByProjectId(UUID projectId);

	long countByCycleId(UUID cycleId);

	long countByCycleIdAndCurrentReportIdIsNotNull(UUID cycleId);
}
