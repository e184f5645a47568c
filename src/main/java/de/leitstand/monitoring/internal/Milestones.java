package de.leitstand.monitoring.internal;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface Milestones extends JpaRepository<Milestone, UUID> {

	List<Milestone> findByProjectIdOrderByPlanned(UUID projectId);

	List<Milestone> findByProjectIdIn(Collection<UUID> projectIds);

	List<Milestone> findByActualIsNull();
}
