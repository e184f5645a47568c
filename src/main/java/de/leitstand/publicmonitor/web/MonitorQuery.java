package de.leitstand.publicmonitor.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import de.leitstand.portfolio.ProjectStatus;
import de.leitstand.publicmonitor.internal.PublicProject;

/**
 * The filters of the public list as they came in the URL, made safe: a value that makes no sense is dropped and
 * explained in a notice, never answered with an error page.
 *
 * @param field number of a field of action, or null
 * @param page 1-based
 */
record MonitorQuery(String text, Integer field, ProjectStatus status, String office, Boolean ai, int page,
		List<Notice> notices) {

	static final int MAX_TEXT = 200;
	static final int PAGE_SIZE = 20;

	/** A message key with its arguments. */
	record Notice(String key, Object... args) {
	}

	static MonitorQuery parse(String q, String field, String status, String office, String ai, String page,
			Set<Integer> fields, Set<String> offices) {
		List<Notice> notices = new ArrayList<>();
		String text = q == null ? "" : q.strip().replaceAll("\\p{Cntrl}", " ");
		if (text.length() > MAX_TEXT) {
			text = text.substring(0, MAX_TEXT);
			notices.add(new Notice("monitor.notice.searchTruncated", String.valueOf(MAX_TEXT)));
		}
		Integer fieldNumber = null;
		if (field != null && !field.isBlank()) {
			try {
				fieldNumber = Integer.valueOf(field.strip());
			}
			catch (NumberFormatException e) {
				fieldNumber = null;
			}
			if (fieldNumber == null || !fields.contains(fieldNumber)) {
				fieldNumber = null;
				notices.add(new Notice("monitor.notice.field"));
			}
		}
		ProjectStatus projectStatus = null;
		if (status != null && !status.isBlank()) {
			try {
				projectStatus = ProjectStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				notices.add(new Notice("monitor.notice.status"));
			}
		}
		String officeCode = null;
		if (office != null && !office.isBlank()) {
			if (offices.contains(office.strip())) {
				officeCode = office.strip();
			}
			else {
				notices.add(new Notice("monitor.notice.office"));
			}
		}
		Boolean withAi = null;
		if (ai != null && !ai.isBlank()) {
			switch (ai.strip()) {
				case "true" -> withAi = true;
				case "false" -> withAi = false;
				default -> notices.add(new Notice("monitor.notice.ai"));
			}
		}
		int pageNumber = 1;
		if (page != null && !page.isBlank()) {
			try {
				pageNumber = Integer.parseInt(page.strip());
			}
			catch (NumberFormatException e) {
				pageNumber = 0;
			}
			if (pageNumber < 1) {
				pageNumber = 1;
				notices.add(new Notice("monitor.notice.page"));
			}
		}
		return new MonitorQuery(text, fieldNumber, projectStatus, officeCode, withAi, pageNumber, notices);
	}

	boolean matches(PublicProject p) {
		if (field != null && !p.serves(field)) {
			return false;
		}
		if (status != null && p.status() != status) {
			return false;
		}
		if (office != null && !office.equals(p.officeCode())) {
			return false;
		}
		if (ai != null && p.aiUsed() != ai) {
			return false;
		}
		if (text.isEmpty()) {
			return true;
		}
		String haystack = (p.key() + ' ' + p.title() + ' ' + p.summary() + ' ' + p.officeName() + ' '
				+ p.goals().stream().map(g -> g.code() + ' ' + g.title()).reduce("", (a, b) -> a + ' ' + b))
			.toLowerCase(Locale.GERMAN);
		for (String word : text.toLowerCase(Locale.GERMAN).split("\\s+")) {
			if (!word.isEmpty() && !haystack.contains(word)) {
				return false;
			}
		}
		return true;
	}

	public boolean filtered() {
		return !text.isEmpty() || field != null || status != null || office != null || ai != null;
	}

	/** The query string of these filters (without page), for paging links. */
	String queryString() {
		StringBuilder s = new StringBuilder();
		append(s, "q", text.isEmpty() ? null : text);
		append(s, "field", field == null ? null : field.toString());
		append(s, "status", status == null ? null : status.name());
		append(s, "office", office);
		append(s, "ai", ai == null ? null : ai.toString());
		return s.toString();
	}

	private static void append(StringBuilder s, String name, String value) {
		if (value != null) {
			if (!s.isEmpty()) {
				s.append('&');
			}
			s.append(name).append('=').append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
		}
	}
}
