package de.leitstand.organization.internal.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import de.leitstand.organization.SecurityEvents.SecurityEventType;

/**
 * Turns Spring Security's events into entries of the security event log and feeds {@link LoginThrottle}.
 * Successful HTTP Basic calls of the API are not logged one by one (every API call signs in); their failures are.
 * Refused access is logged for signed-in users only (an anonymous visitor sent to the login page is no event).
 */
@Component
class SecurityEventListener {

	private final SecurityEventLog log;
	private final LoginThrottle throttle;

	SecurityEventListener(SecurityEventLog log, LoginThrottle throttle) {
		this.log = log;
		this.throttle = throttle;
	}

	@EventListener
	void signedIn(InteractiveAuthenticationSuccessEvent event) {
		String username = event.getAuthentication().getName();
		throttle.succeeded(username);
		log.recordIndependently(SecurityEventType.LOGIN_SUCCESS, username, null);
	}

	@EventListener
	void failed(AbstractAuthenticationFailureEvent event) {
		Object principal = event.getAuthentication().getPrincipal();
		String username = principal == null ? "" : principal.toString();
		throttle.failed(username, SecurityEventLog.clientAddress());
		String detail = event.getException().getClass().getSimpleName() + path();
		log.recordIndependently(SecurityEventType.LOGIN_FAILURE, username, detail);
	}

	@EventListener
	void signedOut(LogoutSuccessEvent event) {
		log.recordIndependently(SecurityEventType.LOGOUT, event.getAuthentication().getName(), null);
	}

	@EventListener
	void denied(AuthorizationDeniedEvent<?> event) {
		Authentication authentication = event.getAuthentication().get();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken
				|| !authentication.isAuthenticated()) {
			return;
		}
		log.recordIndependently(SecurityEventType.ACCESS_DENIED, authentication.getName(), path().strip());
	}

	private static String path() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return " " + request.getMethod() + " " + request.getRequestURI();
		}
		return "";
	}
}
