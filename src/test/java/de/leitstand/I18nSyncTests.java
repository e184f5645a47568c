package de.leitstand;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

/**
 * Guards the German/English message bundles and the templates (STYLE.md §10): every key in every locale, every key a
 * template names exists, and no user-visible text is written into a template instead of a bundle.
 */
class I18nSyncTests {

	static final Path BUNDLES = Path.of("src/main/resources/i18n");
	static final Path TEMPLATES = Path.of("src/main/resources/templates");

	/** A literal message key: {@code #{some.key}} or {@code #{some.key(args)}}; {@code #{${...}}} is dynamic. */
	static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([A-Za-z0-9_][A-Za-z0-9_.\\-]*)\\s*[(}]");

	/** Thymeleaf inlined expressions ({@code [[...]]}, {@code [(...)]}) produce text from expressions, not literals. */
	static final Pattern INLINE_EXPRESSION = Pattern.compile("\\[\\[.*?]]|\\[\\(.*?\\)]", Pattern.DOTALL);

	static final Pattern LETTER = Pattern.compile("\\p{L}");

	static final Set<String> TEXT_ATTRIBUTES = Set.of("th:text", "th:utext", "th:replace", "th:insert", "th:errors");

	static final Set<String> LABEL_ATTRIBUTES = Set.of("title", "alt", "aria-label", "placeholder");

	@Test
	void everyGermanBundleHasAnEnglishTwinWithTheSameKeysAndNoEmptyValues() throws IOException {
		List<Path> bundles = germanBundles();
		assertThat(bundles).as("message bundles in %s", BUNDLES).isNotEmpty();
		List<String> problems = new ArrayList<>();
		for (Path german : bundles) {
			String name = german.getFileName().toString().replace(".properties", "");
			Path english = german.resolveSibling(name + "_en.properties");
			if (!Files.exists(english)) {
				problems.add(english + " is missing");
				continue;
			}
			Properties de = load(german);
			Properties en = load(english);
			for (String key : difference(de.stringPropertyNames(), en.stringPropertyNames())) {
				problems.add(english.getFileName() + " lacks " + key);
			}
			for (String key : difference(en.stringPropertyNames(), de.stringPropertyNames())) {
				problems.add(german.getFileName() + " lacks " + key);
			}
			problems.addAll(emptyValues(german, de));
			problems.addAll(emptyValues(english, en));
		}
		assertThat(problems).as("bundle problems").isEmpty();
	}

	@Test
	void everyMessageKeyUsedInATemplateExists() throws IOException {
		Set<String> keys = new TreeSet<>();
		for (Path bundle : germanBundles()) {
			keys.addAll(load(bundle).stringPropertyNames());
		}
		List<String> missing = new ArrayList<>();
		Set<String> used = new TreeSet<>();
		for (Path template : templates()) {
			Matcher matcher = MESSAGE_KEY.matcher(Files.readString(template));
			while (matcher.find()) {
				used.add(matcher.group(1));
				if (!keys.contains(matcher.group(1))) {
					missing.add(relative(template) + ": #{" + matcher.group(1) + "}");
				}
			}
		}
		assertThat(used).as("message keys found in templates").contains("layout.skip", "home.greeting");
		assertThat(missing).as("message keys used in templates but not defined in %s", BUNDLES).isEmpty();
	}

	@Test
	void templatesContainNoLiteralText() throws IOException {
		List<Path> templates = templates();
		assertThat(templates).as("templates in %s", TEMPLATES).isNotEmpty();
		List<String> literals = new ArrayList<>();
		for (Path template : templates) {
			literals.addAll(literalTexts(relative(template), Jsoup.parse(Files.readString(template))));
		}
		assertThat(literals).as("literal text in templates (move it into i18n/*.properties)").isEmpty();
	}

	@Test
	void literalTextCheckFindsTextAndLabelsButNotPrototypeText() {
		Document doc = Jsoup.parse("""
				<main><p>Hallo Welt</p><p th:text="#{a}">prototype</p><img src="x.png" alt="Logo">
				<span th:title="#{b}" aria-label="42"></span><p>[[#{c}]] – 3</p><input placeholder="Suche"></main>
				""");
		assertThat(literalTexts("t.html", doc)).containsExactly("t.html: <p> text \"Hallo Welt\"",
				"t.html: <img> alt=\"Logo\"", "t.html: <input> placeholder=\"Suche\"");
	}

	static List<String> literalTexts(String file, Document doc) {
		List<String> found = new ArrayList<>();
		for (Element element : doc.getAllElements()) {
			String tag = element.normalName();
			if (tag.equals("script") || tag.equals("style") || element.hasAttr("th:remove")) {
				continue;
			}
			boolean textFromExpression = element.attributes().asList().stream()
				.anyMatch(a -> TEXT_ATTRIBUTES.contains(a.getKey().toLowerCase()));
			if (!textFromExpression) {
				for (TextNode node : element.textNodes()) {
					String text = INLINE_EXPRESSION.matcher(node.text()).replaceAll("").strip();
					if (LETTER.matcher(text).find()) {
						found.add(file + ": <" + tag + "> text \"" + node.text().strip() + "\"");
					}
				}
			}
			for (Attribute attribute : element.attributes()) {
				if (LABEL_ATTRIBUTES.contains(attribute.getKey().toLowerCase())
						&& LETTER.matcher(attribute.getValue()).find()) {
					found.add(file + ": <" + tag + "> " + attribute.getKey() + "=\"" + attribute.getValue() + "\"");
				}
			}
		}
		return found;
	}

	static List<Path> germanBundles() throws IOException {
		try (Stream<Path> files = Files.list(BUNDLES)) {
			return files.filter(p -> p.getFileName().toString().matches("[^_]+\\.properties")).sorted().toList();
		}
	}

	static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
		}
	}

	static Properties load(Path file) {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

	static Set<String> difference(Set<String> a, Set<String> b) {
		Set<String> result = new TreeSet<>(a);
		result.removeAll(b);
		return result;
	}

	static List<String> emptyValues(Path file, Properties properties) {
		return properties.stringPropertyNames().stream()
			.filter(key -> properties.getProperty(key).isBlank())
			.sorted()
			.map(key -> file.getFileName() + " has an empty value for " + key)
			.toList();
	}

	static String relative(Path template) {
		return TEMPLATES.relativize(template).toString();
	}
}
