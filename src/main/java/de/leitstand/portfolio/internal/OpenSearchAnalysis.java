package de.leitstand.portfolio.internal;

import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;

/**
 * The German analysis of {@link SearchAnalysis} for the OpenSearch backend ({@code LEITSTAND_SEARCH_BACKEND=opensearch}),
 * built from OpenSearch's own filters: the same steps in the same order, so that "Anträge" finds "Antrag" on either
 * backend. {@code _german_} is the Snowball German stop list that the Lucene analysis loads from its file, and
 * {@code light_german} the stemmer behind Lucene's {@code germanLightStem}.
 */
public class OpenSearchAnalysis implements ElasticsearchAnalysisConfigurer {

	@Override
	public void configure(ElasticsearchAnalysisConfigurationContext context) {
		context.analyzer(SearchAnalysis.GERMAN).custom()
			.tokenizer("standard")
			.tokenFilters("lowercase", "leitstand_german_stop", "german_normalization", "leitstand_german_stem",
					"asciifolding");
		context.tokenFilter("leitstand_german_stop").type("stop")
			.param("stopwords", "_german_")
			.param("ignore_case", true);
		context.tokenFilter("leitstand_german_stem").type("stemmer").param("language", "light_german");
		context.normalizer(SearchAnalysis.SORT).custom().tokenFilters("lowercase", "asciifolding");
	}
}
