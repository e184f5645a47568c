package de.leitstand;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module boundaries of DESIGN.md §4 are checked, not just drawn: a type reaching into another module's
 * internals or a dependency cycle between modules fails the build.
 */
class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(Leitstand.class);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeDocumentation();
	}
}
