package de.leitstand.portfolio.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

import de.leitstand.portfolio.ProjectQuery;
import de.leitstand.portfolio.ProjectStatus;
import de.leitstand.portfolio.ProjectType;

/**
 * Turns the request parameters of the portfolio list (stable, shareable URLs) into a {@link ProjectQuery} and
 * back. Values that cannot be understood are dropped and reported, never turned into an error page: a link with
 * a typo still shows a list, with a message.
 *
 * <p>Parameters: {@code q} text, {@code field}, {@code goal}, {@code bundle}, {@code unit} (UUIDs),
 * {@code status}, {@code type} (enum names), {@code tag}, {@code year}, {@code ai} (true/false), {@code sort},
 * {@code page} (0-based), {@code size}. Each filter parameter may repeat.
 */
public final class QueryParams {

	private QueryParams() {
	}

	/** The parsed query and the names of parameters whose values were ignored. */
	public record Parsed(ProjectQuery query, List<String> ignored) {
	}

	public static Parsed parse(MultiValueMap<String, String> params) {
		List<String> ignored = new ArrayList<>();
		String text = first(params, "q");
		if (text != null && text.length() > ProjectQuery.MAX_TEXT) {
			ignored.add("q");
			text = text.substring(0, ProjectQuery.MAX_TEXT);
		}
		Set<UUID> fields = values(params, "field", UUID::fromString, ignored);
		Set<UUID> goals = values(params, "goal", UUID::fromString, ignored);
		Set<UUID> bundles = values(params, "bundle", UUID::fromString, ignored);
		Set<UUID> units = values(params, "unit", UUID::fromString, ignored);
		Set<ProjectStatus> statuses = values(params, "status", ProjectStatus::valueOf, ignored);
		Set<ProjectType> types = values(params, "type", ProjectType::valueOf, ignored);
		Set<String> tags = values(params, "tag", t -> {
			if (t.isBlank() || t.length() > 40) {
				throw new IllegalArgumentException(t);
			}
			return t;
		}, ignored);
		Set<Integer> years = values(params, "year", y -> {
			int year = Integer.parseInt(y);
			if (year < 2000 || year > 2100) {
				throw new IllegalArgumentException(y);
			}
			return year;
		}, ignored);
		Boolean ai = null;
		String aiValue = first(params, "ai");
		if ("true".equals(aiValue) || "false".equals(aiValue)) {
			ai = Boolean.valueOf(aiValue);
		}
		else if (aiValue != null && !aiValue.isEmpty()) {
			ignored.add("ai");
		}
		ProjectQuery.Sort sort = null;
		String sortValue = first(params, "sort");
		if (sortValue != null && !sortValue.isEmpty()) {
			try {
				sort = ProjectQuery.Sort.valueOf(sortValue);
			}
			catch (IllegalArgumentException ex) {
				ignored.add("sort");
			}
		}
		int page = number(params, "page", 0, 0, 100_000, ignored);
		int size = number(params, "size", 20, 1, ProjectQuery.MAX_SIZE, ignored);
		return new Parsed(new ProjectQuery(text, fields, goals, bundles, units, statuses, types, tags, years, ai, sort,
				page, size), ignored);
	}

	/** The query as URL parameters, e.g. for paging links, exports and saved filters. */
	public static String toQueryString(ProjectQuery query, boolean withPaging) {
		UriComponentsBuilder b = UriComponentsBuilder.newInstance();
		if (!query.text().isEmpty()) {
			b.queryParam("q", query.text());
		}
		query.fields().stream().map(UUID::toString).sorted().forEach(v -> b.queryParam("field", v));
		query.goals().stream().map(UUID::toString).sorted().forEach(v -> b.queryParam("goal", v));
		query.bundles().stream().map(UUID::toString).sorted().forEach(v -> b.queryParam("bundle", v));
		query.units().stream().map(UUID::toString).sorted().forEach(v -> b.queryParam("unit", v));
		query.statuses().stream().map(Enum::name).sorted().forEach(v -> b.queryParam("status", v));
		query.types().stream().map(Enum::name).sorted().forEach(v -> b.queryParam("type", v));
		query.tags().stream().sorted().forEach(v -> b.queryParam("tag", v));
		query.years().stream().sorted().forEach(v -> b.queryParam("year", v));
		if (query.ai() != null) {
			b.queryParam("ai", query.ai());
		}
		if (query.sort() != (query.text().isEmpty() ? ProjectQuery.Sort.KEY : ProjectQuery.Sort.RELEVANCE)) {
			b.queryParam("sort", query.sort().name());
		}
		if (withPaging) {
			if (query.page() > 0) {
				b.queryParam("page", query.page());
			}
			if (query.size() != 20) {
				b.queryParam("size", query.size());
			}
		}
		String result = b.encode().build().getQuery();
		return result == null ? "" : result;
	}

	private static String first(MultiValueMap<String, String> params, String name) {
		List<String> values = params.get(name);
		return values == null || values.isEmpty() ? null : values.get(0);
	}

	private static <T> Set<T> values(MultiValueMap<String, String> params, String name, Function<String, T> parse,
			List<String> ignored) {
		Set<T> result = new LinkedHashSet<>();
		for (String raw : params.getOrDefault(name, List.of())) {
			if (raw == null || raw.isBlank()) {
				continue;
			}
			try {
				result.add(parse.apply(raw.trim()));
			}
			catch (RuntimeException ex) {
				if (!ignored.contains(name)) {
					ignored.add(name);
				}
			}
		}
		return result;
	}

	private static int number(MultiValueMap<String, String> params, String name, int fallback, int min, int max,
			List<String> ignored) {
		String raw = first(params, name);
		if (raw == null || raw.isBlank()) {
			return fallback;
		}
		try {
			int value = Integer.parseInt(raw.trim());
			if (value < min || value > max) {
				ignored.add(name);
				return Math.max(min, Math.min(max, value));
			}
			return value;
		}
		catch (NumberFormatException ex) {
			ignored.add(name);
			return fallback;
		}
	}
}
