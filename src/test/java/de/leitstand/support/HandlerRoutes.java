package de.leitstand.support;

import java.util.Set;
import java.util.TreeSet;

import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every HTTP route of the running application as "METHOD pattern", read from its request-mapping handler mappings
 * (pages, JSON API, OpenAPI, actuator, error); a mapping without a method is "ANY pattern". Tests that must cover
 * every route (authorisation, visibility) enumerate them here, so a new route is covered without anyone
 * remembering it.
 */
public final class HandlerRoutes {

	private HandlerRoutes() {
	}

	public static Set<String> of(ApplicationContext context) {
		Set<String> routes = new TreeSet<>();
		for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
			.values()) {
			for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
				Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
				for (String pattern : info.getPatternValues()) {
					if (methods.isEmpty()) {
						routes.add("ANY " + pattern);
					}
					for (RequestMethod method : methods) {
						if (method != RequestMethod.HEAD && method != RequestMethod.OPTIONS) {
							routes.add(method.name() + " " + pattern);
						}
					}
				}
			}
		}
		return routes;
	}
}
