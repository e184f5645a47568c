package de.leitstand.monitoring.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface Issues extends JpaRepository<Issue, UUID> {

	List<Issue> findByProjectIdOrderByDue(UUID projectId);
}
