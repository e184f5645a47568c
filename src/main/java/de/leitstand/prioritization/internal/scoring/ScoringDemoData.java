package de.leitstand.prioritization.internal.scoring;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import de.leitstand.organization.UserDirectory;
import de.leitstand.portfolio.ProjectDirectory;
import de.leitstand.portfolio.ProjectSnapshot;
import de.leitstand.portfolio.ProjectStatus;

/**
 * Demo mode: the example scoring model oriented on the federal WiBe method, the demo evaluator assigned to ten
 * proposals in review, and a few complete example ratings (two invented experts) so that the ranking is not empty.
 * Everything is labelled as example data; created once.
 */
@Component
@Order(30)
class ScoringDemoData implements ApplicationRunner {

	static final String MODEL_NAME = "WiBe-orientiertes Bewertungsmodell 2025 (Beispiel)";

	private static final Logger log = LoggerFactory.getLogger(ScoringDemoData.class);

	private final de.leitstand.shared.DemoMode demo;
	private final ScoringModels models;
	private final ScoringModelService service;
	private final Assessments assessments;
	private final BenefitPlans benefits;
	private final ProjectDirectory projects;
	private final UserDirectory users;

	ScoringDemoData(de.leitstand.shared.DemoMode demo, ScoringModels models, ScoringModelService service,
			Assessments assessments, BenefitPlans benefits, ProjectDirectory projects, UserDirectory users) {
		this.demo = demo;
		this.models = models;
		this.service = service;
		this.assessments = assessments;
		this.benefits = benefits;
		this.projects = projects;
		this.users = users;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!demo.isEnabled() || models.count() > 0) {
			return;
		}
		ScoringModel model = service.create(defaultModel());
		service.activateChecked(model);
		int assigned = assessDemoProposals(model);
		log.info("Created the example scoring model and {} example assessments", assigned);
	}

	static ScoringModel defaultModel() {
		ScoringModel m = new ScoringModel(MODEL_NAME, 1, new BigDecimal("3.00"), true);
		CriterionGroup economic = m.addGroup("Wirtschaftlichkeit (monetär)", Dimension.ECONOMIC);
		economic.addCriterion("W1", "Kapitalwert",
				"Beispieldaten: Kapitalwert aus Kostenplan und Nutzenplan, abgezinst mit dem Kalkulationszinssatz "
						+ "des Modells; 0 € Kapitalwert = 50 Punkte.",
				new BigDecimal("20"), CriterionKind.DERIVED, Derivation.ECONOMIC_VALUE, List.of());

		CriterionGroup urgency = m.addGroup("Dringlichkeit", Dimension.URGENCY);
		urgency.addCriterion("D1", "Rechtliche Verpflichtung (z. B. Onlinezugangsgesetz)",
				"Beispieldaten: Wie zwingend verlangt ein Gesetz oder eine Verordnung das Vorhaben?", new BigDecimal("10"),
				CriterionKind.RATED, null, scale("keine rechtliche Verpflichtung",
						"Empfehlung oder politische Zielvorgabe", "Verpflichtung ohne festen Termin",
						"Verpflichtung mit Termin in mehr als zwei Jahren",
						"Verpflichtung mit Termin in den nächsten zwei Jahren oder bereits überschritten"));
		urgency.addCriterion("D2", "Ablösung eines Altsystems (Ende der Unterstützung)",
				"Beispieldaten: Läuft die Herstellerunterstützung eines bestehenden Verfahrens aus?",
				new BigDecimal("10"), CriterionKind.RATED, null, scale("kein Altsystem betroffen",
						"Altsystem wird noch mehr als fünf Jahre unterstützt",
						"Unterstützung endet in drei bis fünf Jahren", "Unterstützung endet in ein bis zwei Jahren",
						"Unterstützung endet in weniger als einem Jahr oder ist bereits beendet"));
		urgency.addCriterion("D3", "Informationssicherheit",
				"Beispieldaten: Beseitigt das Vorhaben Sicherheitsmängel oder erfüllt es Sicherheitsauflagen?",
				new BigDecimal("10"), CriterionKind.RATED, null, scale("kein Sicherheitsbezug",
						"geringe Verbesserung", "spürbare Verbesserung", "beseitigt erhebliche Mängel",
						"beseitigt kritische Mängel oder erfüllt zwingende Auflagen"));

		CriterionGroup strategic = m.addGroup("Strategischer und qualitativer Nutzen", Dimension.QUALITATIVE);
		strategic.addCriterion("S1", "Beitrag zu den strategischen Zielen",
				"Beispieldaten: Aus den Zielverknüpfungen des Projekts abgeleitet (hoch 3, mittel 2, gering 1 Punkt; "
						+ "6 Punkte = 100).",
				new BigDecimal("15"), CriterionKind.DERIVED, Derivation.STRATEGIC_VALUE, List.of());
		strategic.addCriterion("S2", "Qualität und Effizienz der Arbeit in der Verwaltung",
				"Beispieldaten: Schnellere, fehlerärmere, medienbruchfreie Abläufe.", new BigDecimal("10"),
				CriterionKind.RATED, null, scale("keine Verbesserung", "geringe Verbesserung in einem Amt",
						"deutliche Verbesserung in einem Amt", "deutliche Verbesserung in mehreren Ämtern",
						"grundlegende Verbesserung stadtweit"));

		CriterionGroup external = m.addGroup("Externe Effekte für Bürgerschaft und Wirtschaft", Dimension.EXTERNAL);
		external.addCriterion("E1", "Nutzen für Bürgerinnen, Bürger und Unternehmen",
				"Beispieldaten: Zeitersparnis, Barrierefreiheit, Erreichbarkeit rund um die Uhr.",
				new BigDecimal("15"), CriterionKind.RATED, null, scale("kein spürbarer Nutzen",
						"geringer Nutzen für wenige", "spürbarer Nutzen für eine Zielgruppe",
						"großer Nutzen für viele", "sehr großer Nutzen für die ganze Stadtgesellschaft"));

		CriterionGroup risk = m.addGroup("Risiko und Umsetzbarkeit", Dimension.RISK);
		risk.addCriterion("R1", "Umsetzbarkeit (geringes Risiko = hohe Punktzahl)",
				"Beispieldaten: Reife der Technik, Personal, Abhängigkeiten, Beschaffung.", new BigDecimal("10"),
				CriterionKind.RATED, null, scale("sehr hohes Risiko, Umsetzung fraglich", "hohes Risiko",
						"mittleres Risiko", "geringes Risiko", "sehr geringes Risiko, erprobte Lösung"));
		return m;
	}

	private static List<ScaleLevel> scale(String... texts) {
		return java.util.stream.IntStream.range(0, texts.length).mapToObj(i -> new ScaleLevel(i, texts[i])).toList();
	}

	private int assessDemoProposals(ScoringModel model) {
		if (users.findByUsername("evaluator").isEmpty()) {
			return 0;
		}
		String evaluatorName = users.findByUsername("evaluator").get().displayName();
		List<ProjectSnapshot> inReview = projects.asSystem().inStatus(EnumSet.of(ProjectStatus.IN_REVIEW)).stream()
			.filter(ProjectSnapshot::exampleData).limit(10).toList();
		List<Criterion> rated = model.criteria().stream().filter(Criterion::isRated).toList();
		int count = 0;
		for (int i = 0; i < inReview.size(); i++) {
			ProjectSnapshot p = inReview.get(i);
			benefits.save(examplePlan(p, i));
			Assessment own = new Assessment(model.getId(), p.id(), "evaluator", evaluatorName, "portfolio", true);
			if (i < 3) {
				rateAll(own, rated, i, 0);
			}
			assessments.save(own);
			count++;
			if (i < 5) {
				Assessment other = new Assessment(model.getId(), p.id(), "beispiel.gutachten",
						"Beispiel-Gutachterin Finanzen (Beispieldaten)", "portfolio", true);
				// The second project gets a strong disagreement on purpose, to show the flag.
				rateAll(other, rated, i, i == 1 ? 3 : 1);
				assessments.save(other);
				count++;
			}
		}
		return count;
	}

	private static void rateAll(Assessment assessment, List<Criterion> rated, int seed, int shift) {
		for (int k = 0; k < rated.size(); k++) {
			Criterion c = rated.get(k);
			int level = Math.floorMod(seed * 3 + k * 2 + shift, c.maxLevel() + 1);
			assessment.rate(c.getId(), level, "Beispieldaten: Einschätzung „"
					+ c.getLevels().get(level).getDescription() + "“ nach Durchsicht des Steckbriefs.");
		}
		assessment.submit();
	}

	private static BenefitPlan examplePlan(ProjectSnapshot p, int seed) {
		BenefitPlan plan = new BenefitPlan(p.id(), true);
		Map<Integer, BigDecimal> amounts = new LinkedHashMap<>();
		p.costs().forEach(c -> {
			BigDecimal cost = c.investment().add(c.running());
			// Example data: benefits between 40 % and 160 % of the yearly costs, starting one year later.
			BigDecimal factor = BigDecimal.valueOf(40 + (seed * 37 % 120), 2);
			amounts.put(c.year() + 1, cost.multiply(factor).setScale(2, java.math.RoundingMode.HALF_UP));
		});
		plan.replace(amounts);
		return plan;
	}
}
