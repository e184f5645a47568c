package de.leitstand.shared.web;

import java.util.Collections;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The language of an API answer: German unless {@code Accept-Language} prefers English. The web pages' cookie
 * does not apply to the stateless API, and the server's default locale never leaks into an answer.
 */
public final class ApiLocale {

	private static final List<Locale> SUPPORTED = List.of(Locale.GERMAN, Locale.ENGLISH);

	private ApiLocale() {
	}

	public static Locale of(HttpServletRequest request) {
		String header = request == null ? null : request.getHeader("Accept-Language");
		if (header == null || header.isBlank()) {
			return Locale.GERMAN;
		}
		try {
			Locale best = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
			return best == null ? Locale.GERMAN : best;
		}
		catch (IllegalArgumentException ex) {
			return Locale.GERMAN;
		}
	}

	static List<Locale> supported() {
		return Collections.unmodifiableList(SUPPORTED);
	}
}
