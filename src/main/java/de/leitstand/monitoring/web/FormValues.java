package de.leitstand.monitoring.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;

import de.leitstand.monitoring.internal.ReportingCycle;
import de.leitstand.shared.InvalidInput;

/**
 * Reads what the plain monitoring forms send as text. A value that cannot be read becomes a problem at its field
 * (shown with the form, as every other broken rule), never a 400 page.
 */
final class FormValues {

	private static final DateTimeFormatter GERMAN = DateTimeFormatter.ofPattern("d.M.uuuu")
		.withResolverStyle(ResolverStyle.STRICT);

	private FormValues() {
	}

	/** An ISO date (what a date input sends) or a German one (TT.MM.JJJJ); blank is null. */
	static LocalDate date(String field, String text, List<InvalidInput.Problem> problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String t = text.strip();
		try {
			return t.contains(".") ? LocalDate.parse(t, GERMAN) : LocalDate.parse(t);
		}
		catch (DateTimeParseException ex) {
			problems.add(new InvalidInput.Problem(field, "monitoring.date.invalid", shorten(t)));
			return null;
		}
	}

	/** A whole number on the 1–5 scale of the risk matrix; blank is null (the rules name it). */
	static Integer scale(String field, String text, List<InvalidInput.Problem> problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			problems.add(new InvalidInput.Problem(field, "risk.scale", shorten(text.strip())));
			return null;
		}
	}

	static ReportingCycle.Cadence cadence(String text, List<InvalidInput.Problem> problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return ReportingCycle.Cadence.valueOf(text.strip());
		}
		catch (IllegalArgumentException ex) {
			problems.add(new InvalidInput.Problem("cadence", "cycle.cadence.required"));
			return null;
		}
	}

	/** The input as the message repeats it: never a page of text. */
	private static String shorten(String text) {
		return text.length() > 40 ? text.substring(0, 40) + "…" : text;
	}
}
