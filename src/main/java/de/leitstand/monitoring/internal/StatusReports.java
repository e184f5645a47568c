package de.leitstand.monitoring.internal;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface StatusReports extends JpaRepository<StatusReport, UUID> {

	List<StatusReport> findBySlotIdOrderByReportVersionDesc(UUID slotId);

	List<StatusReport> findByIdIn(Collection<UUID> ids);
}
