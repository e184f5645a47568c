package de.leitstand.portfolio.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import de.leitstand.organization.OrgUnitDirectory;
import de.leitstand.organization.OrgUnitView;
import de.leitstand.portfolio.AiRiskClass;
import de.leitstand.portfolio.Contribution;
import de.leitstand.portfolio.MaturityModel;
import de.leitstand.portfolio.ProjectProfile;
import de.leitstand.portfolio.ProjectStatus;
import de.leitstand.portfolio.ProjectType;
import de.leitstand.strategy.StrategyCatalog;
import de.leitstand.strategy.StrategyCatalog.FieldSummary;
import de.leitstand.strategy.StrategyCatalog.GoalSummary;

/**
 * Builds example portfolios: the labelled demo portfolio of about 200 projects modelled on what the city reports
 * (with a few near-duplicates across offices), and large synthetic portfolios for benchmarks. Deterministic for a
 * given seed.
 */
@Component
public class PortfolioGenerator {

	/** Hand-written projects: title, description, lead office, goal codes, tags, AI risk class or null. */
	record Seed(String title, String description, String unit, String goals, String tags, AiRiskClass ai) {
	}

	static final List<Seed> SEEDS = List.of(
			new Seed("eBauantrag – Bauantrag digital einreichen",
					"Bauanträge werden vollständig online gestellt, geprüft und beschieden; Beteiligung der Fachämter im digitalen Umlaufverfahren.",
					"AMT-63", "Z3.1 Z1.1", "OZG Bauen", null),
			new Seed("Familiencard online", "Beantragung und Verlängerung der Familiencard als Online-Dienst mit digitalem Nachweis.",
					"AMT-51", "Z3.1 Z3.2", "OZG Familie", null),
			new Seed("Lernmanagementsystem für alle Schulen",
					"Einführung eines gemeinsamen Lernmanagementsystems für Unterricht, Hausaufgaben und Kommunikation an städtischen Schulen.",
					"AMT-40", "Z4.2 Z1.2", "Bildung Plattform", null),
			new Seed("Online-Anmeldung zur Eheschließung",
					"Paare melden die Eheschließung online an, laden Unterlagen hoch und buchen den Trautermin.", "AMT-34",
					"Z3.1", "OZG Standesamt", null),
			new Seed("Relaunch des Beteiligungsportals",
					"Neues Portal für Bürgerbeteiligung mit barrierefreier Oberfläche, Kommentarfunktion und Ergebnisberichten.",
					"AMT-10", "Z3.2 Z4.2", "Beteiligung Open Source", null),
			new Seed("Relaunch des Ratsinformationssystems",
					"Ablösung des Ratsinformationssystems: Sitzungsunterlagen, Beschlüsse und Anfragen digital für Gemeinderat und Öffentlichkeit.",
					"AMT-10", "Z1.1 Z4.3", "Gremien Open Data", null),
			new Seed("Online-Terminvereinbarung in den Bürgerbüros",
					"Termine in allen Bürgerbüros online buchen, mit Erinnerung per E-Mail und Wartelistenfunktion.", "AMT-33",
					"Z3.3 Z3.2", "Termine Bürgerservice", null),
			new Seed("Videoberatung im Bürgerservice",
					"Beratungsgespräche per Video statt Vorsprache vor Ort, mit sicherer Identifizierung und Dokumentenaustausch.",
					"AMT-33", "Z3.3", "Video Bürgerservice", null),
			new Seed("Handyparken im gesamten Stadtgebiet",
					"Parkgebühren an allen Parkscheinautomaten auch per App bezahlen; Anbindung mehrerer Anbieter.", "AMT-66",
					"Z5.2", "Mobilität", null),
			new Seed("Kita-Platzvergabe online",
					"Eltern suchen Kita-Plätze zentral online, melden Bedarf an und erhalten Zusagen digital.", "AMT-51",
					"Z3.1 Z3.2", "OZG Familie Kita", null),
			new Seed("Einführung der E-Akte in allen Ämtern",
					"Schrittweise Einführung der elektronischen Akte mit Dokumentenmanagement und revisionssicherer Ablage.",
					"AMT-17", "Z1.1 Z1.3", "E-Akte", null),
			new Seed("Digitaler Posteingang mit Scanzentrum",
					"Papierpost wird zentral gescannt, klassifiziert und digital an die Sachbearbeitung verteilt.", "AMT-17",
					"Z1.3 Z1.1", "E-Akte Posteingang", null),
			new Seed("KI-Assistent für Bürgeranfragen",
					"Ein KI-gestützter Chatbot beantwortet häufige Fragen zu Verwaltungsleistungen rund um die Uhr und leitet an Mitarbeitende weiter.",
					"AMT-17", "Z4.1 Z3.2", "KI Chatbot", AiRiskClass.LIMITED),
			new Seed("KI-gestützte Klassifizierung des Posteingangs",
					"Eingehende Schreiben werden mit KI automatisch dem zuständigen Sachgebiet zugeordnet.", "AMT-17",
					"Z4.1 Z1.1", "KI E-Akte", AiRiskClass.MINIMAL),
			new Seed("Urbane Datenplattform", "Aufbau einer Datenplattform für Sensordaten, Geodaten und Fachdaten der Stadt.",
					"AMT-17", "Z5.1 Z4.3", "Smart City Daten", null),
			new Seed("Relaunch des Open-Data-Portals",
					"Neues Open-Data-Portal mit Schnittstellen, Metadaten nach DCAT-AP.de und regelmäßigen Veröffentlichungen.",
					"AMT-17", "Z4.3", "Open Data", null),
			new Seed("Wohngeld digital beantragen", "Wohngeldanträge online mit Nachweis-Upload und digitaler Bescheidzustellung.",
					"AMT-50", "Z3.1", "OZG Soziales", null),
			new Seed("Bildung und Teilhabe online",
					"Leistungen für Bildung und Teilhabe digital beantragen und abrechnen.", "AMT-50", "Z3.1 Z3.2",
					"OZG Soziales Familie", null),
			new Seed("WLAN an allen Schulen", "Flächendeckende WLAN-Ausleuchtung aller Schulgebäude mit zentraler Verwaltung.",
					"AMT-40", "Z2.1", "Bildung Infrastruktur", null),
			new Seed("Geräteverwaltung für Schul-Tablets",
					"Zentrales Mobile-Device-Management für Tablets und Laptops an Schulen.", "AMT-40", "Z2.3 Z2.2",
					"Bildung Infrastruktur", null),
			new Seed("Digitale Gewerbeanmeldung", "Gewerbe an-, um- und abmelden als Online-Dienst mit Weiterleitung an Kammern.",
					"AMT-32", "Z3.1", "OZG Wirtschaft", null),
			new Seed("Digitaler Bewohnerparkausweis",
					"Bewohnerparkausweise online beantragen, bezahlen und digital kontrollieren.", "AMT-32", "Z3.1 Z5.2",
					"OZG Mobilität", null),
			new Seed("Sensorbasierte Füllstandsmessung von Abfallbehältern",
					"Sensoren melden den Füllstand öffentlicher Abfallbehälter; Touren werden bedarfsgerecht geplant.",
					"EB-AWS", "Z5.1 Z5.3", "Smart City Sensorik", null),
			new Seed("Sperrmüll online anmelden", "Sperrmüllabholung online beantragen und Termin wählen.", "EB-AWS", "Z3.1",
					"OZG Abfall", null),
			new Seed("Online-Ticketing für die Bäder", "Eintrittskarten und Kurse der Bäder online buchen.", "EB-BB", "Z3.1",
					"Freizeit", null),
			new Seed("Digitale Personalakte", "Personalakten aller Beschäftigten elektronisch führen.", "AMT-10", "Z1.1",
					"E-Akte Personal", null),
			new Seed("E-Rechnung im Rechnungseingang",
					"Elektronische Rechnungen nach XRechnung annehmen, prüfen und digital freigeben.", "AMT-20", "Z1.1 Z1.3",
					"Finanzen", null),
			new Seed("Ablösung der Haushaltsplanungssoftware", "Neues Verfahren für Haushaltsplanung und Mittelbewirtschaftung.",
					"AMT-20", "Z2.3", "Finanzen Fachverfahren", null),
			new Seed("Geoportal und digitales Liegenschaftskataster",
					"Geodaten der Stadt in einem Portal bereitstellen und mit dem Liegenschaftskataster verknüpfen.", "AMT-61",
					"Z5.1 Z4.3", "Geodaten Open Data", null),
			new Seed("Digitaler Zwilling der Stadt",
					"3D-Stadtmodell als digitaler Zwilling für Planung, Klimaanpassung und Bürgerbeteiligung.", "AMT-61",
					"Z5.1 Z4.2", "Smart City Geodaten", null),
			new Seed("Digitale Baustellenkoordination",
					"Baustellen im öffentlichen Raum digital planen und koordinieren, Konflikte früh erkennen.", "AMT-66",
					"Z5.2", "Mobilität", null),
			new Seed("Informationssicherheitsmanagementsystem (ISMS)",
					"Aufbau eines ISMS nach BSI IT-Grundschutz für alle Fachverfahren.", "AMT-17", "Z2.2", "Sicherheit", null),
			new Seed("Modernisierung des Rechenzentrums", "Erneuerung von Server-, Speicher- und Netzinfrastruktur.", "AMT-17",
					"Z2.1 Z2.3", "Infrastruktur", null),
			new Seed("Moderner Arbeitsplatz mit Collaboration-Plattform",
					"Einheitliche Plattform für Chat, Videokonferenz und gemeinsames Arbeiten an Dokumenten.", "AMT-17",
					"Z1.2 Z2.3", "Arbeitsplatz Open Source", null),
			new Seed("Qualifizierungsprogramm Digitalkompetenz",
					"Grundqualifizierung aller Beschäftigten in digitaler Arbeit, Datenschutz und Informationssicherheit.",
					"AMT-10", "Z1.2", "Qualifizierung", null),
			new Seed("Luftqualitätsmessnetz", "Dichtes Messnetz für Luftschadstoffe mit offenen Echtzeitdaten.", "AMT-36",
					"Z5.1 Z5.3", "Umwelt Sensorik Open Data", null),
			new Seed("Energiemonitoring städtischer Gebäude",
					"Verbrauchsdaten aller städtischen Gebäude automatisch erfassen und auswerten.", "AMT-23", "Z5.3",
					"Klima Energie", null),
			new Seed("Digitale Ausländerbehörde", "Aufenthaltstitel online beantragen und Termine digital steuern.", "AMT-32",
					"Z3.1 Z3.3", "OZG Migration", null),
			new Seed("Ablösung des Jugendhilfe-Fachverfahrens",
					"Neues Fachverfahren für die Jugendhilfe mit Schnittstellen zu Leistungserbringern.", "AMT-51", "Z2.3",
					"Fachverfahren Jugend", null),
			new Seed("Innovationslabor der Stadtverwaltung",
					"Ein Labor, in dem Ämter neue digitale Lösungen mit Bürgerinnen und Bürgern erproben.", "AMT-17", "Z4.2",
					"Innovation", null),
			new Seed("KI-Übersetzung von Bescheiden in Leichte Sprache",
					"Pilot: Bescheide werden mit KI in Leichte Sprache übertragen und von Fachleuten geprüft.", "AMT-17",
					"Z4.1 Z3.2", "KI Barrierefreiheit", AiRiskClass.LIMITED),
			new Seed("Digitale Schulanmeldung", "Anmeldung an weiterführenden Schulen online mit Platzvergabe.", "AMT-40",
					"Z3.1", "OZG Bildung", null),
			new Seed("Hundesteuer online", "An- und Abmeldung zur Hundesteuer als Online-Dienst.", "AMT-20", "Z3.1",
					"OZG Steuern", null),
			new Seed("Digitale Sitzungsverwaltung der Bezirksbeiräte",
					"Einladungen, Unterlagen und Protokolle der Bezirksbeiräte digital.", "AMT-10", "Z1.1 Z1.3", "Gremien",
					null),
			// Near-duplicates across offices: the intake should point at the projects above.
			new Seed("Online-Terminbuchung im Standesamt",
					"Termine im Standesamt online buchen, mit Erinnerung per E-Mail und Warteliste.", "AMT-34", "Z3.3",
					"Termine", null),
			new Seed("Digitaler Antrag auf einen Kita-Platz",
					"Eltern beantragen einen Kita-Platz online und erhalten die Zusage digital.", "AMT-50", "Z3.1",
					"Kita Familie", null),
			new Seed("Chatbot für Fragen zum Baurecht",
					"Ein KI-Chatbot beantwortet häufige Fragen zu Bauanträgen rund um die Uhr.", "AMT-63", "Z4.1 Z3.2",
					"KI Chatbot Bauen", AiRiskClass.LIMITED),
			new Seed("Sensoren für freie Parkplätze",
					"Sensoren erfassen freie Parkplätze und melden sie an eine App zur Parkplatzsuche.", "AMT-66", "Z5.2 Z5.1",
					"Mobilität Sensorik", null));

