package de.leitstand.organization.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.beans.factory.annotation.Value;
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

import de.leitstand.organization.NotificationKind;
import de.leitstand.organization.internal.ApiToken;
import de.leitstand.organization.internal.ApiTokenForm;
import de.leitstand.organization.internal.ApiTokenService;
import de.leitstand.organization.internal.FormRejected;
import de.leitstand.organization.internal.NotificationSettings;
import de.leitstand.organization.internal.NotificationSettingsForm;
import de.leitstand.shared.web.Option;

/**
 * The signed-in user's own settings: personal API tokens for scripts and which e-mails they get.
 */
@Controller
@RequestMapping("/account")
class AccountController {

	static final String TOKENS = "account/tokens";
	static final String NOTIFICATIONS = "account/notifications";

	private final ApiTokenService tokens;
	private final NotificationSettings notifications;
	private final MessageSource messages;
	private final int rateLimit;

	AccountController(ApiTokenService tokens, NotificationSettings notifications, MessageSource messages,
			@Value("${leitstand.api.rate-limit:600}") int rateLimit) {
		this.tokens = tokens;
		this.notifications = notifications;
		this.messages = messages;
		this.rateLimit = rateLimit;
	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@GetMapping("/tokens")
	String tokens(Model model, Locale locale) {
		ApiTokenForm form = new ApiTokenForm();
		form.setExpiresOn(LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).plusDays(90));
		model.addAttribute("apiTokenForm", form);
		return showTokens(model, locale);
	}

	@PostMapping("/tokens")
	String createToken(@Valid @ModelAttribute("apiTokenForm") ApiTokenForm form, BindingResult result, Model model,
			RedirectAttributes redirect, Locale locale) {
		if (!result.hasErrors()) {
			try {
				ApiTokenService.Created created = tokens.create(form);
				redirect.addFlashAttribute("newToken", created.secret());
				redirect.addFlashAttribute("newTokenName", created.token().getName());
				return "redirect:/account/tokens";
			}
			catch (FormRejected rejected) {
				AdminForms.reject(result, rejected);
			}
		}
		return showTokens(model, locale);
	}

	@PostMapping("/tokens/{id}/revoke")
	String revoke(@PathVariable UUID id, RedirectAttributes redirect, Locale locale) {
		ApiToken token = tokens.revoke(id);
		redirect.addFlashAttribute("successMessage",
				messages.getMessage("account.token.revoked", new Object[] { token.getName() }, locale));
		return "redirect:/account/tokens";
	}

	@GetMapping("/notifications")
	String notifications(Model model, Locale locale) {
		model.addAttribute("notificationSettingsForm", notifications.mine());
		return showNotifications(model, locale);
	}

	@PostMapping("/notifications")
	String saveNotifications(@Valid @ModelAttribute("notificationSettingsForm") NotificationSettingsForm form,
			BindingResult result, Model model, RedirectAttributes redirect, Locale locale) {
		if (result.hasErrors()) {
			return showNotifications(model, locale);
		}
		notifications.save(form);
		redirect.addFlashAttribute("successMessage", messages.getMessage("account.notifications.saved", null,
				locale));
		return "redirect:/account/notifications";
	}

	private String showTokens(Model model, Locale locale) {
		model.addAttribute("tokens", tokens.mine());
		model.addAttribute("now", java.time.Instant.now());
		model.addAttribute("rateLimit", String.valueOf(rateLimit));
		model.addAttribute("scopeOptions", Arrays.stream(ApiToken.Scope.values())
			.map(s -> new Option(s.name(), messages.getMessage("enum.ApiToken.Scope." + s.name(), null, locale)))
			.toList());
		return TOKENS;
	}

	private String showNotifications(Model model, Locale locale) {
		model.addAttribute("hasEmail", notifications.hasEmail());
		model.addAttribute("kindOptions", Arrays.stream(NotificationKind.values())
			.map(k -> new Option(k.name(), messages.getMessage("enum.NotificationKind." + k.name(), null, locale)))
			.toList());
		model.addAttribute("localeOptions", java.util.List.of(
				new Option("de", messages.getMessage("account.notifications.locale.de", null, locale)),
				new Option("en", messages.getMessage("account.notifications.locale.en", null, locale))));
		return NOTIFICATIONS;
	}
}
