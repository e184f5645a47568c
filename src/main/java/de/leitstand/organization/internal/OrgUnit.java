package de.leitstand.organization.internal;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.envers.Audited;
import org.hibernate.envers.RelationTargetAuditMode;

import de.leitstand.organization.OrgUnitType;
import de.leitstand.shared.audit.Labelled;

@Entity
@Table(name = "org_unit")
@Audited
public class OrgUnit implements Labelled {

	@Id
	private UUID id;

	@Column(nullable = false, length = 30)
	private String code;

	@Column(nullable = false, length = 200)
	private String name;

	@Column(name = "short_name", length = 60)
	private String shortName;

	@Enumerated(EnumType.STRING)
	@Column(name = "unit_type", nullable = false, length = 20)
	private OrgUnitType type;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "parent_id")
	@Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
	private OrgUnit parent;

	@Column(nullable = false)
	private boolean active = true;

	@Version
	private Long version;

	protected OrgUnit() {
	}

	public OrgUnit(String code, String name, String shortName, OrgUnitType type, OrgUnit parent) {
		this.id = UUID.randomUUID();
		update(code, name, shortName, type, parent, true);
	}

	public void update(String code, String name, String shortName, OrgUnitType type, OrgUnit parent,
			boolean active) {
		this.code = code;
		this.name = name;
		this.shortName = shortName == null || shortName.isBlank() ? null : shortName;
		this.type = type;
		this.parent = parent;
		this.active = active;
	}

	/** Whether the given unit is this one or lies beneath it (used to reject cycles in the tree). */
	public boolean isAncestorOrSelfOf(OrgUnit other) {
		// Through the getters: a lazily loaded parent is a proxy whose fields are not populated.
		for (OrgUnit u = other; u != null; u = u.getParent()) {
			if (u.getId().equals(getId())) {
				return true;
			}
		}
		return false;
	}

	@Override
	public String label() {
		return code + " " + name;
	}

	public UUID getId() {
		return id;
	}

	public String getCode() {
		return code;
	}

	public String getName() {
		return name;
	}

	public String getShortName() {
		return shortName;
	}

	public OrgUnitType getType() {
		return type;
	}

	public OrgUnit getParent() {
		return parent;
	}

	public boolean isActive() {
		return active;
	}

	/** Null until first saved (so Spring Data persists instead of merging); then the optimistic-lock version. */
	public Long getVersion() {
		return version;
	}
}
