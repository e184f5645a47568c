package de.leitstand.prioritization.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import de.leitstand.shared.InvalidInput;

/** Turns the problems of an InvalidInput into field id → message in the user's language, for the scoring pages. */
@Component
class ScoringProblems {

	private final MessageSource messages;

	ScoringProblems(MessageSource messages) {
		this.messages = messages;
	}

	Map<String, String> resolve(InvalidInput invalid) {
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, String> out = new LinkedHashMap<>();
		for (InvalidInput.Problem p : invalid.problems()) {
			String text = messages.getMessage(p.messageKey(), p.args(), p.messageKey(), locale);
			out.merge(p.field(), text, (a, b) -> a + " " + b);
		}
		return out;
	}
}
