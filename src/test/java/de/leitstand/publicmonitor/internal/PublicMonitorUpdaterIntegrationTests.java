package de.leitstand.publicmonitor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import de.leitstand.organization.OrgUnitDirectory;
import de.leitstand.portfolio.internal.Project;
import de.leitstand.portfolio.internal.ProjectService;
import de.leitstand.publicmonitor.MonitorFixtures;
import de.leitstand.strategy.StrategyCatalog;

/**
 * The full build (at start and periodically) as the safety net for changes made without an event, e.g. straight in
 * the database: a newly published project is added with a feed entry, a changed public field updates it with one, a
 * withdrawn project disappears with its feed entries, and a change to internal fields alone changes nothing public,
 * not even the version.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PublicMonitorUpdaterIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	ProjectService projects;

	@Autowired
	OrgUnitDirectory units;

	@Autowired
	StrategyCatalog strategy;

	@Autowired
	PublicMonitorRefresh refresh;

	@Autowired
	MonitorVersion version;

	@Autowired
	PublicCatalog catalog;

	@Autowired
	JdbcClient jdbc;

	MonitorFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new MonitorFixtures(mvc, users, projects, units, strategy);
	}

	@Test
	void theFullBuildAppliesPublicChangesMadeInTheDatabaseAndIgnoresInternalOnes() {
		String marker = MonitorFixtures.unique();
		Project first = fixtures.create(fixtures.internalProfile("a" + marker, false, Set.of()));
		Project second = fixtures.create(fixtures.internalProfile("b" + marker, false, Set.of()));
		refresh.rebuild();
		// The version is shared with the other cached test contexts through the database: start from the stored one.
		long start = version.follow().number();
		refresh.rebuild();
		assertThat(version.current().number()).as("nothing changed, no new version").isEqualTo(start);

		publish(first, "Erster " + marker);
		publish(second, "Zweiter " + marker);
		refresh.rebuild();
		assertThat(version.current().number()).isEqualTo(start + 1);
		assertThat(title(first)).isEqualTo("Erster " + marker);
		assertThat(title(second)).isEqualTo("Zweiter " + marker);
		assertThat(feed(first)).containsExactly("PUBLISHED Erster " + marker);
		assertThat(feed(second)).containsExactly("PUBLISHED Zweiter " + marker);

		jdbc.sql("update portfolio_project set title = ?, short_description = ? where id = ?")
			.params("Interner neuer Titel " + marker, "Intern " + marker, first.getId()).update();
		refresh.rebuild();
		assertThat(version.current().number()).as("internal fields only").isEqualTo(start + 1);
		assertThat(feed(first)).hasSize(1);

		jdbc.sql("update portfolio_project set public_title = ? where id = ?")
			.params("Erster, geändert " + marker, first.getId()).update();
		jdbc.sql("update portfolio_project set published = false where id = ?").param(second.getId()).update();
		refresh.rebuild();
		assertThat(version.current().number()).isEqualTo(start + 2);
		assertThat(title(first)).isEqualTo("Erster, geändert " + marker);
		assertThat(feed(first)).containsExactly("UPDATED Erster, geändert " + marker, "PUBLISHED Erster " + marker);
		assertThat(catalog.current().project(second.getKey())).isEmpty();
		assertThat(feed(second)).isEmpty();
	}

	private void publish(Project project, String title) {
		jdbc.sql("update portfolio_project set published = true, public_title = ?, public_summary = ? where id = ?")
			.params(title, "Öffentliche Zusammenfassung", project.getId()).update();
	}

	private String title(Project project) {
		return catalog.current().project(project.getKey()).orElseThrow().title();
	}

	/** The project's feed entries, newest first, as "KIND title". */
	private java.util.List<String> feed(Project project) {
		return jdbc.sql("select kind, title from public_change where project_key = ? order by changed_at desc")
			.param(project.getKey())
			.query((rs, n) -> rs.getString(1) + " " + rs.getString(2))
			.list();
	}
}
