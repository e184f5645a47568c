package de.leitstand.organization.internal;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import de.leitstand.organization.Role;
import de.leitstand.shared.validation.PlainText;

/** The form that creates an account: everything the edit form has, plus username and initial password. */
public class NewUserAccountForm {

	@NotBlank(message = "{validation.required}")
	@Size(min = 3, max = 60, message = "{admin.validation.username.size}")
	@Pattern(regexp = "[a-z0-9._-]*", message = "{admin.validation.username.pattern}")
	private String username;

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

	@NotBlank(message = "{validation.required}")
	@Size(max = 200, message = "{validation.size.max}")
	private String password;

	public String getUsername() {
		return username;
	}

	public void setUsername(String username) {
		this.username = username;
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

	public String getPassword() {
		return password;
	}

	public void setPassword(String password) {
		this.password = password;
	}
}
