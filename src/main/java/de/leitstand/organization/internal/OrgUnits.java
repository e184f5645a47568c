package de.leitstand.organization.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface OrgUnits extends JpaRepository<OrgUnit, UUID> {

	Optional<OrgUnit> findByCodeIgnoreCase(String code);

	List<OrgUnit> findAllByOrderByCodeAsc();
}
