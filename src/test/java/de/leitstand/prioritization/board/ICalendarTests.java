package de.leitstand.prioritization.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import de.leitstand.prioritization.internal.board.ICalendar;

/** The invitation's calendar entry follows RFC 5545: CRLF, folding at 75 octets, escaped text, UTC times. */
class ICalendarTests {

	static final String LONG = "Digitalisierungsboard – Sitzung über Künstliche Intelligenz, Datenschutz; "
			+ "Bürgerservices und Öffentlichkeitsbeteiligung im Großen Sitzungssaal";

	@Test
	void writesOneEventWithCrlfLinesOfAtMost75Octets() {
		String ics = ICalendar.event("42@leitstand", Instant.parse("2026-11-26T08:00:00Z"),
				Instant.parse("2027-01-20T13:00:00Z"), Instant.parse("2027-01-20T15:00:00Z"), LONG,
				"Rathaus, Marktplatz 1", "1. P-0001 eAkte\n2. P-0002 Kita-Portal");

		assertThat(ics).endsWith("\r\n").doesNotContain("\n\n");
		assertThat(ics.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
		for (String line : ics.split("\r\n")) {
			assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
		}
		Map<String, String> event = parse(ics);
		assertThat(event).containsEntry("BEGIN", "VEVENT").containsEntry("UID", "42@leitstand")
			.containsEntry("DTSTAMP", "20261126T080000Z").containsEntry("DTSTART", "20270120T130000Z")
			.containsEntry("DTEND", "20270120T150000Z").containsEntry("LOCATION", "Rathaus\\, Marktplatz 1")
			.containsEntry("DESCRIPTION", "1. P-0001 eAkte\\n2. P-0002 Kita-Portal");
		assertThat(unescape(event.get("SUMMARY"))).isEqualTo(LONG);
	}

	@Test
	void foldingNeverSplitsAMultiByteCharacter() {
		String line = "SUMMARY:" + "ä".repeat(100);
		String folded = ICalendar.event("x", Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, "ä".repeat(100), "", "");
		assertThat(new String(folded.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(folded);
		assertThat(ICalendar.unfold(folded)).contains(line + "\r\n");
	}

	/** A small RFC 5545 reader: unfold, then NAME:VALUE per line, for the VEVENT's properties. */
	static Map<String, String> parse(String ics) {
		Map<String, String> properties = new LinkedHashMap<>();
		boolean inEvent = false;
		for (String line : ICalendar.unfold(ics).split("\r\n")) {
			int colon = line.indexOf(':');
			String name = line.substring(0, colon);
			String value = line.substring(colon + 1);
			if (name.equals("BEGIN") && value.equals("VEVENT")) {
				inEvent = true;
				properties.put(name, value);
			}
			else if (name.equals("END") && value.equals("VEVENT")) {
				inEvent = false;
			}
			else if (inEvent) {
				properties.put(name, value);
			}
		}
		return properties;
	}

	static String unescape(String value) {
		return value.replace("\\n", "\n").replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\");
	}
}
