package de.leitstand.strategy.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import de.leitstand.shared.DemoMode;
import de.leitstand.strategy.KpiDirection;

/**
 * Demo mode: the published strategy "Digital MoveS" (vision, mission, the five fields of action and AI as a
 * cross-cutting theme are the city's own words) with invented goals, KPIs and bundles, all flagged as example data.
 */
@Component
@Order(10)
class StrategyDemoData implements ApplicationRunner {

	static final String VISION = "einfach.gemeinsam.digital.";
	static final String MISSION = "Digitale Daseinsvorsorge für Alle";
	static final String[] FIELDS = { "Moderne und digitale Verwaltung", "IT und digitale Services",
			"Digitale Bürgerservices", "Innovation und Zukunftsfähigkeit", "Smart City" };

	private final DemoMode demo;
	private final Strategies strategies;
	private final FieldsOfAction fields;
	private final StrategicGoals goals;
	private final Kpis kpis;
	private final MeasureBundles bundles;

	StrategyDemoData(DemoMode demo, Strategies strategies, FieldsOfAction fields, StrategicGoals goals, Kpis kpis,
			MeasureBundles bundles) {
		this.demo = demo;
		this.strategies = strategies;
		this.fields = fields;
		this.goals = goals;
		this.kpis = kpis;
		this.bundles = bundles;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!demo.isEnabled() || strategies.count() > 0) {
			return;
		}
		create2019();
		create2025();
	}

	private void create2019() {
		Strategy s = strategies.save(new Strategy("Digital MoveS 2019", VISION,
				"Beispieldaten: Die Stadtverwaltung macht sich gemeinsam mit den Menschen in der Stadt auf den Weg zu einer modernen digitalen Kommune.",
				null, LocalDate.of(2019, 7, 1), LocalDate.of(2025, 6, 30), true));
		for (int i = 0; i < FIELDS.length; i++) {
			FieldOfAction f = fields.save(new FieldOfAction(s, i + 1, FIELDS[i], null));
			goals.save(new StrategicGoal(f, "Z" + (i + 1) + ".1", "Beispielziel 2019 im Handlungsfeld " + (i + 1),
					null, true));
		}
		s.activate();
		s.archive();
	}

	private void create2025() {
		Strategy s = strategies.save(new Strategy("Digital MoveS – Fortschreibung 2025", VISION, MISSION,
				"Querschnittsthema Künstliche Intelligenz: in allen Handlungsfeldern verantwortungsvoll nutzen",
				LocalDate.of(2025, 7, 1), LocalDate.of(2030, 12, 31), true));
		Map<String, StrategicGoal> byCode = new HashMap<>();
		FieldOfAction f1 = field(s, 1, "Verwaltungsarbeit durchgängig digital, papierarm und kompetent.");
		goal(byCode, f1, "Z1.1", "Verwaltungsvorgänge werden durchgängig elektronisch bearbeitet",
				kpi("Anteil der Ämter mit E-Akte", "%", "35", 2024, "100", 2028, true));
		goal(byCode, f1, "Z1.2", "Beschäftigte verfügen über digitale Grundkompetenzen",
				kpi("Anteil Beschäftigte mit Digital-Grundqualifizierung", "%", "20", 2024, "80", 2027, true));
		goal(byCode, f1, "Z1.3", "Papierverbrauch der Verwaltung sinkt deutlich",
				kpi("Blatt Papier je Beschäftigtem und Jahr", "Blatt", "4200", 2024, "1500", 2028, false));
		bundle(byCode, f1, "M1.1", "E-Akte und digitale Vorgangsbearbeitung", "Z1.1", "Z1.3");
		bundle(byCode, f1, "M1.2", "Qualifizierungsoffensive Digitalkompetenz", "Z1.2");

		FieldOfAction f2 = field(s, 2, "Stabile, sichere und wirtschaftliche IT als Fundament.");
		goal(byCode, f2, "Z2.1", "Zentrale Fachverfahren sind hoch verfügbar",
				kpi("Verfügbarkeit zentraler Fachverfahren", "%", "98.5", 2024, "99.7", 2027, true));
		goal(byCode, f2, "Z2.2", "Informationssicherheit ist in allen Verfahren verankert",
				kpi("Anteil Fachverfahren mit Sicherheitskonzept", "%", "45", 2024, "100", 2028, true));
		goal(byCode, f2, "Z2.3", "Anwendungen laufen auf standardisierten Plattformen",
				kpi("Anteil Anwendungen auf Standardplattformen", "%", "30", 2024, "70", 2029, true));
		bundle(byCode, f2, "M2.1", "Modernisierung der IT-Infrastruktur", "Z2.1", "Z2.3");
		bundle(byCode, f2, "M2.2", "Informationssicherheitsmanagement", "Z2.2");

		FieldOfAction f3 = field(s, 3, "Verwaltungsleistungen einfach, barrierefrei und rund um die Uhr online.");
		goal(byCode, f3, "Z3.1", "Verwaltungsleistungen sind Ende-zu-Ende digital verfügbar",
				kpi("Anzahl online verfügbarer Verwaltungsleistungen", "Anzahl", "200", 2024, "450", 2028, true));
		goal(byCode, f3, "Z3.2", "Bürgerinnen und Bürger sind mit den Online-Diensten zufrieden",
				kpi("Zufriedenheit mit Online-Diensten", "%", "62", 2024, "80", 2028, true));
		goal(byCode, f3, "Z3.3", "Termine in den Bürgerbüros sind schnell zu bekommen",
				kpi("Tage bis zum nächsten freien Termin", "Tage", "21", 2024, "5", 2027, false));
		bundle(byCode, f3, "M3.1", "Online-Dienste und Serviceportal", "Z3.1", "Z3.2");
		bundle(byCode, f3, "M3.2", "Terminvergabe und Videoberatung", "Z3.2", "Z3.3");

		FieldOfAction f4 = field(s, 4, "Neue Technologien erproben, Künstliche Intelligenz verantwortungsvoll nutzen.");
		goal(byCode, f4, "Z4.1", "Künstliche Intelligenz wird verantwortungsvoll und transparent eingesetzt",
				kpi("Produktive KI-Anwendungen im KI-Register", "Anzahl", "3", 2024, "20", 2028, true));
		goal(byCode, f4, "Z4.2", "Eine Innovationskultur prägt die Verwaltung",
				kpi("Pilotprojekte je Jahr", "Anzahl", "4", 2024, "12", 2027, true));
		goal(byCode, f4, "Z4.3", "Daten der Stadt sind offen verfügbar",
				kpi("Veröffentlichte Open-Data-Datensätze", "Anzahl", "120", 2024, "400", 2028, true));
		bundle(byCode, f4, "M4.1", "KI-Kompetenzzentrum und KI-Register", "Z4.1");
		bundle(byCode, f4, "M4.2", "Open Data und Innovationslabor", "Z4.2", "Z4.3");

		FieldOfAction f5 = field(s, 5, "Daten und Vernetzung für eine lebenswerte, klimafreundliche Stadt.");
		goal(byCode, f5, "Z5.1", "Stadtentwicklung stützt sich auf eine urbane Datenplattform",
				kpi("Angebundene Sensordatenquellen", "Anzahl", "15", 2024, "80", 2029, true));
		goal(byCode, f5, "Z5.2", "Digitale Mobilitätsangebote werden breit genutzt",
				kpi("Anteil Parkvorgänge mit Handyparken", "%", "28", 2024, "60", 2028, true));
		goal(byCode, f5, "Z5.3", "Digitalisierung trägt messbar zum Klimaschutz bei",
				kpi("CO2-Einsparung durch digitale Maßnahmen", "t/Jahr", "0", 2024, "5000", 2030, true));
		bundle(byCode, f5, "M5.1", "Urbane Datenplattform", "Z5.1", "Z5.3");
		bundle(byCode, f5, "M5.2", "Digitale Mobilität", "Z5.2");

		s.activate();
	}

	private FieldOfAction field(Strategy s, int number, String description) {
		return fields.save(new FieldOfAction(s, number, FIELDS[number - 1], description));
	}

	private record KpiSeed(String name, String unit, String baseline, int baselineYear, String target,
			int targetYear, boolean higherIsBetter) {
	}

	private static KpiSeed kpi(String name, String unit, String baseline, int baselineYear, String target,
			int targetYear, boolean higherIsBetter) {
		return new KpiSeed(name, unit, baseline, baselineYear, target, targetYear, higherIsBetter);
	}

	private void goal(Map<String, StrategicGoal> byCode, FieldOfAction field, String code, String title,
			KpiSeed seed) {
		StrategicGoal goal = goals.save(new StrategicGoal(field, code, title, null, true));
		byCode.put(code, goal);
		kpis.save(new Kpi(goal, seed.name(), seed.unit(), new BigDecimal(seed.baseline()),
				LocalDate.of(seed.baselineYear(), 12, 31), new BigDecimal(seed.target()),
				LocalDate.of(seed.targetYear(), 12, 31),
				seed.higherIsBetter() ? KpiDirection.HIGHER_IS_BETTER : KpiDirection.LOWER_IS_BETTER));
	}

	private void bundle(Map<String, StrategicGoal> byCode, FieldOfAction field, String code, String title,
			String... goalCodes) {
		MeasureBundle bundle = bundles.save(new MeasureBundle(field, code, title, null, true));
		bundle.serve(new HashSet<>(Arrays.stream(goalCodes).map(byCode::get).toList()));
	}

}
