package de.leitstand.monitoring.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import de.leitstand.shared.InvalidInput;
import de.leitstand.shared.InvalidInput.Problem;
import de.leitstand.shared.validation.PlainText;

/** The rules for what leads enter; every broken rule is named at its field and nothing is stored. */
final class MonitoringRules {

	static final int TEXT = 4000;

	private static final java.time.format.DateTimeFormatter GERMAN_DATE = java.time.format.DateTimeFormatter
		.ofPattern("dd.MM.yyyy");

	private MonitoringRules() {
	}

	static void check(ReportContent c) {
		List<Problem> problems = new ArrayList<>();
		if (c.overall() == null) {
			problems.add(new Problem("overall", "report.light.required"));
		}
		if (c.scope() == null) {
			problems.add(new Problem("scope", "report.light.required"));
		}
		if (c.time() == null) {
			problems.add(new Problem("time", "report.light.required"));
		}
		if (c.cost() == null) {
			problems.add(new Problem("cost", "report.light.required"));
		}
		if (c.risk() == null) {
			problems.add(new Problem("risk", "report.light.required"));
		}
		if (c.progressPercent() == null) {
			problems.add(new Problem("progressPercent", "report.progress.required"));
		}
		else if (c.progressPercent() < 0 || c.progressPercent() > 100) {
			problems.add(new Problem("progressPercent", "report.progress.range", String.valueOf(c.progressPercent())));
		}
		if (c.summary() == null || c.summary().isBlank()) {
			problems.add(new Problem("summary", "report.summary.required"));
		}
		text(problems, "summary", c.summary());
		text(problems, "achievements", c.achievements());
		text(problems, "nextSteps", c.nextSteps());
		text(problems, "decisionNeeded", c.decisionNeeded());
		if (c.actualCosts() != null) {
			c.actualCosts().forEach((year, amount) -> {
				if (year == null || year < 2000 || year > 2100) {
					problems.add(new Problem("actualCosts", "report.cost.year", String.valueOf(year)));
				}
				else if (amount != null && amount.compareTo(BigDecimal.ZERO) < 0) {
					problems.add(new Problem("actualCosts", "report.cost.negative", String.valueOf(year)));
				}
			});
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
	}

	static void checkMilestone(String title, LocalDate planned, LocalDate forecast, LocalDate actual,
			LocalDate today) {
		List<Problem> problems = new ArrayList<>();
		if (title == null || title.isBlank()) {
			problems.add(new Problem("title", "milestone.title.required"));
		}
		else if (title.length() > 300) {
			problems.add(new Problem("title", "monitoring.text.tooLong", "300"));
		}
		else {
			PlainText.Validator.check(problems, "title", title);
		}
		if (planned == null) {
			problems.add(new Problem("planned", "milestone.planned.required"));
		}
		if (actual != null && actual.isAfter(today)) {
			problems.add(new Problem("actual", "milestone.actual.future", GERMAN_DATE.format(actual),
					GERMAN_DATE.format(today)));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
	}

	static void checkRisk(String title, Integer probability, Integer impact, String owner, String mitigation) {
		List<Problem> problems = new ArrayList<>();
		required(problems, "title", title, 300);
		required(problems, "owner", owner, 200);
		text(problems, "mitigation", mitigation);
		scale(problems, "probability", probability);
		scale(problems, "impact", impact);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
	}

	static void checkIssue(String title, String owner) {
		List<Problem> problems = new ArrayList<>();
		required(problems, "title", title, 300);
		required(problems, "owner", owner, 200);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
	}

	static void checkCycle(String label, ReportingCycle.Cadence cadence, LocalDate periodEnd, LocalDate dueDate,
			LocalDate today) {
		List<Problem> problems = new ArrayList<>();
		required(problems, "label", label, 100);
		if (cadence == null) {
			problems.add(new Problem("cadence", "cycle.cadence.required"));
		}
		if (periodEnd == null) {
			problems.add(new Problem("periodEnd", "cycle.periodEnd.required"));
		}
		if (dueDate == null) {
			problems.add(new Problem("dueDate", "cycle.dueDate.required"));
		}
		else if (dueDate.isBefore(today)) {
			problems.add(new Problem("dueDate", "cycle.dueDate.past"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
	}

	private static void scale(List<Problem> problems, String field, Integer value) {
		if (value == null) {
			problems.add(new Problem(field, "risk.scale.required"));
		}
		else if (value < 1 || value > 5) {
			problems.add(new Problem(field, "risk.scale", String.valueOf(value)));
		}
	}

	private static void required(List<Problem> problems, String field, String value, int max) {
		if (value == null || value.isBlank()) {
			problems.add(new Problem(field, "monitoring.required"));
		}
		else if (value.length() > max) {
			problems.add(new Problem(field, "monitoring.text.tooLong", String.valueOf(max)));
		}
		else {
			PlainText.Validator.check(problems, field, value);
		}
	}

	private static void text(List<Problem> problems, String field, String value) {
		if (value != null && value.length() > TEXT) {
			problems.add(new Problem(field, "monitoring.text.tooLong", String.valueOf(TEXT)));
		}
		else {
			PlainText.Validator.check(problems, field, value);
		}
	}
}
