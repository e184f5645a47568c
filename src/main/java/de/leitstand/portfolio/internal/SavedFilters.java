package de.leitstand.portfolio.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SavedFilters extends JpaRepository<SavedFilter, UUID> {

	List<SavedFilter> findAllByOwnerOrderByNameAsc(String owner);

	long countByOwner(String owner);
}
