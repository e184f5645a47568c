package de.leitstand.shared.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import de.leitstand.shared.InvalidInput;

/**
 * A text that must be plain text: no HTML markup, no control characters other than TAB, LF and CR, no unpaired
 * surrogates. Everything is escaped on output anyway; this rejects markup at the door so that nobody stores a
 * {@code <script>} that a later export or e-mail might render, and it rejects characters that PostgreSQL refuses
 * (NUL) or that no encoder can write (a lone surrogate), which would otherwise end as a server error or as text
 * that looks different in every export. The one rule for every free-text input of every module: services call
 * {@link Validator#check}, forms may use the annotation.
 */
@Documented
@Constraint(validatedBy = PlainText.Validator.class)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

	String message() default "{validation.plainText}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** The parts of the rule, each with the message a user sees at the field. */
	enum Rule {

		/** A tag ({@code <b>}, {@code </p>}, {@code <!--}); "a < b" is fine. */
		MARKUP("validation.plainText"),

		/** NUL or another C0 control character except TAB, LF and CR, or DEL. */
		CONTROL_CHARACTER("validation.controlCharacter"),

		/** Half of a UTF-16 surrogate pair without its other half: not a character at all. */
		UNPAIRED_SURROGATE("validation.unpairedSurrogate");

		private final String messageKey;

		Rule(String messageKey) {
			this.messageKey = messageKey;
		}

		public String messageKey() {
			return messageKey;
		}
	}

	/** Checks a text against every {@link Rule}. */
	class Validator implements ConstraintValidator<PlainText, CharSequence> {

		static final Pattern MARKUP = Pattern.compile("<(?:[/?]?[a-zA-Z]|!)");

		@Override
		public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
			Optional<Rule> broken = problem(value);
			if (broken.isPresent() && broken.get() != Rule.MARKUP) {
				context.disableDefaultConstraintViolation();
				context.buildConstraintViolationWithTemplate("{" + broken.get().messageKey() + "}")
					.addConstraintViolation();
			}
			return broken.isEmpty();
		}

		/** The same check for code that validates without Bean Validation (services, imports, the API). */
		public static boolean isPlain(CharSequence value) {
			return problem(value).isEmpty();
		}

		/**
		 * The rule the text breaks, empty if it is plain text (or null). Characters come first: a NUL inside a
		 * tag is reported as the NUL, since removing the tag alone would not make the text acceptable.
		 */
		public static Optional<Rule> problem(CharSequence value) {
			if (value == null) {
				return Optional.empty();
			}
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
					return Optional.of(Rule.CONTROL_CHARACTER);
				}
				if (Character.isHighSurrogate(c)) {
					if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
						i++;
						continue;
					}
					return Optional.of(Rule.UNPAIRED_SURROGATE);
				}
				if (Character.isLowSurrogate(c)) {
					return Optional.of(Rule.UNPAIRED_SURROGATE);
				}
			}
			return MARKUP.matcher(value).find() ? Optional.of(Rule.MARKUP) : Optional.empty();
		}

		/**
		 * Adds the problem of a text that is not plain to {@code problems}, tied to {@code field}; returns whether
		 * the text was plain, so callers can skip further checks of a refused text.
		 */
		public static boolean check(List<InvalidInput.Problem> problems, String field, CharSequence value) {
			Optional<Rule> broken = problem(value);
			broken.ifPresent(rule -> problems.add(new InvalidInput.Problem(field, rule.messageKey())));
			return broken.isEmpty();
		}

		/** The problem at {@code field} of a text that {@link #isPlain} refused. */
		public static InvalidInput.Problem problemAt(String field, CharSequence value) {
			return new InvalidInput.Problem(field, problem(value).orElse(Rule.MARKUP).messageKey());
		}

		/** Throws {@link InvalidInput} at {@code field} unless the text is plain. */
		public static void require(String field, CharSequence value) {
			Optional<Rule> broken = problem(value);
			if (broken.isPresent()) {
				throw InvalidInput.of(field, broken.get().messageKey());
			}
		}
	}
}
