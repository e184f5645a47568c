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

	/**
	 * The stored version, read from the database: after a save in the same persistence context the entity's own
	 * field can lag behind (Hibernate bumps the version once more for a new entity's collections).
	 */
	@Query("select p.version from Project p where p.id = ?1")
	long versionOf(UUID id);

	@Query(value = "select nextval('portfolio_project_number_seq')", nativeQuery = true)
	long nextNumber();
}
