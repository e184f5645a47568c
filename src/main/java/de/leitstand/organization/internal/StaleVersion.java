package de.leitstand.organization.internal;

/**
 * Someone saved the record after the form was loaded. The web layer shows the conflict page instead of
 * overwriting their change.
 */
public class StaleVersion extends RuntimeException {

	private final long currentVersion;

	StaleVersion(long currentVersion) {
		super("stale version, current is " + currentVersion);
		this.currentVersion = currentVersion;
	}

	public long currentVersion() {
		return currentVersion;
	}
}
