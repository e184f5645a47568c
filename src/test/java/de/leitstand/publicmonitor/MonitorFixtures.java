package de.leitstand.publicmonitor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;

import de.leitstand.organization.OrgUnitDirectory;
import de.leitstand.portfolio.AiRiskClass;
import de.leitstand.portfolio.Contribution;
import de.leitstand.portfolio.ProjectProfile;
import de.leitstand.portfolio.ProjectType;
import de.leitstand.portfolio.internal.Project;
import de.leitstand.portfolio.internal.ProjectService;
import de.leitstand.strategy.StrategyCatalog;

/** Creates projects as the portfolio office and publishes them the way its users do: through the intake form. */
public record MonitorFixtures(MockMvc mvc, UserDetailsService users, ProjectService projects, OrgUnitDirectory units,
		StrategyCatalog strategy) {

	public static String unique() {
		return Long.toString(System.nanoTime(), 36) + Integer.toString((int) (Math.random() * 1_000_000), 36);
	}

	/** Runs something as the signed-in portfolio manager (the service checks rights itself). */
	public <T> T asPortfolio(Supplier<T> action) {
		var previous = SecurityContextHolder.getContext().getAuthentication();
		UserDetails user = users.loadUserByUsername("portfolio");
		SecurityContextHolder.getContext()
			.setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
		try {
			return action.get();
		}
		finally {
			SecurityContextHolder.getContext().setAuthentication(previous);
		}
	}

	public UUID firstGoal() {
		return strategy.activeFields().get(0).goals().get(0).id();
	}

	/** A project whose every internal field carries the marker; public fields are not set. */
	public ProjectProfile internalProfile(String marker, boolean ai, Set<String> requires) {
		UUID lead = units.findByCode("AMT-51").orElseThrow().id();
		return new ProjectProfile("Interner Titel " + marker, "Interne Beschreibung " + marker,
				"Internes Problem " + marker, "Interne Wirkung " + marker, ProjectType.PROJECT, lead, Set.of(),
				"Kontakt Person " + marker, marker.toLowerCase() + "@example.org", LocalDate.of(2026, 3, 1),
				LocalDate.of(2027, 12, 31),
				List.of(new ProjectProfile.CostPlan(2026, new BigDecimal("987654321"), new BigDecimal("876543219"))),
				List.of(new ProjectProfile.EffortPlan(lead, 2026, new BigDecimal("98765.43"))),
				"Förderprogramm " + marker, new BigDecimal("37.25"), Map.of(firstGoal(), Contribution.HIGH), Set.of(),
				List.of(), Set.of("Tag" + marker), ai, ai ? "Öffentlicher KI-Zweck" : null,
				ai ? AiRiskClass.LIMITED : null, requires, false, null, null);
	}

	public Project create(ProjectProfile profile) {
		return asPortfolio(() -> projects.create(profile));
	}

	public Project get(UUID id) {
		return asPortfolio(() -> projects.get(id));
	}

	/** Publishes (or withdraws) through step 6 of the intake form, as the portfolio office does. */
	public void publication(Project project, boolean published, String title, String summary) throws Exception {
		long version = get(project.getId()).getVersion();
		var request = post("/portfolio/projects/{key}/edit/publication", project.getKey())
			.with(SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername("portfolio")))
			.with(csrf())
			.param("version", Long.toString(version))
			.param("action", "close")
			.param("publicTitle", title == null ? "" : title)
			.param("publicSummary", summary == null ? "" : summary);
		if (published) {
			request.param("published", "true");
		}
		mvc.perform(request).andExpect(status().is3xxRedirection());
	}
}
