package de.leitstand.organization.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The one place that says what a password must look like, for the initial password and for every later one.
 */
public final class PasswordPolicy {

	public static final int MIN_LENGTH = 12;

	// bcrypt only looks at the first 72 bytes; a longer password would be silently cut (or refused by the encoder).
	public static final int MAX_BYTES = 72;

	private PasswordPolicy() {
	}

	/** The message key of the first rule the password breaks, or empty if it is acceptable. */
	public static Optional<String> check(String username, String password) {
		if (password == null || password.isBlank()) {
			return Optional.of("validation.required");
		}
		if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
			return Optional.of("admin.password.tooShort");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			return Optional.of("admin.password.tooLong");
		}
		if (username != null && !username.isBlank()
				&& password.toLowerCase(Locale.ROOT).contains(username.trim().toLowerCase(Locale.ROOT))) {
			return Optional.of("admin.password.containsUsername");
		}
		return Optional.empty();
	}
}
