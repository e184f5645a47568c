package de.leitstand.portfolio.web;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.leitstand.portfolio.ProjectStatus;
import de.leitstand.portfolio.internal.Project;
import de.leitstand.portfolio.internal.ProjectSearch;
import de.leitstand.portfolio.internal.ProjectService;
import de.leitstand.shared.InvalidInput;
import de.leitstand.shared.RuleViolation;
import de.leitstand.shared.StaleVersionException;
import de.leitstand.shared.audit.ChangeHistory;

/**
 * The project page (Steckbrief), its change history, and lifecycle steps with a comment.
 */
@Controller
class ProjectController {

	static final String PROJECT = "portfolio/project";
	static final String HISTORY = "portfolio/history";

	private final ProjectService projects;
	private final ProjectSearch search;
	private final PortfolioLabels labels;
	private final ChangeHistory history;

	ProjectController(ProjectService projects, ProjectSearch search, PortfolioLabels labels, ChangeHistory history) {
		this.projects = projects;
		this.search = search;
		this.labels = labels;
		this.history = history;
	}

	@GetMapping("/portfolio/projects/{key}")
	String project(@PathVariable String key, Model model) {
		Project project = projects.byKey(key);
		show(project, model);
		return PROJECT;
	}

	@GetMapping("/portfolio/projects/{key}/history")
	String history(@PathVariable String key, Model model) {
		Project project = projects.byKey(key);
		model.addAttribute("project", project);
		model.addAttribute("revisions", history.of(Project.class, project.getId()));
		model.addAttribute("transitions", projects.transitionsOf(project.getId()));
		labels.addTo(model);
		return HISTORY;
	}

	@PostMapping("/portfolio/projects/{key}/transitions")
	String transition(@PathVariable String key, @RequestParam ProjectStatus to, @RequestParam long version,
			@RequestParam(defaultValue = "") String comment, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Project project = projects.byKey(key);
		try {
			projects.transition(project.getId(), version, to, comment);
		}
		catch (StaleVersionException stale) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			model.addAttribute("transitionProblem", "project.transition.stale");
			show(projects.byKey(key), model);
			return PROJECT;
		}
		catch (InvalidInput invalid) {
			response.setStatus(422);
			model.addAttribute("transitionProblem", invalid.problems().get(0).messageKey());
			model.addAttribute("transitionComment", comment);
			show(projects.byKey(key), model);
			return PROJECT;
		}
		catch (RuleViolation violation) {
			response.setStatus(422);
			model.addAttribute("transitionProblem", "project.error.transitionNotNow");
			show(projects.byKey(key), model);
			return PROJECT;
		}
		redirect.addFlashAttribute("success", "project.transition.done." + to.name());
		return "redirect:/portfolio/projects/" + project.getKey();
	}

	private void show(Project project, Model model) {
		labels.addTo(model);
		model.addAttribute("project", project);
		model.addAttribute("canEdit", projects.canEdit(project));
		model.addAttribute("steps", projects.stepsFor(project));
		model.addAttribute("transitions", projects.transitionsOf(project.getId()));
		model.addAttribute("dependents", projects.dependentsOf(project.getId()));
		model.addAttribute("prerequisites", projects.prerequisitesOf(project));
		model.addAttribute("similar",
				search.similarTo(project.getTitle(), project.getShortDescription(), project.getId(), 5));
	}
}
