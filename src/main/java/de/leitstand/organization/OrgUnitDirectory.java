package de.leitstand.organization;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Read access to the org unit tree for other modules.
 */
public interface OrgUnitDirectory {

	/** All units in tree order (each parent before its children). */
	List<OrgUnitView> tree();

	Optional<OrgUnitView> find(UUID id);

	Optional<OrgUnitView> findByCode(String code);
}
