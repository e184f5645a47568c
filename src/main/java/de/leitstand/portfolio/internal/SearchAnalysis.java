package de.leitstand.portfolio.internal;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.util.ClasspathResourceLoader;

import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * German text analysis for the portfolio index: lower case, German normalisation (ä → a, ß → ss), light
 * stemming, so that "Anträge" finds "Antrag" and "Bürgerbüro" finds "Buergerbueros".
 */
public class SearchAnalysis implements LuceneAnalysisConfigurer {

	public static final String GERMAN = "german";
	public static final String SORT = "sort";

	/**
	 * The same German analysis as a plain Lucene analyzer, for reading the significant terms of a text outside the
	 * index (similarity of proposals); it works whichever backend holds the index (Lucene or OpenSearch).
	 */
	public static Analyzer germanTerms() {
		try {
			return CustomAnalyzer.builder(new ClasspathResourceLoader(SearchAnalysis.class.getClassLoader()))
				.withTokenizer("standard")
				.addTokenFilter("lowercase")
				.addTokenFilter("stop", "ignoreCase", "true", "words", "org/apache/lucene/analysis/snowball/german_stop.txt",
						"format", "snowball")
				.addTokenFilter("germanNormalization")
				.addTokenFilter("germanLightStem")
				.addTokenFilter("asciiFolding")
				.build();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

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
