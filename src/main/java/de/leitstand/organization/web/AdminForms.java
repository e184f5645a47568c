package de.leitstand.organization.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;

import de.leitstand.organization.OrgUnitView;
import de.leitstand.organization.internal.FormRejected;
import de.leitstand.shared.RuleViolation;
import de.leitstand.shared.web.Option;

/** Small helpers the admin controllers share: rule violations as field errors, and the org unit options. */
final class AdminForms {

	// Two no-break spaces per level, so that the tree shows in a select without markup.
	private static final String INDENT = "\u00A0\u00A0\u00A0";

	private AdminForms() {
	}

	static void reject(BindingResult result, FormRejected rejected) {
		for (RuleViolation violation : rejected.violations()) {
			if (violation.field() == null) {
				result.reject(violation.messageKey(), violation.arguments(), null);
			}
			else {
				result.rejectValue(violation.field(), violation.messageKey(), violation.arguments(), null);
			}
		}
	}

	static List<Option> unitOptions(List<OrgUnitView> tree, MessageSource messages, Locale locale) {
		List<Option> options = new ArrayList<>();
		for (OrgUnitView unit : tree) {
			String label = INDENT.repeat(unit.depth()) + unit.code() + " – " + unit.name();
			if (!unit.active()) {
				label += " " + messages.getMessage("admin.orgUnit.inactiveSuffix", null, locale);
			}
			options.add(new Option(unit.id().toString(), label));
		}
		return options;
	}
}
