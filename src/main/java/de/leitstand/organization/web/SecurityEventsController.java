package de.leitstand.organization.web;

import java.util.Arrays;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import de.leitstand.organization.SecurityEvents.SecurityEventType;
import de.leitstand.organization.internal.security.SecurityEvent;
import de.leitstand.organization.internal.security.SecurityEventLog;

/** The security event log for administrators: newest first, filtered by kind and username, 50 a page. */
@Controller
class SecurityEventsController {

	static final String LIST = "admin/security-events/list";

	private final SecurityEventLog log;

	SecurityEventsController(SecurityEventLog log) {
		this.log = log;
	}

	@GetMapping("/admin/security-events")
	String list(@RequestParam(required = false) String type, @RequestParam(required = false) String username,
			@RequestParam(defaultValue = "0") String page, Model model) {
		SecurityEventType kind = Arrays.stream(SecurityEventType.values())
			.filter(t -> t.name().equals(type))
			.findFirst()
			.orElse(null);
		// PostgreSQL refuses NUL in text parameters, and no username contains control characters.
		String name = username == null ? "" : username.replaceAll("\\p{Cntrl}", "").strip();
		if (name.length() > 200) {
			name = name.substring(0, 200);
		}
		int number = parsePage(page);
		Page<SecurityEvent> events = log.page(kind, name, number);
		model.addAttribute("events", events);
		model.addAttribute("types", SecurityEventType.values());
		model.addAttribute("selectedType", kind == null ? "" : kind.name());
		model.addAttribute("username", name);
		UriComponentsBuilder base = UriComponentsBuilder.fromPath("/admin/security-events");
		if (kind != null) {
			base.queryParam("type", kind.name());
		}
		if (!name.isEmpty()) {
			base.queryParam("username", name);
		}
		model.addAttribute("previousUrl", base.cloneBuilder().queryParam("page", events.getNumber() - 1).encode()
			.toUriString());
		model.addAttribute("nextUrl", base.cloneBuilder().queryParam("page", events.getNumber() + 1).encode()
			.toUriString());
		return LIST;
	}

	private static int parsePage(String page) {
		try {
			return Math.max(0, Math.min(Integer.parseInt(page.strip()), 1_000_000));
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}
}
