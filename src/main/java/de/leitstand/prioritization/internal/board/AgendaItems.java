package de.leitstand.prioritization.internal.board;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AgendaItems extends JpaRepository<AgendaItem, UUID> {

	List<AgendaItem> findByMeetingIdOrderByPosition(UUID meetingId);
}
