package de.leitstand.portfolio.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import de.leitstand.organization.OrgUnitDirectory;
import de.leitstand.organization.OrgUnitView;
import de.leitstand.strategy.StrategyCatalog;
import de.leitstand.strategy.StrategyCatalog.FieldSummary;

/**
 * Names for the ids a project refers to (offices, fields of action, goals, bundles), put into the model of every
 * portfolio page so that templates never show a bare id.
 */
@Component
class PortfolioLabels {

	private final OrgUnitDirectory units;
	private final StrategyCatalog strategy;

	PortfolioLabels(OrgUnitDirectory units, StrategyCatalog strategy) {
		this.units = units;
		this.strategy = strategy;
	}

	void addTo(Model model) {
		List<OrgUnitView> tree = units.tree();
		Map<String, String> unitNames = new HashMap<>();
		tree.forEach(u -> unitNames.put(u.id().toString(), u.code() + " " + u.name()));
		List<FieldSummary> fields = strategy.activeFields();
		Map<String, String> fieldNames = new HashMap<>();
		Map<String, String> goalNames = new HashMap<>();
		Map<String, String> bundleNames = new HashMap<>();
		for (FieldSummary f : fields) {
			fieldNames.put(f.id().toString(), f.number() + " " + f.name());
			f.goals().forEach(g -> goalNames.put(g.id().toString(), g.code() + " " + g.title()));
			f.bundles().forEach(b -> bundleNames.put(b.id().toString(), b.code() + " " + b.title()));
		}
		model.addAttribute("orgUnits", tree);
		model.addAttribute("unitNames", unitNames);
		model.addAttribute("strategyFields", fields);
		model.addAttribute("fieldNames", fieldNames);
		model.addAttribute("goalNames", goalNames);
		model.addAttribute("bundleNames", bundleNames);
	}

	static String key(UUID id) {
		return id == null ? "" : id.toString();
	}
}
