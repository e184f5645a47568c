package de.leitstand.prioritization.internal.board;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface Decisions extends JpaRepository<Decision, UUID> {

	List<Decision> findByMeetingIdOrderByDecidedAtAscIdAsc(UUID meetingId);

	List<Decision> findByItemId(UUID itemId);

	List<Decision> findByProjectIdAndHashIsNotNullOrderByChainSequence(UUID projectId);

	List<Decision> findByChainSequenceIsNotNullOrderByChainSequence();

	Optional<Decision> findFirstByChainSequenceIsNotNullOrderByChainSequenceDesc();

	Optional<Decision> findByChainSequence(Long chainSequence);

	List<Decision> findAllByOrderByDecidedAtDesc();
}
