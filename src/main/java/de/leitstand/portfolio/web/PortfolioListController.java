package de.leitstand.portfolio.web;

import java.time.Clock;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.leitstand.organization.LeitstandUser;
import de.leitstand.portfolio.ProjectQuery;
import de.leitstand.portfolio.ProjectStatus;
import de.leitstand.portfolio.ProjectType;
import de.leitstand.portfolio.internal.PortfolioCoverage;
import de.leitstand.portfolio.internal.ProjectSearch;
import de.leitstand.portfolio.internal.SavedFilter;
import de.leitstand.portfolio.internal.SavedFilters;
import de.leitstand.shared.NotFoundException;
import de.leitstand.shared.validation.PlainText;

/**
 * The portfolio list: German full text, filters with counts, sorting, paging, saved filters, stable URLs; and
 * the strategy coverage view.
 */
@Controller
class PortfolioListController {

	static final String LIST = "portfolio/list";
	static final String COVERAGE = "portfolio/coverage";
	static final int MAX_SAVED_FILTERS = 50;

	private final ProjectSearch search;
	private final PortfolioLabels labels;
	private final SavedFilters savedFilters;
	private final PortfolioCoverage coverage;

	PortfolioListController(ProjectSearch search, PortfolioLabels labels, SavedFilters savedFilters,
			PortfolioCoverage coverage) {
		this.search = search;
		this.labels = labels;
		this.savedFilters = savedFilters;
		this.coverage = coverage;
	}

	@GetMapping("/portfolio")
	String list(@RequestParam MultiValueMap<String, String> params, @AuthenticationPrincipal LeitstandUser user,
			Model model) {
		QueryParams.Parsed parsed = QueryParams.parse(params);
		ProjectQuery query = parsed.query();
		// QueryParams has already cut an over-long text, so the search never refuses this query.
		ProjectQuery.Result result = search.search(query);
		if (query.page() > 0 && result.hits().isEmpty() && result.total() > 0) {
			// A page number beyond the end shows the last page instead of nothing.
			query = query.withPage(result.pages() - 1, query.size());
			result = search.search(query);
			parsed.ignored().add("page");
		}
		labels.addTo(model);
		model.addAttribute("query", query);
		model.addAttribute("result", result);
		model.addAttribute("ignored", parsed.ignored());
		model.addAttribute("queryString", QueryParams.toQueryString(query, false));
		model.addAttribute("queryYears", query.years().stream().map(String::valueOf).toList());
		model.addAttribute("statuses", ProjectStatus.values());
		model.addAttribute("types", ProjectType.values());
		model.addAttribute("sorts", ProjectQuery.Sort.values());
		model.addAttribute("savedFilters", savedFilters.findAllByOwnerOrderByNameAsc(user.username()));
		return LIST;
	}

	@PostMapping("/portfolio/filters")
	@Transactional
	String saveFilter(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String query,
			@AuthenticationPrincipal LeitstandUser user, RedirectAttributes redirect) {
		String trimmed = name.trim();
		String problem = null;
		if (trimmed.isEmpty()) {
			problem = "portfolio.filter.nameMissing";
		}
		else if (trimmed.length() > 100 || PlainText.Validator.problem(trimmed).orElse(null) == PlainText.Rule.MARKUP) {
			problem = "portfolio.filter.nameInvalid";
		}
		else if (!PlainText.Validator.isPlain(trimmed)) {
			problem = PlainText.Validator.problem(trimmed).orElseThrow().messageKey();
		}
		else if (query.length() > 2000) {
			problem = "portfolio.filter.tooLong";
		}
		else if (PlainText.Validator.problem(query).filter(rule -> rule != PlainText.Rule.MARKUP).isPresent()) {
			// the query is stored (a search term may well contain "<"), but not a character no search can use
			problem = PlainText.Validator.problem(query).orElseThrow().messageKey();
		}
		else if (savedFilters.countByOwner(user.username()) >= MAX_SAVED_FILTERS) {
			problem = "portfolio.filter.tooMany";
		}
		if (problem != null) {
			redirect.addFlashAttribute("filterProblem", problem);
		}
		else {
			// Store the normalised form so that a saved filter is always a valid list URL.
			String normalised = QueryParams.toQueryString(QueryParams.parse(
					org.springframework.web.util.UriComponentsBuilder.newInstance().query(query).build().getQueryParams())
				.query(), false);
			savedFilters.save(new SavedFilter(user.username(), trimmed, normalised, Clock.systemUTC().instant()));
			redirect.addFlashAttribute("success", "portfolio.filter.saved");
		}
		return "redirect:/portfolio" + (query.isEmpty() ? "" : "?" + query);
	}

	@PostMapping("/portfolio/filters/{id}/delete")
	@Transactional
	String deleteFilter(@PathVariable UUID id, @AuthenticationPrincipal LeitstandUser user,
			RedirectAttributes redirect) {
		SavedFilter filter = savedFilters.findById(id).filter(f -> f.getOwner().equals(user.username()))
			.orElseThrow(() -> new NotFoundException("filter " + id));
		savedFilters.delete(filter);
		redirect.addFlashAttribute("success", "portfolio.filter.deleted");
		return "redirect:/portfolio";
	}

	@GetMapping("/portfolio/coverage")
	String coverage(Model model) {
		labels.addTo(model);
		model.addAttribute("coverage", coverage.coverage());
		return COVERAGE;
	}

}