	/** Administrative services turned into "online service" projects to round the demo up to ~200 projects. */
	static final String[][] SERVICES = { { "Meldebescheinigung", "AMT-33" }, { "Anwohnerparkausweis", "AMT-32" },
			{ "Sondernutzungserlaubnis", "AMT-66" }, { "Fischereischein", "AMT-32" }, { "Gaststättenerlaubnis", "AMT-32" },
			{ "Baumfällgenehmigung", "AMT-36" }, { "Veranstaltungsgenehmigung", "AMT-32" },
			{ "Plakatierungsgenehmigung", "AMT-66" }, { "Grabnutzungsrecht", "AMT-36" },
			{ "Wohnberechtigungsschein", "AMT-50" }, { "Kindertagespflege", "AMT-51" }, { "Beistandschaft", "AMT-51" },
			{ "Unterhaltsvorschuss", "AMT-51" }, { "Elternbeitragsermäßigung", "AMT-51" },
			{ "Schülerbeförderung", "AMT-40" }, { "Bibliotheksausweis", "AMT-40" }, { "Musikschulanmeldung", "AMT-40" },
			{ "Sportstättenbelegung", "EB-BB" }, { "Taxikonzession", "AMT-32" }, { "Parkerleichterung", "AMT-32" },
			{ "Halteverbotszone", "AMT-66" }, { "Abfallgebührenbescheid", "EB-AWS" }, { "Grundsteuerauskunft", "AMT-20" },
			{ "Reisegewerbekarte", "AMT-32" }, { "Wohnsitzabmeldung ins Ausland", "AMT-33" },
			{ "Auskunft aus dem Melderegister", "AMT-33" }, { "Namensänderung", "AMT-34" },
			{ "Geburtsurkunde", "AMT-34" }, { "Sterbeurkunde", "AMT-34" }, { "Kirchenaustritt", "AMT-34" },
			{ "Zweckentfremdungsgenehmigung", "AMT-61" }, { "Denkmalschutzrechtliche Genehmigung", "AMT-63" },
			{ "Abgeschlossenheitsbescheinigung", "AMT-63" }, { "Baulastenauskunft", "AMT-63" },
			{ "Grundstücksbewertung", "AMT-23" }, { "Wohnraumförderung", "AMT-61" }, { "Hilfe zur Pflege", "AMT-50" },
			{ "Blindenhilfe", "AMT-50" }, { "Schwerbehindertenausweis", "AMT-50" }, { "Spielplatzpatenschaft", "AMT-66" },
			{ "Straßenreinigungsgebühr", "EB-AWS" }, { "Containerstellplatz", "AMT-66" },
			{ "Lebensmittelunbedenklichkeit", "AMT-32" }, { "Feuerstättenschau-Meldung", "AMT-36" },
			{ "Hausnummernvergabe", "AMT-61" } };

