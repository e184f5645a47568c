package de.leitstand.shared;

import java.util.List;

/**
 * Input that breaks one or more rules, each tied to the field it concerns. Forms show every problem at its
 * field, imports name sheet, row and column, the API answers with problem details listing them all. Nothing is
 * stored when this is thrown.
 */
public class InvalidInput extends RuntimeException {

	private final transient List<Problem> problems;

	public InvalidInput(List<Problem> problems) {
		super(problems.size() + " invalid field(s): " + problems);
		this.problems = List.copyOf(problems);
	}

	public static InvalidInput of(String field, String messageKey, Object... args) {
		return new InvalidInput(List.of(new Problem(field, messageKey, args)));
	}

	public List<Problem> problems() {
		return problems;
	}

	/** One broken rule: the field (a property path such as {@code costs[2].year}), a message key, arguments. */
	public record Problem(String field, String messageKey, Object... args) {

		@Override
		public String toString() {
			return field + ": " + messageKey;
		}
	}
}
