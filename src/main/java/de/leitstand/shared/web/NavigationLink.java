package de.leitstand.shared.web;

import java.util.Set;

/**
 * An area of Leitstand that a module offers on the start page and in the main navigation. Each module
 * declares its own areas as beans, so the start page shows every area a role may use and nothing else.
 *
 * @param roles role names that may use the area; empty means every signed-in user
 */
public record NavigationLink(String labelKey, String descriptionKey, String href, int order, Set<String> roles) {

	public boolean visibleTo(java.util.Collection<String> userRoles) {
		return roles.isEmpty() || userRoles.stream().anyMatch(roles::contains);
	}
}
