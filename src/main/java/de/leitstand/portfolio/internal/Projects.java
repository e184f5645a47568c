package de.leitstand.portfolio.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface Projects extends JpaRepository<Project, UUID> {

	Optional<Project> findByKeyIgnoreCase(String key);

	List<Project> findAllByKeyIn(java.util.Collection<String> keys);

	@Query("select p from Project p join p.requires r where r.id = :id order by p.key")
	List<Project> findAllRequiring(UUID id);

	@Query(value = "select nextval('portfolio_project_number_seq')", nativeQuery = true)
	long nextNumber();
}
