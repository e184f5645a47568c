package de.leitstand.portfolio.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.engine.search.predicate.dsl.SimpleBooleanPredicateClausesCollector;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.leitstand.organization.LeitstandUser;
import de.leitstand.organization.Role;
import de.leitstand.portfolio.ProjectQuery;
import de.leitstand.portfolio.ProjectQuery.Facets;
import de.leitstand.portfolio.ProjectQuery.Hit;
import de.leitstand.portfolio.ProjectQuery.Result;
import de.leitstand.portfolio.ProjectStatus;
import de.leitstand.portfolio.ProjectType;
import de.leitstand.shared.InvalidInput;

/**
 * German full-text search, filters with counts, and duplicate detection over the portfolio index.
 */
@Service
@Transactional(readOnly = true)
public class ProjectSearch {

	private static final Analyzer GERMAN_TERMS = SearchAnalysis.germanTerms();

	private static final String[] TEXT_FIELDS = { "title", "shortDescription", "problem", "expectedImpact" };

	private final EntityManager entityManager;
	private final ProjectPolicy policy;

	ProjectSearch(EntityManager entityManager, ProjectPolicy policy) {
		this.policy = policy;
		this.entityManager = entityManager;
	}

	/** Similar project found while a proposal is typed. */
	public record Similar(UUID id, String key, String title, UUID leadUnitId, ProjectStatus status, int percent) {
	}

	/** A goal suggested for a new proposal because similar, classified projects serve it. */
	public record GoalSuggestion(UUID goalId, UUID fieldId, String becauseKey, String becauseTitle, int percent) {
	}

	public Result search(ProjectQuery query) {
		if (query.text().length() > ProjectQuery.MAX_TEXT) {
			throw InvalidInput.of("q", "portfolio.search.tooLong", ProjectQuery.MAX_TEXT);
		}
		SearchSession session = Search.session(entityManager);
		AggregationKey<Map<ProjectStatus, Long>> statuses = AggregationKey.of("statuses");
		AggregationKey<Map<ProjectType, Long>> types = AggregationKey.of("types");
		AggregationKey<Map<UUID, Long>> units = AggregationKey.of("units");
		AggregationKey<Map<String, Long>> fields = AggregationKey.of("fields");
		AggregationKey<Map<String, Long>> goals = AggregationKey.of("goals");
		AggregationKey<Map<String, Long>> bundles = AggregationKey.of("bundles");
		AggregationKey<Map<String, Long>> tags = AggregationKey.of("tags");
		AggregationKey<Map<String, Long>> years = AggregationKey.of("years");
		AggregationKey<Map<Boolean, Long>> ai = AggregationKey.of("ai");
		LeitstandUser user = LeitstandUser.current().orElse(null);
		SearchResult<Project> result = session.search(Project.class)
			.where((f, root) -> {
				root.add(f.matchAll());
				policy.readable(f, root, user);
				if (!query.text().isEmpty()) {
					root.add(f.or(
							f.simpleQueryString().field("title").boost(3f).fields("shortDescription", "problem",
									"expectedImpact").matching(query.text()).defaultOperator(BooleanOperator.AND),
							f.match().field("key").matching(query.text().toUpperCase()).boost(10f)));
				}
				anyOf(f, root, "fields", query.fields(), UUID::toString);
				anyOf(f, root, "goals", query.goals(), UUID::toString);
				anyOf(f, root, "bundles", query.bundles(), UUID::toString);
				anyOf(f, root, "leadUnitId", query.units(), u -> u);
				anyOf(f, root, "status", query.statuses(), s -> s);
				anyOf(f, root, "type", query.types(), t -> t);
				anyOf(f, root, "tags", query.tags(), t -> t);
				anyOf(f, root, "years", query.years(), String::valueOf);
				if (query.ai() != null) {
					root.add(f.match().field("ai").matching(query.ai()));
				}
			})
			.sort(f -> switch (query.sort()) {
				case RELEVANCE -> f.score().then().field("key").desc();
				case KEY -> f.field("key").desc();
				case TITLE -> f.field("title_sort");
				case STATUS -> f.field("status").then().field("key").desc();
				case START -> f.field("plannedStart").missing().last().then().field("key").desc();
				case UPDATED -> f.field("updatedAt").desc();
			})
			.aggregation(statuses, f -> f.terms().field("status", ProjectStatus.class).maxTermCount(50))
			.aggregation(types, f -> f.terms().field("type", ProjectType.class).maxTermCount(10))
			.aggregation(units, f -> f.terms().field("leadUnitId", UUID.class).maxTermCount(500))
			.aggregation(fields, f -> f.terms().field("fields", String.class).maxTermCount(50))
			.aggregation(goals, f -> f.terms().field("goals", String.class).maxTermCount(500))
			.aggregation(bundles, f -> f.terms().field("bundles", String.class).maxTermCount(500))
			.aggregation(tags, f -> f.terms().field("tags", String.class).maxTermCount(200))
			.aggregation(years, f -> f.terms().field("years", String.class).maxTermCount(200))
			.aggregation(ai, f -> f.terms().field("ai", Boolean.class))
			.fetch(query.page() * query.size(), query.size());
		List<Hit> hits = result.hits().stream().map(ProjectSearch::hit).toList();
		Facets facets = new Facets(result.aggregation(statuses), result.aggregation(types),
				result.aggregation(units), result.aggregation(fields), result.aggregation(goals),
				result.aggregation(bundles), result.aggregation(tags), sortedByKey(result.aggregation(years)),
				result.aggregation(ai));
		return new Result(hits, result.total().hitCount(), query.page(), query.size(), facets);
	}

