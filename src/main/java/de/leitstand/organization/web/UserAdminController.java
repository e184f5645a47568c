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

import de.leitstand.organization.Role;
import de.leitstand.organization.internal.FormRejected;
import de.leitstand.organization.internal.NewUserAccountForm;
import de.leitstand.organization.internal.OrgUnitAdministration;
import de.leitstand.organization.internal.PasswordForm;
import de.leitstand.organization.internal.PasswordPolicy;
import de.leitstand.organization.internal.StaleVersion;
import de.leitstand.organization.internal.UserAccountForm;
import de.leitstand.organization.internal.UserAdministration;
import de.leitstand.shared.web.ConflictPage;
import de.leitstand.shared.web.Option;

/**
 * User accounts for administrators: list, create, edit, set a new password, history.
 */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

	static final String LIST = "admin/users/list";
	static final String CREATE_FORM = "admin/users/new";
	static final String EDIT_FORM = "admin/users/edit";
	static final String PASSWORD_FORM = "admin/users/password";
	private static final String BASE = "/admin/users";

	private final UserAdministration administration;
	private final OrgUnitAdministration units;
	private final MessageSource messages;

	UserAdminController(UserAdministration administration, OrgUnitAdministration units, MessageSource messages) {
		this.administration = administration;
		this.units = units;
		this.messages = messages;
	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		// The edit form has no username property, so the username can only be set when the account is created.
		binder.setDisallowedFields("id");
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("accounts", administration.list());
		return LIST;
	}

	@GetMapping("/new")
	String createForm(Model model, Locale locale) {
		model.addAttribute("newUserAccountForm", new NewUserAccountForm());
		return options(model, locale, CREATE_FORM);
	}

	@PostMapping("/new")
	String create(@Valid @ModelAttribute("newUserAccountForm") NewUserAccountForm form, BindingResult result,
			Model model, RedirectAttributes redirect, Locale locale) {
		if (!result.hasErrors()) {
			try {
				administration.create(form);
				success(redirect, "admin.user.created", form.getUsername().trim(), locale);
				return "redirect:" + BASE;
			}
			catch (FormRejected rejected) {
				AdminForms.reject(result, rejected);
			}
		}
		// A password is never sent back to the browser, not even after a failed submit.
		form.setPassword(null);
		return options(model, locale, CREATE_FORM);
	}

	@GetMapping("/{id}/edit")
	String editForm(@PathVariable UUID id, Model model, Locale locale) {
		model.addAttribute("userAccountForm", administration.formFor(id));
		return showEdit(model, id, locale);
	}

	@PostMapping("/{id}/edit")
	String update(@PathVariable UUID id, @Valid @ModelAttribute("userAccountForm") UserAccountForm form,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response,
			Locale locale) {
		if (!result.hasErrors()) {
			try {
				administration.update(id, form);
				success(redirect, "admin.user.saved", administration.username(id), locale);
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
		return showEdit(model, id, locale);
	}

	@GetMapping("/{id}/password")
	String passwordForm(@PathVariable UUID id, Model model) {
		model.addAttribute("passwordForm", new PasswordForm());
		return showPassword(model, id);
	}

	@PostMapping("/{id}/password")
	String setPassword(@PathVariable UUID id, @Valid @ModelAttribute("passwordForm") PasswordForm form,
			BindingResult result, Model model, RedirectAttributes redirect, Locale locale) {
		if (!result.hasErrors()) {
			try {
				administration.setPassword(id, form);
				success(redirect, "admin.user.passwordSet", administration.username(id), locale);
				return "redirect:" + BASE;
			}
			catch (FormRejected rejected) {
				AdminForms.reject(result, rejected);
			}
		}
		form.setPassword(null);
		form.setPasswordConfirmation(null);
		return showPassword(model, id);
	}

	private String showEdit(Model model, UUID id, Locale locale) {
		model.addAttribute("accountId", id);
		model.addAttribute("username", administration.username(id));
		model.addAttribute("revisions", administration.history(id));
		return options(model, locale, EDIT_FORM);
	}

	private String showPassword(Model model, UUID id) {
		model.addAttribute("accountId", id);
		model.addAttribute("username", administration.username(id));
		model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
		return PASSWORD_FORM;
	}

	private String options(Model model, Locale locale, String view) {
		model.addAttribute("roleOptions", Arrays.stream(Role.values())
			.map(r -> new Option(r.name(), messages.getMessage("enum.Role." + r.name(), null, locale)))
			.toList());
		model.addAttribute("unitOptions", AdminForms.unitOptions(units.tree(), messages, locale));
		model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
		return view;
	}

	private void success(RedirectAttributes redirect, String key, String argument, Locale locale) {
		redirect.addFlashAttribute("successMessage", messages.getMessage(key, new Object[] { argument }, locale));
	}
}
