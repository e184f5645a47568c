package de.leitstand.prioritization.internal.board;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface ChainHeads extends JpaRepository<ChainHead, Integer> {

	/** The head, locked until the transaction ends: meetings closed at the same time are sealed one after another. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select h from ChainHead h where h.id = 1")
	Optional<ChainHead> lockHead();
}
