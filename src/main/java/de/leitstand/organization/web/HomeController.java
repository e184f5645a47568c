package de.leitstand.organization.web;

import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import de.leitstand.organization.LeitstandUser;

/**
 * The sign-in page and the start page: every area the signed-in user's roles may use.
 */
@Controller
class HomeController {

	static final String HOME = "home";
	static final String LOGIN = "login";

	private final MessageSource messages;

	private final boolean oidcEnabled;

	HomeController(MessageSource messages, @Value("${leitstand.oidc.issuer:}") String oidcIssuer) {
		this.messages = messages;
		this.oidcEnabled = !oidcIssuer.isBlank();
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal LeitstandUser user, Model model, Locale locale) {
		model.addAttribute("roleNames", user.roles().stream()
			.map(r -> messages.getMessage("enum.Role." + r.name(), null, r.name(), locale))
			.sorted()
			.collect(Collectors.joining(", ")));
		return HOME;
	}

	@GetMapping("/login")
	String login(Model model) {
		model.addAttribute("oidcEnabled", oidcEnabled);
		return LOGIN;
	}
}
