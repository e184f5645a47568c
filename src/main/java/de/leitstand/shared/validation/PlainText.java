package de.leitstand.shared.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A text that must not contain HTML markup. Everything is escaped on output anyway; this rejects markup at the
 * door so that nobody stores a {@code <script>} that a later export or e-mail might render.
 */
@Documented
@Constraint(validatedBy = PlainText.Validator.class)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

	String message() default "{validation.plainText}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks a text for tags ({@code <b>}, {@code </p>}, {@code <!--}) while allowing "a < b". */
	class Validator implements ConstraintValidator<PlainText, CharSequence> {

		static final Pattern MARKUP = Pattern.compile("<(?:[/?]?[a-zA-Z]|!)");

		@Override
		public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
			return isPlain(value);
		}

		/** The same check for code that validates without Bean Validation (imports, the API). */
		public static boolean isPlain(CharSequence value) {
			return value == null || !MARKUP.matcher(value).find();
		}
	}
}