	static final String[] VARIANTS = { "Online-Dienst %s", "Ende-zu-Ende-Digitalisierung %s",
			"Digitale Sachbearbeitung %s", "Elektronische Bescheidzustellung %s" };

	private final OrgUnitDirectory units;
	private final StrategyCatalog strategy;
	private final ProjectService service;
	private final ProfileRules rules;
	private final Projects projects;
	private final ProjectTransitions transitions;
	private final EntityManager entityManager;
	private final TransactionTemplate tx;

	PortfolioGenerator(OrgUnitDirectory units, StrategyCatalog strategy, ProjectService service, ProfileRules rules,
			Projects projects, ProjectTransitions transitions, EntityManager entityManager, TransactionTemplate tx) {
		this.units = units;
		this.strategy = strategy;
		this.service = service;
		this.rules = rules;
		this.projects = projects;
		this.transitions = transitions;
		this.entityManager = entityManager;
		this.tx = tx;
	}

	/** The labelled demo portfolio (about 200 projects). */
	public int demoPortfolio() {
		Context context = context(new Random(2025));
		int count = 0;
		List<Project> created = new ArrayList<>();
		for (Seed seed : SEEDS) {
			created.add(tx.execute(s -> create(context, seed.title(), seed.description(), seed.unit(),
					seed.goals().split(" "), seed.tags().split(" "), seed.ai(), null, false)));
			count++;
		}
		outer: for (String variant : VARIANTS) {
			for (String[] service : SERVICES) {
				if (count >= 200) {
					break outer;
				}
				String title = String.format(variant, service[0]);
				String description = "Die Leistung „" + service[0] + "“ wird "
						+ (variant.startsWith("Online") ? "als Online-Dienst angeboten" : "durchgängig digital bearbeitet")
						+ " – vom Antrag bis zum Bescheid.";
				created.add(tx.execute(s -> create(context, title, description, service[1],
						new String[] { "Z3.1" }, new String[] { "OZG" }, null, service[0], true)));
				count++;
			}
		}
		linkDependencies(created, context.random);
		return count;
	}

