package de.leitstand.organization.internal;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import de.leitstand.organization.Role;
import de.leitstand.shared.validation.PlainText;

/** What the account edit form changes (the username never changes), with the version it was loaded with. */
public class UserAccountForm {

	@NotBlank(message = "{validation.required}")
	@Size(max = 200, message = "{validation.size.max}")
	@PlainText
	private String displayName;

	@Size(max = 200, message = "{validation.size.max}")
	@Email(message = "{validation.email}")
	@PlainText
	private String email;

	@NotEmpty(message = "{admin.validation.roles.required}")
	private Set<Role> roles = EnumSet.noneOf(Role.class);

	private UUID orgUnitId;

	private boolean enabled = true;

	private long version;

	static UserAccountForm of(UserAccount account) {
		UserAccountForm form = new UserAccountForm();
		form.displayName = account.getDisplayName();
		form.email = account.getEmail();
		form.roles = account.getRoles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(account.getRoles());
		form.orgUnitId = account.getOrgUnit() == null ? null : account.getOrgUnit().getId();
		form.enabled = account.isEnabled();
		form.version = account.getVersion();
		return form;
	}

	public String getDisplayName() {
		return displayName;
	}

	public void setDisplayName(String displayName) {
		this.displayName = displayName;
	}

	public String getEmail() {
		return email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public Set<Role> getRoles() {
		return roles;
	}

	public void setRoles(Set<Role> roles) {
		this.roles = roles == null ? EnumSet.noneOf(Role.class) : roles;
	}

	public UUID getOrgUnitId() {
		return orgUnitId;
	}

	public void setOrgUnitId(UUID orgUnitId) {
		this.orgUnitId = orgUnitId;
	}

	public boolean isEnabled() {
		return enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public long getVersion() {
		return version;
	}

	public void setVersion(long version) {
		this.version = version;
	}
}
