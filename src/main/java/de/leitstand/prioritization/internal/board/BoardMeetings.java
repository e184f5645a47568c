package de.leitstand.prioritization.internal.board;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface BoardMeetings extends JpaRepository<BoardMeeting, UUID> {

	List<BoardMeeting> findAllByOrderByScheduledAtDesc();

	boolean existsByExampleDataTrue();
}
