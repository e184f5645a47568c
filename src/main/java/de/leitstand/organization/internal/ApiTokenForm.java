package de.leitstand.organization.internal;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import de.leitstand.shared.validation.PlainText;

/** A new personal API token: a name to recognise it, read or write, and the day it expires (at most a year). */
public class ApiTokenForm {

	@NotBlank(message = "{validation.required}")
	@Size(max = 100, message = "{validation.size.max}")
	@PlainText
	private String name;

	@NotNull(message = "{validation.required}")
	private ApiToken.Scope scope = ApiToken.Scope.READ;

	@NotNull(message = "{validation.required}")
	private LocalDate expiresOn;

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public ApiToken.Scope getScope() {
		return scope;
	}

	public void setScope(ApiToken.Scope scope) {
		this.scope = scope;
	}

	public LocalDate getExpiresOn() {
		return expiresOn;
	}

	public void setExpiresOn(LocalDate expiresOn) {
		this.expiresOn = expiresOn;
	}
}
