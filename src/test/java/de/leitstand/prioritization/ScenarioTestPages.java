package de.leitstand.prioritization;

import java.util.UUID;

import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

import de.leitstand.prioritization.internal.scenario.OptimizationRun;
import de.leitstand.prioritization.internal.scenario.PortfolioScenarios;
import de.leitstand.prioritization.internal.scenario.ScenarioRuns;

/** Fills {scenario} (the example scenario) and {scenarioRun} (a finished run of it) into page paths for tests. */
public final class ScenarioTestPages {

	private ScenarioTestPages() {
	}

	public static String resolve(String path, ApplicationContext context) {
		UUID scenario = context.getBean(PortfolioScenarios.class).findAll().stream()
			.filter(s -> s.isExampleData()).findFirst().orElseThrow().getId();
		String resolved = path.replace("{scenario}", scenario.toString());
		if (resolved.contains("{scenarioRun}")) {
			resolved = resolved.replace("{scenarioRun}", finishedRun(scenario, context).toString());
		}
		return resolved;
	}

	private static UUID finishedRun(UUID scenario, ApplicationContext context) {
		ScenarioRuns runs = context.getBean(ScenarioRuns.class);
		UserDetails user = context.getBean(UserDetailsService.class).loadUserByUsername("portfolio");
		var security = SecurityContextHolder.getContext();
		var previous = security.getAuthentication();
		security.setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
		try {
			var done = runs.latestFinished(scenario);
			if (done.isPresent()) {
				return done.get().getId();
			}
			UUID id = runs.start(scenario).getId();
			// wait for the background run; the bound only stops a hanging test
			for (int i = 0; i < 1200 && runs.run(id).getStatus() == OptimizationRun.State.RUNNING; i++) {
				Thread.sleep(250);
			}
			return id;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		finally {
			security.setAuthentication(previous);
		}
	}
}
