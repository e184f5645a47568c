package de.leitstand.portfolio.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ProjectTransitions extends JpaRepository<ProjectTransition, UUID> {

	List<ProjectTransition> findAllByProjectIdOrderByAtDesc(UUID projectId);
}
