package de.leitstand.shared.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import de.leitstand.shared.InvalidInput;
import de.leitstand.shared.validation.PlainText.Rule;
import de.leitstand.shared.validation.PlainText.Validator;

/** The one plain-text rule: which texts pass, and which part of the rule a refused text breaks. */
class PlainTextTests {

	@Test
	void ordinaryTextWithLineBreaksTabsComparisonsAndEmojiIsPlain() {
		for (String text : List.of("", "Digitale Bauakte", "a < b und c > d", "3 <= 4", "Zeile 1\r\nZeile 2\tTab",
				"Ä ß € \uD83D\uDE00", "\" onmouseover=alert(1) x=\"", "javascript:alert(1)", "${7*7} {{7*7}}",
				"\u202Egnp.exe", "&lt;script&gt;")) {
			assertThat(Validator.problem(text)).as(text).isEmpty();
			assertThat(Validator.isPlain(text)).as(text).isTrue();
		}
		assertThat(Validator.isPlain(null)).isTrue();
	}

	@Test
	void tagsAreMarkup() {
		for (String text : List.of("<b>x</b>", "a<script>", "</p>", "<!-- x -->", "<?xml?>", "<img src=x>")) {
			assertThat(Validator.problem(text)).as(text).contains(Rule.MARKUP);
		}
	}

	@Test
	void nulAndTheOtherControlCharactersButTabAndLineBreaksAreRefused() {
		for (char c = 0; c < 0x20; c++) {
			String text = "a" + c + "b";
			if (c == '\t' || c == '\n' || c == '\r') {
				assertThat(Validator.problem(text)).as("U+%04X", (int) c).isEmpty();
			}
			else {
				assertThat(Validator.problem(text)).as("U+%04X", (int) c).contains(Rule.CONTROL_CHARACTER);
			}
		}
		assertThat(Validator.problem("a\u007fb")).contains(Rule.CONTROL_CHARACTER);
		// a NUL inside a tag: removing the tag alone would not make the text acceptable
		assertThat(Validator.problem("<b>\u0000</b>")).contains(Rule.CONTROL_CHARACTER);
	}

	@Test
	void loneSurrogatesAreRefusedPairsAreNot() {
		assertThat(Validator.problem("a\uD800b")).contains(Rule.UNPAIRED_SURROGATE);
		assertThat(Validator.problem("a\uDC00b")).contains(Rule.UNPAIRED_SURROGATE);
		assertThat(Validator.problem("a\uD800")).contains(Rule.UNPAIRED_SURROGATE);
		assertThat(Validator.problem("\uDE00\uD83D")).contains(Rule.UNPAIRED_SURROGATE);
		assertThat(Validator.problem("\uD83D\uDE00")).isEmpty();
	}

	@Test
	void checkNamesTheFieldAndTheMessageOfTheBrokenRule() {
		List<InvalidInput.Problem> problems = new ArrayList<>();
		assertThat(Validator.check(problems, "title", "ok")).isTrue();
		assertThat(Validator.check(problems, "title", "a\u0000b")).isFalse();
		assertThat(Validator.check(problems, "note", "<i>")).isFalse();
		assertThat(Validator.check(problems, "owner", "\uD800")).isFalse();
		assertThat(problems).extracting(InvalidInput.Problem::field, InvalidInput.Problem::messageKey)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("title", "validation.controlCharacter"),
					org.assertj.core.groups.Tuple.tuple("note", "validation.plainText"),
					org.assertj.core.groups.Tuple.tuple("owner", "validation.unpairedSurrogate"));
	}
}