	/** A synthetic portfolio of {@code n} projects for benchmarks, committed in batches. */
	public int synthetic(int n, long seed) {
		Context context = context(new Random(seed));
		int batch = 200;
		for (int done = 0; done < n; done += batch) {
			int size = Math.min(batch, n - done);
			int offset = done;
			tx.executeWithoutResult(s -> {
				for (int i = 0; i < size; i++) {
					int k = offset + i;
					String[] service = SERVICES[k % SERVICES.length];
					Seed base = SEEDS.get(k % SEEDS.size());
					String title = (k % 2 == 0 ? base.title() : String.format(VARIANTS[k % VARIANTS.length], service[0]))
							+ " (" + (k + 1) + ")";
					create(context, title, base.description(), k % 2 == 0 ? base.unit() : service[1],
							base.goals().split(" "), base.tags().split(" "), base.ai(), null, true);
				}
				entityManager.flush();
				entityManager.clear();
			});
		}
		return n;
	}

	private record Context(Random random, Map<String, UUID> unitIds, Map<String, GoalSummary> goals,
			List<UUID> bundleIds, List<OrgUnitView> offices) {
	}

	private Context context(Random random) {
		Map<String, UUID> unitIds = new HashMap<>();
		List<OrgUnitView> offices = new ArrayList<>();
		for (OrgUnitView unit : units.tree()) {
			unitIds.put(unit.code(), unit.id());
			if (unit.depth() == 1) {
				offices.add(unit);
			}
		}
		Map<String, GoalSummary> goals = new HashMap<>();
		List<UUID> bundles = new ArrayList<>();
		for (FieldSummary field : strategy.activeFields()) {
			field.goals().forEach(g -> goals.put(g.code(), g));
			field.bundles().forEach(b -> bundles.add(b.id()));
		}
		return new Context(random, unitIds, goals, bundles, offices);
	}

