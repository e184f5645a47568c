package de.leitstand.organization.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.leitstand.organization.OrgUnitType;
import de.leitstand.organization.internal.FormRejected;
import de.leitstand.organization.internal.OrgUnitAdministration;
import de.leitstand.organization.internal.OrgUnitForm;
import de.leitstand.organization.internal.StaleVersion;
import de.leitstand.shared.web.ConflictPage;
import de.leitstand.shared.web.Option;

/**
 * The org unit tree for administrators: list, create, edit, history.
 */
@Controller
@RequestMapping("/admin/org-units")
class OrgUnitAdminController {

	static final String LIST = "admin/org-units/list";
	static final String FORM = "admin/org-units/form";
	private static final String BASE = "/admin/org-units";
	private static final String FORM_NAME = "orgUnitForm";

	private final OrgUnitAdministration administration;
	private final MessageSource messages;

	OrgUnitAdminController(OrgUnitAdministration administration, MessageSource messages) {
		this.administration = administration;
		this.messages = messages;
	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("units", administration.tree());
		return LIST;
	}

	@GetMapping("/new")
	String createForm(Model model, Locale locale) {
		model.addAttribute(FORM_NAME, new OrgUnitForm());
		return showForm(model, null, locale);
	}

	@PostMapping("/new")
	String create(@Valid @ModelAttribute(FORM_NAME) OrgUnitForm form, BindingResult result, Model model,
			RedirectAttributes redirect, Locale locale) {
		if (!result.hasErrors()) {
			try {
				administration.create(form);
				success(redirect, "admin.orgUnit.created", form.getCode().trim(), locale);
				return "redirect:" + BASE;
			}
			catch (FormRejected rejected) {
				AdminForms.reject(result, rejected);
			}
		}
		return showForm(model, null, locale);
	}

	@GetMapping("/{id}/edit")
	String editForm(@PathVariable UUID id, Model model, Locale locale) {
		model.addAttribute(FORM_NAME, administration.formFor(id));
		return showForm(model, id, locale);
	}

	@PostMapping("/{id}/edit")
	String update(@PathVariable UUID id, @Valid @ModelAttribute(FORM_NAME) OrgUnitForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
		if (!result.hasErrors()) {
			try {
				administration.update(id, form);
				success(redirect, "admin.orgUnit.saved", form.getCode().trim(), locale);
				return "redirect:" + BASE;
			}
			catch (StaleVersion stale) {
				response.setStatus(HttpServletResponse.SC_CONFLICT);
				String editUrl = BASE + "/" + id + "/edit";
				return ConflictPage.show(model, form, administration.formFor(id), stale.currentVersion(), editUrl,
						editUrl);
			}
			catch (FormRejected rejected) {
				AdminForms.reject(result, rejected);
			}
		}
		return showForm(model, id, locale);
	}

	private String showForm(Model model, UUID id, Locale locale) {
		model.addAttribute("unitId", id);
		model.addAttribute("typeOptions", Arrays.stream(OrgUnitType.values())
			.map(t -> new Option(t.name(), messages.getMessage("enum.OrgUnitType." + t.name(), null, locale)))
			.toList());
		model.addAttribute("parentOptions", AdminForms.unitOptions(administration.tree(), messages, locale));
		if (id != null) {
			model.addAttribute("unit", administration.view(id));
			model.addAttribute("revisions", administration.history(id));
		}
		return FORM;
	}

	private void success(RedirectAttributes redirect, String key, String argument, Locale locale) {
		redirect.addFlashAttribute("successMessage", messages.getMessage(key, new Object[] { argument }, locale));
	}
}
