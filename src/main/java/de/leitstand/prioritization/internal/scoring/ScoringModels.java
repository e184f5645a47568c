package de.leitstand.prioritization.internal.scoring;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ScoringModels extends JpaRepository<ScoringModel, UUID> {

	List<ScoringModel> findAllByOrderByVersionNumberDesc();

	Optional<ScoringModel> findFirstByStatus(ModelStatus status);

	List<ScoringModel> findAllByStatus(ModelStatus status);
}
