package de.leitstand.organization.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A new password set by an administrator. Carries no version on purpose: setting a password replaces it, there is
 * no other person's edit to merge, and a password must never be echoed on a conflict page.
 */
public class PasswordForm {

	@NotBlank(message = "{validation.required}")
	@Size(max = 200, message = "{validation.size.max}")
	private String password;

	@NotBlank(message = "{validation.required}")
	@Size(max = 200, message = "{validation.size.max}")
	private String passwordConfirmation;

	public String getPassword() {
		return password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public String getPasswordConfirmation() {
		return passwordConfirmation;
	}

	public void setPasswordConfirmation(String passwordConfirmation) {
		this.passwordConfirmation = passwordConfirmation;
	}
}
