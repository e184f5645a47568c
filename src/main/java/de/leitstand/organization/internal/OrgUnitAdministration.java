package de.leitstand.organization.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.leitstand.organization.OrgUnitType;
import de.leitstand.organization.OrgUnitView;
import de.leitstand.shared.NotFoundException;
import de.leitstand.shared.RuleViolation;
import de.leitstand.shared.audit.ChangeHistory;

/**
 * Creates and changes org units for administrators, keeping the tree free of cycles and the hierarchy sensible
 * (a Referat on top, an Abteilung always beneath something).
 */
@Service
@Transactional
@PreAuthorize("hasRole('ADMIN')")
public class OrgUnitAdministration {

	private final OrgUnits units;
	private final OrganizationDirectory directory;
	private final ChangeHistory history;

	OrgUnitAdministration(OrgUnits units, OrganizationDirectory directory, ChangeHistory history) {
		this.units = units;
		this.directory = directory;
		this.history = history;
	}

	/** All units, each parent before its children. */
	@Transactional(readOnly = true)
	public List<OrgUnitView> tree() {
		return directory.tree();
	}

	@Transactional(readOnly = true)
	public OrgUnitView view(UUID id) {
		return directory.find(id).orElseThrow(() -> new NotFoundException("org unit " + id));
	}

	@Transactional(readOnly = true)
	public OrgUnitForm formFor(UUID id) {
		return OrgUnitForm.of(load(id));
	}

	@Transactional(readOnly = true)
	public List<ChangeHistory.Revision> history(UUID id) {
		return history.of(OrgUnit.class, load(id).getId());
	}

	public UUID create(OrgUnitForm form) {
		OrgUnit parent = checkRules(null, form);
		OrgUnit unit = new OrgUnit(form.getCode().trim(), form.getName().trim(), trim(form.getShortName()),
				form.getUnitType(), parent);
		unit.update(unit.getCode(), unit.getName(), unit.getShortName(), unit.getType(), parent, form.isActive());
		return units.save(unit).getId();
	}

	/** @throws StaleVersion if the unit was saved by someone else since the form was loaded */
	public void update(UUID id, OrgUnitForm form) {
		OrgUnit unit = load(id);
		if (unit.getVersion() != form.getVersion()) {
			throw new StaleVersion(unit.getVersion());
		}
		OrgUnit parent = checkRules(unit, form);
		unit.update(form.getCode().trim(), form.getName().trim(), trim(form.getShortName()), form.getUnitType(),
				parent, form.isActive());
		units.flush();
	}

	private OrgUnit checkRules(OrgUnit self, OrgUnitForm form) {
		List<RuleViolation> violations = new ArrayList<>();
		String code = form.getCode().trim();
		units.findByCodeIgnoreCase(code)
			.filter(other -> self == null || !other.getId().equals(self.getId()))
			.ifPresent(other -> violations.add(new RuleViolation("admin.orgUnit.code.taken", "code", other.getCode())));
		OrgUnit parent = null;
		if (form.getParentId() != null) {
			parent = units.findById(form.getParentId()).orElse(null);
			if (parent == null) {
				violations.add(new RuleViolation("admin.orgUnit.parent.unknown", "parentId"));
			}
			else if (self != null && self.isAncestorOrSelfOf(parent)) {
				violations.add(new RuleViolation(parent.getId().equals(self.getId()) ? "admin.orgUnit.parent.self"
						: "admin.orgUnit.parent.cycle", "parentId", parent.getCode()));
			}
		}
		if (form.getUnitType() == OrgUnitType.REFERAT && form.getParentId() != null) {
			violations.add(new RuleViolation("admin.orgUnit.parent.referat", "parentId"));
		}
		if (form.getUnitType() == OrgUnitType.ABTEILUNG && form.getParentId() == null) {
			violations.add(new RuleViolation("admin.orgUnit.parent.required", "parentId"));
		}
		FormRejected.throwIfAny(violations);
		return parent;
	}

	private OrgUnit load(UUID id) {
		return units.findById(id).orElseThrow(() -> new NotFoundException("org unit " + id));
	}

	private static String trim(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}
}
