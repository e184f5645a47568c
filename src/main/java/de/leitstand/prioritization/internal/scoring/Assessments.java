package de.leitstand.prioritization.internal.scoring;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface Assessments extends JpaRepository<Assessment, UUID> {

	List<Assessment> findByModelIdAndProjectId(UUID modelId, UUID projectId);

	List<Assessment> findByModelIdAndEvaluatorUsernameIgnoreCase(UUID modelId, String username);

	List<Assessment> findByModelIdAndProjectIdIn(UUID modelId, Collection<UUID> projectIds);

	List<Assessment> findByModelIdAndStatus(UUID modelId, AssessmentStatus status);

	Optional<Assessment> findByModelIdAndProjectIdAndEvaluatorUsernameIgnoreCase(UUID modelId, UUID projectId,
			String username);

	long countByModelId(UUID modelId);
}
