package de.leitstand.shared;

/**
 * A domain rule was broken (e.g. an illegal lifecycle transition). Carries a message key so that the page or API
 * can say in the user's language what went wrong; the field names the form field it belongs to, if any.
 */
public class RuleViolation extends RuntimeException {

	private final String messageKey;
	private final String field;
	private final transient Object[] arguments;

	public RuleViolation(String messageKey, String field, Object... arguments) {
		super(messageKey);
		this.messageKey = messageKey;
		this.field = field;
		this.arguments = arguments;
	}

	public String messageKey() {
		return messageKey;
	}

	public String field() {
		return field;
	}

	public Object[] arguments() {
		return arguments;
	}
}
