package de.leitstand.prioritization.internal.board;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A minimal RFC 5545 calendar with one VEVENT (an invitation to a board meeting): CRLF line endings, text values
 * escaped (§3.3.11) and content lines folded at 75 octets without splitting a UTF-8 character (§3.1).
 */
public final class ICalendar {

	static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

	private ICalendar() {
	}

	public static String event(String uid, Instant stamp, Instant start, Instant end, String summary, String location,
			String description) {
		StringBuilder out = new StringBuilder();
		for (String line : new String[] { "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Leitstand//Digitalisierungsboard//DE",
				"CALSCALE:GREGORIAN", "METHOD:REQUEST", "BEGIN:VEVENT", "UID:" + uid, "DTSTAMP:" + UTC.format(stamp),
				"DTSTART:" + UTC.format(start), "DTEND:" + UTC.format(end), "SUMMARY:" + text(summary),
				"LOCATION:" + text(location), "DESCRIPTION:" + text(description), "END:VEVENT", "END:VCALENDAR" }) {
			out.append(fold(line));
		}
		return out.toString();
	}

	/** Escapes a TEXT value: backslash, semicolon, comma and line breaks. */
	static String text(String value) {
		if (value == null) {
			return "";
		}
		return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
			.replace("\n", "\\n").replace("\r", "\\n");
	}

	/** One content line, folded so that no physical line exceeds 75 octets, each ended by CRLF. */
	static String fold(String line) {
		StringBuilder out = new StringBuilder();
		int octets = 0;
		int limit = 75;
		for (int i = 0; i < line.length();) {
			int cp = line.codePointAt(i);
			int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
			if (octets + size > limit) {
				out.append("\r\n ");
				octets = 1;
			}
			out.appendCodePoint(cp);
			octets += size;
			i += Character.charCount(cp);
		}
		return out.append("\r\n").toString();
	}

	/** Undoes the folding (for readers and tests): a CRLF followed by one space or tab joins two lines. */
	public static String unfold(String calendar) {
		return calendar.replace("\r\n ", "").replace("\r\n\t", "");
	}
}
