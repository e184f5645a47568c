package de.leitstand.organization.internal;

import java.util.List;

import de.leitstand.shared.RuleViolation;

/**
 * Input that passed the field checks but breaks one or more rules that need the database (a taken code, a cycle in
 * the tree, ...). Nothing has been stored; the web layer puts each violation at its field.
 */
public class FormRejected extends RuntimeException {

	private final transient List<RuleViolation> violations;

	FormRejected(List<RuleViolation> violations) {
		super(violations.stream().map(RuleViolation::messageKey).toList().toString());
		this.violations = List.copyOf(violations);
	}

	public List<RuleViolation> violations() {
		return violations;
	}

	static void throwIfAny(List<RuleViolation> violations) {
		if (!violations.isEmpty()) {
			throw new FormRejected(violations);
		}
	}
}
