package de.leitstand.shared.web;

import java.util.Comparator;
import java.util.List;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import de.leitstand.shared.DemoMode;

/**
 * Model attributes every page layout needs: the navigation for the current user, the demo banner, the path for
 * the language switch.
 */
@ControllerAdvice
class LayoutAdvice {

	private final List<NavigationLink> links;
	private final DemoMode demo;

	LayoutAdvice(List<NavigationLink> links, DemoMode demo) {
		this.links = links.stream().sorted(Comparator.comparingInt(NavigationLink::order)).toList();
		this.demo = demo;
	}

	@ModelAttribute("navigation")
	List<NavigationLink> navigation() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getPrincipal())) {
			return List.of();
		}
		List<String> roles = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
			.map(a -> a.startsWith("ROLE_") ? a.substring(5) : a).toList();
		return links.stream().filter(link -> link.visibleTo(roles)).toList();
	}

	/** The navigation entry the current page belongs to: the longest link that is a prefix of the path. */
	@ModelAttribute("activeNav")
	String activeNav(HttpServletRequest request) {
		String path = request.getRequestURI();
		return links.stream().map(NavigationLink::href)
			.filter(href -> path.equals(href) || path.startsWith(href + "/"))
			.max(java.util.Comparator.comparingInt(String::length))
			.orElse("");
	}

	@ModelAttribute("demoMode")
	boolean demoMode() {
		return demo.isEnabled();
	}

	/** On an error page this is the page the user asked for, so the language switch stays on it. */
	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		return original instanceof String uri ? uri : request.getRequestURI();
	}
}
