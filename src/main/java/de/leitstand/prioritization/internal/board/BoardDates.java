package de.leitstand.prioritization.internal.board;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/** Meeting times as the city reads them (Europe/Berlin); templates reach it as {@code @boardDates}. */
@Component("boardDates")
public class BoardDates {

	public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

	static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

	static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	public String format(Instant instant) {
		return instant == null ? "" : DATE_TIME.format(instant.atZone(ZONE));
	}

	public String date(Instant instant) {
		return instant == null ? "" : DATE.format(instant.atZone(ZONE));
	}

	public static String text(Instant instant) {
		return instant == null ? "" : DATE_TIME.format(instant.atZone(ZONE));
	}

	public static Instant toInstant(LocalDateTime local) {
		return local == null ? null : local.atZone(ZONE).toInstant();
	}

	public static LocalDateTime toLocal(Instant instant) {
		return instant == null ? null : LocalDateTime.ofInstant(instant, ZONE);
	}
}
