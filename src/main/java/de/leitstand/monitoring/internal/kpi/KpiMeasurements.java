package de.leitstand.monitoring.internal.kpi;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface KpiMeasurements extends JpaRepository<KpiMeasurement, UUID> {

	List<KpiMeasurement> findByKpiIdOrderByMeasuredOnAscEnteredAtAsc(UUID kpiId);

	List<KpiMeasurement> findAllByOrderByMeasuredOnAscEnteredAtAsc();

	long countByKpiId(UUID kpiId);
}