	private Project create(Context c, String title, String description, String unitCode, String[] goalCodes,
			String[] tags, AiRiskClass ai, String serviceName, boolean mayBeDraft) {
		Random r = c.random();
		UUID lead = c.unitIds().getOrDefault(unitCode, c.offices().get(r.nextInt(c.offices().size())).id());
		int startYear = 2024 + r.nextInt(4);
		int years = 1 + r.nextInt(4);
		LocalDate start = LocalDate.of(startYear, 1 + r.nextInt(12), 1);
		LocalDate end = start.plusMonths(6 + r.nextInt(years * 12));
		List<ProjectProfile.CostPlan> costs = new ArrayList<>();
		List<ProjectProfile.EffortPlan> efforts = new ArrayList<>();
		for (int y = start.getYear(); y <= end.getYear(); y++) {
			costs.add(new ProjectProfile.CostPlan(y, BigDecimal.valueOf(10_000L * (1 + r.nextInt(60))),
					BigDecimal.valueOf(5_000L * r.nextInt(20))));
			efforts.add(new ProjectProfile.EffortPlan(lead, y, BigDecimal.valueOf(20 + r.nextInt(200))));
		}
		Map<UUID, Contribution> goals = new HashMap<>();
		for (int i = 0; i < goalCodes.length; i++) {
			GoalSummary goal = c.goals().get(goalCodes[i]);
			if (goal != null) {
				goals.put(goal.id(), i == 0 ? Contribution.HIGH : Contribution.values()[1 + r.nextInt(2)]);
			}
		}
		Set<UUID> bundles = new LinkedHashSet<>();
		if (!c.bundleIds().isEmpty() && r.nextInt(3) > 0) {
			bundles.add(c.bundleIds().get(r.nextInt(c.bundleIds().size())));
		}
		Set<String> tagSet = new LinkedHashSet<>(List.of(tags));
		if (ai != null) {
			tagSet.add("KI");
		}
		List<ProjectProfile.OnlineService> services = new ArrayList<>();
		if (serviceName != null || tagSet.contains("OZG")) {
			int model = r.nextInt(2);
			MaturityModel m = model == 0 ? MaturityModel.OZG_2017 : MaturityModel.MODEL_2025;
			int current = r.nextInt(3);
			services.add(new ProjectProfile.OnlineService("99" + String.format("%012d", Math.abs(title.hashCode())),
					serviceName == null ? title : serviceName, m, current, Math.min(m.maxLevel(), current + 1 + r.nextInt(3))));
		}
		// The hand-written examples are never drafts, so every office sees them (and the intake finds them).
		ProjectStatus status = pickStatus(r);
		while (!mayBeDraft && status == ProjectStatus.IDEA) {
			status = pickStatus(r);
		}
		boolean published = status.ordinal() >= ProjectStatus.APPROVED.ordinal() && status != ProjectStatus.REJECTED
				&& r.nextInt(10) < 7;
		boolean funded = r.nextInt(6) == 0;
		ProjectProfile profile = new ProjectProfile(title, description,
				"Beispieldaten: Heute ist das Verfahren papiergebunden, langsam und für Bürgerinnen und Bürger schwer nachzuvollziehen.",
				"Beispieldaten: kürzere Durchlaufzeiten, weniger Papier, bessere Erreichbarkeit.",
				r.nextInt(8) == 0 ? ProjectType.QUICK_WIN : r.nextInt(8) == 0 ? ProjectType.CONTINUOUS_TASK : ProjectType.PROJECT,
				lead, Set.of(), "Projektleitung (Beispiel)", null, start, end, costs, efforts,
				funded ? "Förderprogramm Digitale Kommune (Beispiel)" : null, funded ? BigDecimal.valueOf(50) : null,
				goals, bundles, services, tagSet, ai != null,
				ai == null ? null : "Beispieldaten: Unterstützung der Sachbearbeitung; Entscheidungen trifft ein Mensch.", ai,
				Set.of(), published, published ? title : null,
				published ? "Die Stadt digitalisiert: " + description : null);
		Map<UUID, UUID> fields = rules.check(profile);
		Instant created = Instant.parse("2024-01-15T09:00:00Z").plusSeconds(3600L * 24 * r.nextInt(600));
		Project project = new Project(String.format("P-%04d", projects.nextNumber()), title, description,
				profile.type(), lead, "portfolio", created);
		service.apply(project, profile, fields);
		project.markExampleData();
		projects.save(project);
		walkTo(project, status, created);
		return project;
	}

