package de.leitstand.shared;

/**
 * Someone saved the record after this user opened the form. Controllers answer with the conflict page, the API
 * with 409/412 — never by silently overwriting the other person's change.
 */
public class StaleVersionException extends RuntimeException {

	private final long currentVersion;

	public StaleVersionException(long currentVersion) {
		super("stale version, current is " + currentVersion);
		this.currentVersion = currentVersion;
	}

	/** Checks the version the user started from against the stored one. */
	public static void require(long stored, long expected) {
		if (stored != expected) {
			throw new StaleVersionException(stored);
		}
	}

	public long currentVersion() {
		return currentVersion;
	}
}