	/** Ids of all projects matching the query (for exports), in list order, at most {@code limit}. */
	public List<UUID> ids(ProjectQuery query, int limit) {
		List<UUID> ids = new ArrayList<>();
		int page = 0;
		while (ids.size() < limit) {
			Result result = search(query.withPage(page++, ProjectQuery.MAX_SIZE));
			result.hits().forEach(h -> ids.add(h.id()));
			if (result.hits().size() < ProjectQuery.MAX_SIZE) {
				break;
			}
		}
		return ids.size() > limit ? ids.subList(0, limit) : ids;
	}

	/**
	 * Projects of all offices that resemble a proposal being typed, with a similarity figure: the share of
	 * significant (stemmed, stop-word free) terms the two texts have in common.
	 */
	public List<Similar> similarTo(String title, String description, UUID excludeId, int max) {
		String text = ((title == null ? "" : title) + " " + (description == null ? "" : description)).strip();
		if (text.length() < 3) {
			return List.of();
		}
		if (text.length() > 4000) {
			text = text.substring(0, 4000);
		}
		Set<String> terms = terms(text);
		if (terms.isEmpty()) {
			return List.of();
		}
		String matching = text;
		LeitstandUser user = LeitstandUser.current().orElse(null);
		List<Project> candidates = Search.session(entityManager).search(Project.class)
			.where((f, root) -> {
				root.add(f.match().field("title").boost(2f).field("shortDescription").matching(matching));
				policy.readable(f, root, user);
				if (excludeId != null) {
					root.add(f.not(f.id().matching(excludeId)));
				}
			})
			.fetchHits(20);
		List<Similar> similar = new ArrayList<>();
		for (Project p : candidates) {
			int percent = dice(terms, terms(p.getTitle() + " " + p.getShortDescription()));
			if (percent >= 20) {
				similar.add(new Similar(p.getId(), p.getKey(), p.getTitle(), p.getLeadUnitId(), p.getStatus(),
						percent));
			}
		}
		similar.sort(Comparator.comparingInt(Similar::percent).reversed());
		return similar.size() > max ? similar.subList(0, max) : similar;
	}

	/** Goals that similar, already classified projects serve, strongest first, each with its reason. */
	public List<GoalSuggestion> suggestGoals(String title, String description, UUID excludeId) {
		Map<UUID, GoalSuggestion> best = new LinkedHashMap<>();
		for (Similar s : similarTo(title, description, excludeId, 10)) {
			Project p = entityManager.find(Project.class, s.id());
			for (GoalLink link : p.getGoalLinks()) {
				GoalSuggestion current = best.get(link.goalId());
				if (current == null || current.percent() < s.percent()) {
					best.put(link.goalId(),
							new GoalSuggestion(link.goalId(), link.fieldId(), s.key(), s.title(), s.percent()));
				}
			}
		}
		return best.values().stream().sorted(Comparator.comparingInt(GoalSuggestion::percent).reversed()).limit(6)
			.toList();
	}

	/** Significant terms of a text as the index sees them (German analysis, whichever backend holds the index). */
	Set<String> terms(String text) {
		Analyzer analyzer = GERMAN_TERMS;
		Set<String> terms = new HashSet<>();
		try (TokenStream stream = analyzer.tokenStream("text", text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				if (term.length() > 2) {
					terms.add(term.toString());
				}
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return terms;
	}

	static int dice(Set<String> a, Set<String> b) {
		if (a.isEmpty() || b.isEmpty()) {
			return 0;
		}
		long common = a.stream().filter(b::contains).count();
		return (int) Math.round(200.0 * common / (a.size() + b.size()));
	}

	private static <T> void anyOf(SearchPredicateFactory f, SimpleBooleanPredicateClausesCollector<?, ?> root,
			String field, Set<T> values, Function<T, Object> convert) {
		if (values.isEmpty()) {
			return;
		}
		var any = f.or();
		for (T value : values) {
			any.add(f.match().field(field).matching(convert.apply(value)));
		}
		root.add(any);
	}

	private static Map<String, Long> sortedByKey(Map<String, Long> map) {
		Map<String, Long> sorted = new LinkedHashMap<>();
		map.keySet().stream().sorted().forEach(k -> sorted.put(k, map.get(k)));
		return sorted;
	}

	private static Hit hit(Project p) {
		return new Hit(p.getId(), p.getKey(), p.getTitle(), p.getShortDescription(), p.getStatus(), p.getType(),
				p.getLeadUnitId(), p.getPlannedStart(), p.getPlannedEnd(), Set.copyOf(p.getTags()), p.isAiUsed(),
				p.totalCost());
	}
}
