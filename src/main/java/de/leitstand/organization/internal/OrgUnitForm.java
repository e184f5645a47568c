package de.leitstand.organization.internal;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import de.leitstand.organization.OrgUnitType;
import de.leitstand.shared.validation.PlainText;

/** What the org unit form edits, with the version it was loaded with. */
public class OrgUnitForm {

	@NotBlank(message = "{validation.required}")
	@Size(max = 30, message = "{validation.size.max}")
	@Pattern(regexp = "[A-Za-z0-9-]*", message = "{admin.validation.code.pattern}")
	private String code;

	@NotBlank(message = "{validation.required}")
	@Size(max = 200, message = "{validation.size.max}")
	@PlainText
	private String name;

	@Size(max = 60, message = "{validation.size.max}")
	@PlainText
	private String shortName;

	@NotNull(message = "{admin.validation.choose}")
	private OrgUnitType unitType;

	private UUID parentId;

	private boolean active = true;

	private long version;

	static OrgUnitForm of(OrgUnit unit) {
		OrgUnitForm form = new OrgUnitForm();
		form.code = unit.getCode();
		form.name = unit.getName();
		form.shortName = unit.getShortName();
		form.unitType = unit.getType();
		form.parentId = unit.getParent() == null ? null : unit.getParent().getId();
		form.active = unit.isActive();
		form.version = unit.getVersion();
		return form;
	}

	public String getCode() {
		return code;
	}

	public void setCode(String code) {
		this.code = code;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getShortName() {
		return shortName;
	}

	public void setShortName(String shortName) {
		this.shortName = shortName;
	}

	public OrgUnitType getUnitType() {
		return unitType;
	}

	public void setUnitType(OrgUnitType unitType) {
		this.unitType = unitType;
	}

	public UUID getParentId() {
		return parentId;
	}

	public void setParentId(UUID parentId) {
		this.parentId = parentId;
	}

	public boolean isActive() {
		return active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

	public long getVersion() {
		return version;
	}

	public void setVersion(long version) {
		this.version = version;
	}
}
