package de.leitstand.monitoring.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface Risks extends JpaRepository<Risk, UUID> {

	List<Risk> findByProjectIdOrderByTitle(UUID projectId);

	List<Risk> findByStatus(Risk.Status status);
}
