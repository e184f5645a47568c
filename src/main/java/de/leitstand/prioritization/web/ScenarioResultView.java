package de.leitstand.prioritization.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;

import de.leitstand.prioritization.internal.optimizer.OptimizationResult;
import de.leitstand.prioritization.internal.optimizer.PortfolioOptimizer;
import de.leitstand.prioritization.internal.optimizer.Scenario;
import de.leitstand.prioritization.internal.optimizer.Text;
import de.leitstand.prioritization.internal.scenario.RunResult;

/** A stored run made ready for the page: numbers formatted, explanations in the reader's language. */
record ScenarioResultView(String status, String statusText, boolean hasPortfolio, String objective, String bound,
		String gap, String note, String seconds, String greedyObjective, String difference, List<Row> selected,
		List<Row> leftOut, List<Row> greedy, List<UsageRow> usage, List<String> conflicts, List<FrontierRow> frontier,
		String frontierJson, String valueBasis, int selectedCount, int greedyCount) {

	record Row(String key, String title, String value, List<String> reasons, boolean inOther) {
	}

	record UsageRow(String label, String limit, String optimal, String optimalShare, String greedy,
			String greedyShare) {
	}

	record FrontierRow(int percent, String budget, String value, String status) {
	}

	static ScenarioResultView of(RunResult stored, MessageSource messages, Locale locale) {
		OptimizationResult r = stored.result();
		NumberFormat values = NumberFormat.getNumberInstance(locale);
		values.setMaximumFractionDigits(2);
		NumberFormat whole = NumberFormat.getIntegerInstance(locale);
		NumberFormat days = NumberFormat.getNumberInstance(locale);
		days.setMaximumFractionDigits(1);
		Map<String, String> titles = stored.titles();
		Set<String> optimal = new HashSet<>(r.selected());
		Set<String> greedySet = new HashSet<>(r.greedy().selected());
		List<Row> selected = new ArrayList<>();
		List<Row> leftOut = new ArrayList<>();
		for (OptimizationResult.Explanation e : r.explanations()) {
			List<String> reasons = e.reasons().stream().map(t -> render(t, messages, locale)).toList();
			Row row = new Row(e.id(), titles.getOrDefault(e.id(), ""), value(e.value(), values), reasons,
					greedySet.contains(e.id()));
			(e.selected() ? selected : leftOut).add(row);
		}
		Map<String, Long> valueById = new java.util.HashMap<>();
		r.explanations().forEach(e -> valueById.put(e.id(), e.value()));
		List<Row> greedy = r.greedy().selected().stream()
			.map(id -> new Row(id, titles.getOrDefault(id, ""),
					valueById.containsKey(id) ? value(valueById.get(id), values) : "", List.of(),
					optimal.contains(id)))
			.toList();
		List<UsageRow> usage = new ArrayList<>();
		for (OptimizationResult.Usage u : r.usage()) {
			boolean budget = "BUDGET".equals(u.kind());
			String label = budget ? messages.getMessage("scenario.usage.budget", new Object[] { u.year() }, locale)
					: messages.getMessage("scenario.usage.capacity", new Object[] { u.unit(), u.year() }, locale);
			NumberFormat f = budget ? whole : days;
			double scale = budget ? 1 : Scenario.EFFORT_SCALE;
			usage.add(new UsageRow(label, f.format(u.limit() / scale), f.format(u.optimal() / scale),
					share(u.optimal(), u.limit()), f.format(u.greedy() / scale), share(u.greedy(), u.limit())));
		}
		List<FrontierRow> frontier = new ArrayList<>();
		StringBuilder json = new StringBuilder("[");
		for (PortfolioOptimizer.FrontierPoint p : stored.frontier()) {
			boolean solved = p.status() == OptimizationResult.Status.OPTIMAL
					|| p.status() == OptimizationResult.Status.FEASIBLE;
			frontier.add(new FrontierRow(p.percent(), whole.format(p.budget()),
					solved ? value(p.objective(), values) : "–",
					messages.getMessage("scenario.status." + p.status().name(), null, locale)));
			if (solved) {
				json.append(json.length() > 1 ? "," : "").append("[").append(p.budget()).append(",")
					.append(BigDecimal.valueOf(p.objective(), 2).toPlainString()).append("]");
			}
		}
		json.append("]");
		long difference = r.objective() - r.greedy().objective();
		String statusText = messages.getMessage("scenario.status." + r.status().name(), null, locale);
		return new ScenarioResultView(r.status().name(), statusText, r.hasPortfolio(), value(r.objective(), values),
				value(r.bound(), values), values.format(r.gap() * 100), r.note() == null ? null
						: render(r.note(), messages, locale),
				days.format(r.seconds()), value(r.greedy().objective(), values), value(difference, values), selected,
				leftOut, greedy, usage, r.conflicts().stream().map(t -> render(t, messages, locale)).toList(),
				frontier, json.toString(), messages.getMessage(stored.valueBasisKey(), null, locale),
				r.selected().size(), r.greedy().selected().size());
	}

	static String render(Text text, MessageSource messages, Locale locale) {
		return messages.getMessage(text.key(), text.argArray(), locale);
	}

	private static String value(long hundredths, NumberFormat format) {
		return format.format(hundredths / (double) Scenario.VALUE_SCALE);
	}

	private static String share(long used, long limit) {
		return limit == 0 ? (used == 0 ? "0 %" : "–") : Math.round(100.0 * used / limit) + " %";
	}
}