	private static ProjectStatus pickStatus(Random r) {
		int x = r.nextInt(100);
		if (x < 14) {
			return ProjectStatus.IDEA;
		}
		if (x < 24) {
			return ProjectStatus.SUBMITTED;
		}
		if (x < 36) {
			return ProjectStatus.IN_REVIEW;
		}
		if (x < 44) {
			return ProjectStatus.APPROVED;
		}
		if (x < 48) {
			return ProjectStatus.DEFERRED;
		}
		if (x < 51) {
			return ProjectStatus.REJECTED;
		}
		if (x < 90) {
			return ProjectStatus.IN_IMPLEMENTATION;
		}
		if (x < 98) {
			return ProjectStatus.COMPLETED;
		}
		return ProjectStatus.CANCELLED;
	}

	private static final Map<ProjectStatus, List<ProjectStatus>> PATHS = Map.of(
			ProjectStatus.IDEA, List.of(),
			ProjectStatus.SUBMITTED, List.of(ProjectStatus.SUBMITTED),
			ProjectStatus.IN_REVIEW, List.of(ProjectStatus.SUBMITTED, ProjectStatus.IN_REVIEW),
			ProjectStatus.APPROVED, List.of(ProjectStatus.SUBMITTED, ProjectStatus.IN_REVIEW, ProjectStatus.APPROVED),
			ProjectStatus.DEFERRED, List.of(ProjectStatus.SUBMITTED, ProjectStatus.IN_REVIEW, ProjectStatus.DEFERRED),
			ProjectStatus.REJECTED, List.of(ProjectStatus.SUBMITTED, ProjectStatus.IN_REVIEW, ProjectStatus.REJECTED),
			ProjectStatus.IN_IMPLEMENTATION, List.of(ProjectStatus.SUBMITTED, ProjectStatus.IN_REVIEW,
					ProjectStatus.APPROVED, ProjectStatus.IN_IMPLEMENTATION),
			ProjectStatus.COMPLETED, List.of(ProjectStatus.SUBMITTED, ProjectStatus.IN_REVIEW, ProjectStatus.APPROVED,
					ProjectStatus.IN_IMPLEMENTATION, ProjectStatus.COMPLETED),
			ProjectStatus.CANCELLED, List.of(ProjectStatus.SUBMITTED, ProjectStatus.IN_REVIEW, ProjectStatus.APPROVED,
					ProjectStatus.IN_IMPLEMENTATION, ProjectStatus.CANCELLED));

	private void walkTo(Project project, ProjectStatus target, Instant start) {
		Instant at = start;
		for (ProjectStatus next : PATHS.get(target)) {
			at = at.plusSeconds(3600L * 24 * 14);
			ProjectStatus from = project.moveTo(next, at);
			transitions.save(new ProjectTransition(project.getId(), from, next, at, "portfolio",
					"Beispieldaten: Schritt im Lebenszyklus"));
		}
	}

	/** A few realistic prerequisites, always from earlier to later projects so no cycle can arise. */
	private void linkDependencies(List<Project> created, Random r) {
		tx.executeWithoutResult(s -> {
			for (int i = 10; i < created.size(); i += 9) {
				Project dependent = projects.findById(created.get(i).getId()).orElseThrow();
				Project prerequisite = projects.findById(created.get(r.nextInt(i)).getId()).orElseThrow();
				dependent.require(List.of(prerequisite));
			}
			// The online services all build on the E-Akte and the data platform.
			Project eAkte = projects.findById(created.get(10).getId()).orElseThrow();
			Project eBau = projects.findById(created.get(0).getId()).orElseThrow();
			eBau.require(List.of(eAkte));
		});
	}
}
