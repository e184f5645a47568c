package de.leitstand.portfolio.internal;

import de.leitstand.organization.OrgUnitDirectory;
import de.leitstand.strategy.StrategyCatalog;

/** The fuzz tests' stand-ins for the org unit directory and the strategy catalogue, for other test packages. */
public final class ProjectImportFuzzTestsAccess {

	private ProjectImportFuzzTestsAccess() {
	}

	public static OrgUnitDirectory units() {
		return ProjectImportFuzzTests.UNITS;
	}

	public static StrategyCatalog strategy() {
		return ProjectImportFuzzTests.STRATEGY;
	}
}
