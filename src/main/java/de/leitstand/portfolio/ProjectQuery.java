package de.leitstand.portfolio;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A portfolio search: German full text plus filters. The same query backs the list page, its exports, saved
 * filters and the API.
 *
 * @param text German full text, may be empty
 * @param ai null for "either", true or false to filter by use of AI
 */
public record ProjectQuery(String text, Set<UUID> fields, Set<UUID> goals, Set<UUID> bundles, Set<UUID> units,
		Set<ProjectStatus> statuses, Set<ProjectType> types, Set<String> tags, Set<Integer> years, Boolean ai,
		Sort sort, int page, int size) {

	public static final int MAX_TEXT = 500;
	public static final int MAX_SIZE = 100;

	public ProjectQuery {
		text = text == null ? "" : text.strip();
		fields = fields == null ? Set.of() : Set.copyOf(fields);
		goals = goals == null ? Set.of() : Set.copyOf(goals);
		bundles = bundles == null ? Set.of() : Set.copyOf(bundles);
		units = units == null ? Set.of() : Set.copyOf(units);
		statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
		types = types == null ? Set.of() : Set.copyOf(types);
		tags = tags == null ? Set.of() : Set.copyOf(tags);
		years = years == null ? Set.of() : Set.copyOf(years);
		sort = sort == null ? (text.isEmpty() ? Sort.KEY : Sort.RELEVANCE) : sort;
		page = Math.max(0, page);
		size = size <= 0 ? 20 : Math.min(size, MAX_SIZE);
	}

	public static ProjectQuery all() {
		return new ProjectQuery("", null, null, null, null, null, null, null, null, null, null, 0, 20);
	}

	public ProjectQuery withPage(int newPage, int newSize) {
		return new ProjectQuery(text, fields, goals, bundles, units, statuses, types, tags, years, ai, sort, newPage,
				newSize);
	}

	/** Orders of the result list. */
	public enum Sort {
		RELEVANCE, KEY, TITLE, STATUS, START, UPDATED
	}

	/** One page of results with the count per filter value. */
	public record Result(List<Hit> hits, long total, int page, int size, Facets facets) {

		public int pages() {
			return (int) Math.max(1, (total + size - 1) / size);
		}
	}

	/** One project in a result list. */
	public record Hit(UUID id, String key, String title, String shortDescription, ProjectStatus status,
			ProjectType type, UUID leadUnitId, java.time.LocalDate plannedStart, java.time.LocalDate plannedEnd,
			Set<String> tags, boolean aiUsed, java.math.BigDecimal totalCost) {
	}

	/** Counts of matching projects per filter value. */
	public record Facets(java.util.Map<ProjectStatus, Long> statuses, java.util.Map<ProjectType, Long> types,
			java.util.Map<UUID, Long> units, java.util.Map<String, Long> fields, java.util.Map<String, Long> goals,
			java.util.Map<String, Long> bundles, java.util.Map<String, Long> tags, java.util.Map<String, Long> years,
			java.util.Map<Boolean, Long> ai) {
	}
}
