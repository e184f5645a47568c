package de.leitstand.organization.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

	@Test
	void acceptsALongPasswordWithoutTheUsername() {
		assertThat(PasswordPolicy.check("lena.lead", "Fahrrad-Wolke-42")).isEmpty();
	}

	@Test
	void refusesShortPasswords() {
		assertThat(PasswordPolicy.check("lena", "elf-Zeichen")).contains("admin.password.tooShort");
		assertThat(PasswordPolicy.check("lena", "zwölf-Zeichen")).isEmpty();
	}

	@Test
	void refusesPasswordsContainingTheUsernameInAnyCase() {
		assertThat(PasswordPolicy.check("lena.lead", "xx-LENA.LEAD-2025")).contains("admin.password.containsUsername");
	}

	@Test
	void refusesPasswordsBcryptWouldCut() {
		assertThat(PasswordPolicy.check("lena", "ä".repeat(37))).contains("admin.password.tooLong");
	}

	@Test
	void refusesBlankPasswords() {
		assertThat(PasswordPolicy.check("lena", "            ")).contains("validation.required");
	}
}
