package de.leitstand.portfolio.internal;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import de.leitstand.organization.OrgUnitDirectory;
import de.leitstand.shared.audit.ValueLabels;
import de.leitstand.strategy.StrategyCatalog;

/**
 * Shows a project's change history with names instead of ids: offices, goals with their contribution, bundles,
 * cost and effort rows.
 */
@Component
class ProjectValueLabels implements ValueLabels {

	private final OrgUnitDirectory units;
	private final StrategyCatalog strategy;
	private final MessageSource messages;

	ProjectValueLabels(OrgUnitDirectory units, StrategyCatalog strategy, MessageSource messages) {
		this.units = units;
		this.strategy = strategy;
		this.messages = messages;
	}

	@Override
	public Optional<String> label(Object value, Locale locale) {
		if (value instanceof UUID id) {
			return units.find(id).map(u -> u.code() + " " + u.name())
				.or(() -> strategy.goal(id).map(g -> g.code() + " " + g.title()))
				.or(() -> strategy.bundle(id).map(b -> b.code() + " " + b.title()));
		}
		if (value instanceof GoalLink link) {
			String goal = strategy.goal(link.goalId()).map(g -> g.code() + " " + g.title())
				.orElse(link.goalId().toString());
			String level = messages.getMessage("enum.Contribution." + link.contribution().name(), null,
					link.contribution().name(), locale);
			return Optional.of(goal + " (" + level + ")");
		}
		if (value instanceof EffortLine effort) {
			String unit = units.find(effort.unitId()).map(u -> u.code()).orElse("?");
			return Optional.of(effort.year() + " " + unit + ": "
					+ NumberFormat.getNumberInstance(locale).format(effort.personDays()) + " PT");
		}
		if (value instanceof CostLine cost) {
			NumberFormat eur = NumberFormat.getCurrencyInstance(Locale.GERMANY);
			return Optional.of(cost.year() + ": " + eur.format(cost.investment()) + " + " + eur.format(cost.running()));
		}
		if (value instanceof Project project) {
			return Optional.of(project.getKey() + " " + project.getTitle());
		}
		return Optional.empty();
	}
}
