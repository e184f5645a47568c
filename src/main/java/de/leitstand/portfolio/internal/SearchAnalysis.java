package de.leitstand.portfolio.internal;

import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * German text analysis for the portfolio index: lower case, German normalisation (ä → a, ß → ss), light
 * stemming, so that "Anträge" finds "Antrag" and "Bürgerbüro" finds "Buergerbueros".
 */
public class SearchAnalysis implements LuceneAnalysisConfigurer {

	public static final String GERMAN = "german";
	public static final String SORT = "sort";

	@Override
	public void configure(LuceneAnalysisConfigurationContext context) {
		context.analyzer(GERMAN).custom()
			.tokenizer("standard")
			.tokenFilter("lowercase")
			.tokenFilter("stop").param("ignoreCase", "true").param("words", "org/apache/lucene/analysis/snowball/german_stop.txt").param("format", "snowball")
			.tokenFilter("germanNormalization")
			.tokenFilter("germanLightStem")
			.tokenFilter("asciiFolding");
		context.normalizer(SORT).custom()
			.tokenFilter("lowercase")
			.tokenFilter("asciiFolding");
	}
}
