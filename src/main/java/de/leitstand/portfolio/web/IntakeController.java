package de.leitstand.portfolio.web;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.leitstand.organization.LeitstandUser;
import de.leitstand.organization.Role;
import de.leitstand.portfolio.AiRiskClass;
import de.leitstand.portfolio.Contribution;
import de.leitstand.portfolio.MaturityModel;
import de.leitstand.portfolio.ProjectStatus;
import de.leitstand.portfolio.ProjectType;
import de.leitstand.portfolio.internal.Project;
import de.leitstand.portfolio.internal.ProjectSearch;
import de.leitstand.portfolio.internal.ProjectService;
import de.leitstand.portfolio.web.ProjectForm.Step;
import de.leitstand.shared.InvalidInput;
import de.leitstand.shared.NotFoundException;
import de.leitstand.shared.StaleVersionException;

/**
 * The guided submission (intake) in steps. The first step creates a draft (Idee); every further step saves the
 * draft, so nothing typed is lost. While title and description are typed, similar projects of all offices are
 * shown (htmx, and without JavaScript after each save), and goals are suggested from similar classified
 * projects.
 */
@Controller
class IntakeController {

	static final String STEP = "portfolio/intake";
	static final String SIMILAR = "portfolio/fragments :: similar";
	static final String FORM = "form";

	private final ProjectService projects;
	private final ProjectSearch search;
	private final PortfolioLabels labels;

	IntakeController(ProjectService projects, ProjectSearch search, PortfolioLabels labels) {
		this.projects = projects;
		this.search = search;
		this.labels = labels;
	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id", "key", "status");
	}

	@GetMapping("/portfolio/new")
	String start(@AuthenticationPrincipal LeitstandUser user, Model model) {
		requireCreator(user);
		ProjectForm form = new ProjectForm();
		form.setLeadUnitId(user.orgUnitId());
		model.addAttribute(FORM, form);
		return render(null, Step.BASICS, model, user);
	}

	@PostMapping("/portfolio/new")
	String create(@AuthenticationPrincipal LeitstandUser user, @ModelAttribute(FORM) ProjectForm form,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		requireCreator(user);
		if (form.getLeadUnitId() == null && !user.has(Role.PORTFOLIO_MANAGER)) {
			form.setLeadUnitId(user.orgUnitId());
		}
		if (!result.hasErrors()) {
			try {
				Project created = projects.create(form.toProfile());
				redirect.addFlashAttribute("success", "intake.draftSaved");
				return "redirect:/portfolio/projects/" + created.getKey() + "/edit/" + Step.ORGANISATION.path();
			}
			catch (InvalidInput invalid) {
				reject(result, form, invalid);
			}
		}
		response.setStatus(422);
		return render(null, Step.BASICS, model, user);
	}

	@GetMapping("/portfolio/projects/{key}/edit")
	String edit(@PathVariable String key) {
		return "redirect:/portfolio/projects/" + key + "/edit/" + Step.BASICS.path();
	}

	@GetMapping("/portfolio/projects/{key}/edit/{step}")
	String step(@PathVariable String key, @PathVariable String step, @AuthenticationPrincipal LeitstandUser user,
			Model model) {
		Project project = editable(key);
		Step s = step(step);
		ProjectForm form = ProjectForm.of(project);
		form.padRows();
		model.addAttribute(FORM, form);
		return render(project, s, model, user);
	}

	@PostMapping("/portfolio/projects/{key}/edit/{step}")
	String save(@PathVariable String key, @PathVariable String step, @AuthenticationPrincipal LeitstandUser user,
			@ModelAttribute(FORM) ProjectForm submitted, BindingResult result,
			@RequestParam(defaultValue = "next") String action, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Project project = editable(key);
		Step s = step(step);
		ProjectForm merged = ProjectForm.of(project);
		merged.takeStep(s, submitted);
		if (!result.hasErrors()) {
			try {
				projects.update(project.getId(), submitted.getVersion(), merged.toProfile());
				redirect.addFlashAttribute("success", "intake.draftSaved");
				if ("close".equals(action) || s == Step.REVIEW) {
					return "redirect:/portfolio/projects/" + project.getKey();
				}
				return "redirect:/portfolio/projects/" + project.getKey() + "/edit/"
						+ Step.values()[s.ordinal() + 1].path();
			}
			catch (InvalidInput invalid) {
				reject(result, submitted, invalid);
			}
			catch (StaleVersionException stale) {
				response.setStatus(HttpServletResponse.SC_CONFLICT);
				model.addAttribute("conflict", true);
				submitted.setVersion(stale.currentVersion());
				model.addAttribute(FORM, submitted);
				return render(projects.get(project.getId()), s, model, user);
			}
		}
		response.setStatus(422);
		return render(project, s, model, user);
	}

