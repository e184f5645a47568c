package de.leitstand.shared.web;

/**
 * An API request's {@code If-Match} did not name the current version (412), or was missing where a change
 * requires it (428, {@link #required()}).
 */
public class PreconditionFailed extends RuntimeException {

	private final Long currentVersion;

	private PreconditionFailed(String message, Long currentVersion) {
		super(message);
		this.currentVersion = currentVersion;
	}

	/** {@code If-Match} named another version than the stored one. */
	public static PreconditionFailed stale(long currentVersion) {
		return new PreconditionFailed("stale If-Match, current version is " + currentVersion, currentVersion);
	}

	/** Neither {@code If-Match} nor a version in the body was given. */
	public static PreconditionFailed required() {
		return new PreconditionFailed("If-Match required", null);
	}

	public boolean isRequired() {
		return currentVersion == null;
	}

	public Long currentVersion() {
		return currentVersion;
	}
}