	/** The similar-projects panel, refreshed by htmx while the proposal is typed. */
	@GetMapping("/portfolio/similar")
	String similar(@RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String shortDescription, @RequestParam(required = false) UUID exclude,
			Model model) {
		labels.addTo(model);
		model.addAttribute("similar", search.similarTo(cut(title), cut(shortDescription), exclude, 5));
		model.addAttribute("typed", !title.isBlank() || !shortDescription.isBlank());
		return SIMILAR;
	}

	private String render(Project project, Step step, Model model, LeitstandUser user) {
		labels.addTo(model);
		ProjectForm form = (ProjectForm) model.getAttribute(FORM);
		model.addAttribute("project", project);
		model.addAttribute("step", step);
		model.addAttribute("steps", Step.values());
		model.addAttribute("types", ProjectType.values());
		model.addAttribute("contributionLevels", Contribution.values());
		model.addAttribute("riskClasses", AiRiskClass.values());
		model.addAttribute("maturityModels", MaturityModel.values());
		model.addAttribute("mayChooseLead", user.has(Role.PORTFOLIO_MANAGER));
		UUID exclude = project == null ? null : project.getId();
		if (step == Step.BASICS || step == Step.REVIEW) {
			model.addAttribute("similar", search.similarTo(form.getTitle(), form.getShortDescription(), exclude, 5));
			model.addAttribute("typed", form.getTitle() != null && !form.getTitle().isBlank());
		}
		if (step == Step.STRATEGY) {
			model.addAttribute("suggestions",
					search.suggestGoals(form.getTitle(), form.getShortDescription(), exclude));
		}
		if (step == Step.REVIEW && project != null) {
			model.addAttribute("canSubmit", project.getStatus() == ProjectStatus.IDEA && projects.stepsFor(project)
				.stream().anyMatch(s -> s.to() == ProjectStatus.SUBMITTED));
		}
		return STEP;
	}

	private void reject(BindingResult result, ProjectForm form, InvalidInput invalid) {
		for (InvalidInput.Problem problem : invalid.problems()) {
			String field = formField(problem.field(), form);
			try {
				result.rejectValue(field, problem.messageKey(), problem.args(), problem.messageKey());
			}
			catch (RuntimeException notAField) {
				result.reject(problem.messageKey(), problem.args(), problem.messageKey());
			}
		}
	}

	/** Maps a profile field ("costs[1].year", "goals") to the form field the user typed it in. */
	static String formField(String profileField, ProjectForm form) {
		if (profileField == null) {
			return "";
		}
		if ("goals".equals(profileField)) {
			return "contributions";
		}
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(costs|efforts|onlineServices)\\[(\\d+)](.*)$")
			.matcher(profileField);
		if (m.matches()) {
			return m.group(1) + "[" + form.rowIndex(m.group(1), Integer.parseInt(m.group(2))) + "]" + m.group(3);
		}
		return profileField;
	}

	private Project editable(String key) {
		Project project = projects.byKey(key);
		if (!projects.canEdit(project)) {
			throw new org.springframework.security.access.AccessDeniedException("may not edit " + key);
		}
		return project;
	}

	private static Step step(String path) {
		Step step = Step.of(path);
		if (step == null) {
			throw new NotFoundException("step " + path);
		}
		return step;
	}

	private static void requireCreator(LeitstandUser user) {
		if (!user.hasAny(Role.PORTFOLIO_MANAGER, Role.PROJECT_LEAD)) {
			throw new org.springframework.security.access.AccessDeniedException("may not create projects");
		}
	}

	private static String cut(String text) {
		return text.length() > 4000 ? text.substring(0, 4000) : text;
	}

}
