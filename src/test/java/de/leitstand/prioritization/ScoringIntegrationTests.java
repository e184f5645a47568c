package de.leitstand.prioritization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntUnaryOperator;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import de.leitstand.organization.Role;
import de.leitstand.organization.internal.UserAccount;
import de.leitstand.organization.internal.UserAccounts;
import de.leitstand.portfolio.ProjectDirectory;
import de.leitstand.portfolio.ProjectSnapshot;
import de.leitstand.portfolio.ProjectStatus;
import de.leitstand.prioritization.internal.scoring.Assessment;
import de.leitstand.prioritization.internal.scoring.AssessmentStatus;
import de.leitstand.prioritization.internal.scoring.Assessments;
import de.leitstand.prioritization.internal.scoring.Criterion;
import de.leitstand.prioritization.internal.scoring.ScoringModel;
import de.leitstand.prioritization.internal.scoring.ScoringModelService;

/**
 * Scoring as its users meet it: the portfolio office assigns evaluators, they rate with justifications, ratings
 * aggregate with spread and a disagreement flag, the project enters the ranking; nobody else can rate; bad weights
 * and missing justifications are refused with a message and nothing is stored. Each test creates its own evaluator
 * accounts and picks a proposal nobody has assessed yet, so the suite also runs on a shared PostgreSQL database.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ScoringIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	UserAccounts accounts;

	@Autowired
	ProjectDirectory projects;

	@Autowired
	Assessments assessments;

	@Autowired
	ScoringModelService models;

	@Autowired
	ProjectScores scores;

	@Autowired
	TransactionTemplate tx;

	@Test
	void twoEvaluatorsRateAProposalTheirDisagreementIsFlaggedAndTheProposalIsRanked() throws Exception {
		String e1 = newEvaluator();
		String e2 = newEvaluator();
		ProjectSnapshot project = unassessedProposal();
		Assessment a1 = assign(project, e1);
		Assessment a2 = assign(project, e2);

		String mine = mvc.perform(get("/assessments").with(as(e1))).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
		assertThat(mine).contains("Meine Bewertungen", project.key());

		submit(a1, e1, level -> 0, "Kein Bedarf erkennbar");
		submit(a2, e2, level -> level, "Dringend und sehr nützlich");

		String breakdown = mvc.perform(get("/assessments/projects/" + project.key()).with(as("board")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(breakdown).contains("starke Uneinigkeit", "Kein Bedarf erkennbar", "Dringend und sehr nützlich",
				"4 (von 0 bis 4)", "WiBe-Entscheidungsregel");

		ScoreSummary score = scores.scoreOf(project.id()).orElseThrow();
		assertThat(score.disagreement()).isTrue();
		assertThat(score.submittedAssessments()).isEqualTo(2);
		assertThat(score.rank()).isBetween(1, score.rankedAmong());
		// Rated criteria sit at the middle of the scale (mean of 0 and 4), so each adds half its weight.
		ScoreSummary.CriterionScore d1 = score.breakdown().stream().filter(c -> c.code().equals("D1")).findFirst()
			.orElseThrow();
		assertThat(d1.score()).isEqualByComparingTo("50");
		BigDecimal sum = score.breakdown().stream().map(ScoreSummary.CriterionScore::contribution)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(score.total()).isEqualByComparingTo(sum.setScale(1, java.math.RoundingMode.HALF_UP));

		String ranking = mvc.perform(get("/ranking").with(as("portfolio"))).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
		assertThat(ranking).contains(project.key(), "Rangliste");

		// Submitted means frozen for the evaluator.
		mvc.perform(post("/assessments/" + a1.getId()).with(as(e1)).with(csrf())
			.param("version", String.valueOf(assessments.findById(a1.getId()).orElseThrow().getVersion()))
			.param("action", "save")).andExpect(status().is(422));
	}

	@Test
	void onlyTheAssignedEvaluatorRatesAndOnlyThePortfolioOfficeAssigns() throws Exception {
		String e1 = newEvaluator();
		String e2 = newEvaluator();
		ProjectSnapshot project = unassessedProposal();
		Assessment a1 = assign(project, e1);
		for (String other : List.of("lead", "reader", e2)) {
			mvc.perform(post("/assessments/" + a1.getId()).with(as(other)).with(csrf()).param("version", "0")
				.param("action", "save")).andExpect(status().isForbidden());
			mvc.perform(get("/assessments/" + a1.getId()).with(as(other))).andExpect(status().isForbidden());
		}
		mvc.perform(post("/assessments/assign").with(as("evaluator")).with(csrf())
			.param("project", project.id().toString()).param("evaluator", e2)).andExpect(status().isForbidden());
		mvc.perform(get("/assessments").with(as("reader"))).andExpect(status().isForbidden());
		// The API says the same in problem details.
		mvc.perform(post("/api/v1/assessments/" + project.key() + "/ratings").with(as("lead"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"levels\":{\"D1\":2},\"submit\":false}"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/assessments/" + project.key() + "/ratings").with(as(e2))
			.contentType(MediaType.APPLICATION_JSON).content("{\"levels\":{\"D1\":2},\"submit\":false}"))
			.andExpect(status().isForbidden());
		assertThat(ratingsOf(a1.getId())).isZero();
		// Assigning the same person twice is refused with a message.
		String again = mvc.perform(post("/assessments/assign").with(as("portfolio")).with(csrf())
			.param("project", project.id().toString()).param("evaluator", e1)).andReturn().getFlashMap()
			.get("assignProblem").toString();
		assertThat(again).contains("bereits zugewiesen");
	}

	@Test
	void aMissingJustificationIsRefusedAtItsFieldAndNothingIsStored() throws Exception {
		String e1 = newEvaluator();
		Assessment a = assign(unassessedProposal(), e1);
		Criterion d1 = rated().get(0);
		String page = mvc.perform(post("/assessments/" + a.getId()).with(as(e1)).with(csrf()).param("version", "0")
			.param("action", "submit").param("level-" + d1.getId(), "3")
			.param("justification-" + d1.getId(), "  ")).andExpect(status().is(422)).andReturn().getResponse()
			.getContentAsString();
		assertThat(page).contains("Bitte begründen Sie Ihre Bewertung von " + d1.getCode() + ".",
				"justification-" + d1.getId() + "-error");
		Assessment stored = assessments.findById(a.getId()).orElseThrow();
		assertThat(ratingsOf(a.getId())).isZero();
		assertThat(stored.getStatus()).isEqualTo(AssessmentStatus.ASSIGNED);

		// Via the API: the same rule as problem details, then a valid draft is stored.
		mvc.perform(post("/api/v1/assessments/" + projects.find(a.getProjectId()).orElseThrow().key() + "/ratings")
			.with(as(e1)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"levels\":{\"" + d1.getCode() + "\":3},\"submit\":false}"))
			.andExpect(status().is(422));
		mvc.perform(post("/api/v1/assessments/" + projects.find(a.getProjectId()).orElseThrow().key() + "/ratings")
			.with(as(e1)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"levels\":{\"" + d1.getCode() + "\":3},\"justifications\":{\"" + d1.getCode()
					+ "\":\"Frist 2026\"},\"submit\":false}"))
			.andExpect(status().isOk());
		assertThat(ratingsOf(a.getId())).isEqualTo(1);
	}

	@Test
	void weightsThatDoNotAddUpToHundredAreRefusedAndAhpDerivesValidOnes() throws Exception {
		UUID active = models.active().orElseThrow().getId();
		mvc.perform(post("/scoring/models/" + active + "/copy").with(as("evaluator")).with(csrf()))
			.andExpect(status().isForbidden());
		String location = mvc.perform(post("/scoring/models/" + active + "/copy").with(as("portfolio")).with(csrf()))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		UUID draftId = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
		List<UUID> criteria = tx.execute(s -> models.get(draftId).criteria().stream().map(Criterion::getId).toList());
		Long version = tx.execute(s -> models.get(draftId).getVersion());

		MockHttpServletRequestBuilder tooMuch = post("/scoring/models/" + draftId + "/weights").with(as("portfolio"))
			.with(csrf()).param("version", String.valueOf(version));
		criteria.forEach(c -> tooMuch.param("weight-" + c, "20"));
		String page = mvc.perform(tooMuch).andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Die Gewichte ergeben zusammen " + (20 * criteria.size()) + " % statt 100 %");
		BigDecimal unchanged = tx.execute(s -> models.get(draftId).weightSum());
		assertThat(unchanged).isEqualByComparingTo("100");

		// AHP: everything equally important → equal weights that add up to exactly 100.
		mvc.perform(post("/scoring/models/" + draftId + "/ahp").with(as("portfolio")).with(csrf())
			.param("version", String.valueOf(version)).param("action", "compute")).andExpect(status().isOk());
		String contradictory = mvc.perform(post("/scoring/models/" + draftId + "/ahp").with(as("portfolio"))
			.with(csrf()).param("version", String.valueOf(version)).param("action", "compute")
			.param("c_0_1", "9").param("c_1_2", "9").param("c_0_2", "1/9")).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
		assertThat(contradictory).contains("liegt über 0,1");
		mvc.perform(post("/scoring/models/" + draftId + "/ahp").with(as("portfolio")).with(csrf())
			.param("version", String.valueOf(version)).param("action", "apply"))
			.andExpect(status().is3xxRedirection());
		tx.executeWithoutResult(s -> {
			ScoringModel draft = models.get(draftId);
			assertThat(draft.weightSum()).isEqualByComparingTo("100");
			assertThat(draft.criteria().get(0).getWeight()).isEqualByComparingTo(
					draft.criteria().get(1).getWeight());
		});
		// The active model is untouched and cannot be edited.
		Long activeVersion = tx.execute(s -> models.get(active).getVersion());
		mvc.perform(post("/scoring/models/" + active + "/weights").with(as("portfolio")).with(csrf())
			.param("version", String.valueOf(activeVersion)))
			.andExpect(status().is(422));
		// The API lists the versions.
		String json = mvc.perform(get("/api/v1/models").with(as("reader"))).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
		assertThat(json).contains(draftId.toString(), "ACTIVE");
	}

	@Test
	void theOfficeAddsAndRemovesCriteriaOfADraftWhileActiveVersionsStayReadOnly() throws Exception {
		UUID active = models.active().orElseThrow().getId();
		String location = mvc.perform(post("/scoring/models/" + active + "/copy").with(as("portfolio")).with(csrf()))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		UUID draftId = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
		int before = criteriaOf(draftId).size();

		assertThat(mvc.perform(get("/scoring/models/" + draftId).with(as("portfolio"))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString()).contains("/scoring/models/" + draftId + "/criteria/new");
		assertThat(mvc.perform(get("/scoring/models/" + draftId + "/criteria/new").with(as("portfolio")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
			.contains("Kriterium hinzufügen", "Neue Gruppe", "Beschreibung der Stufe 5");
		mvc.perform(get("/scoring/models/" + draftId + "/criteria/new").with(as("evaluator")))
			.andExpect(status().isForbidden());
		mvc.perform(addCriterion(draftId, "evaluator", "new", "N1").param("level-0", "a").param("level-1", "b"))
			.andExpect(status().isForbidden());

		// A gap in the scale, a taken code and a missing name are named at their fields; nothing is stored.
		String refused = mvc.perform(addCriterion(draftId, "portfolio", "new", "d1").param("name", " ")
			.param("groupName", "Nachhaltigkeit").param("dimension", "QUALITATIVE").param("weight", "10")
			.param("level-0", "keine Wirkung").param("level-2", "große Wirkung"))
			.andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("Das Kürzel d1 ist in diesem Modell bereits vergeben.",
				"Bitte beschreiben Sie die Stufe 1.", "Bitte füllen Sie dieses Feld aus.", "level-1-error",
				"value=\"große Wirkung\"");
		String noGroup = mvc.perform(addCriterion(draftId, "portfolio", "new", "N1").param("name", "Klima")
			.param("dimension", "NONSENSE").param("level-0", "a").param("level-1", "b"))
			.andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
		assertThat(noGroup).contains("groupName-error", "Bitte wählen Sie die WiBe-Dimension der neuen Gruppe.");
		assertThat(criteriaOf(draftId)).hasSize(before);

		// A rated criterion in a new group: stored with its scale; the weights now add up to 110.
		mvc.perform(addCriterion(draftId, "portfolio", "new", "N1").param("name", "Klimawirkung")
			.param("description", "Beitrag zur Klimaneutralität").param("groupName", "Nachhaltigkeit")
			.param("dimension", "QUALITATIVE").param("weight", "10").param("level-0", "keine")
			.param("level-1", "gering").param("level-2", "mittel").param("level-3", "hoch").param("level-4", " "))
			.andExpect(status().is3xxRedirection());
		tx.executeWithoutResult(s -> {
			ScoringModel draft = models.get(draftId);
			Criterion n1 = draft.criteria().stream().filter(c -> c.getCode().equals("N1")).findFirst().orElseThrow();
			assertThat(n1.getName()).isEqualTo("Klimawirkung");
			assertThat(n1.getGroup().getName()).isEqualTo("Nachhaltigkeit");
			assertThat(n1.getGroup().getDimension().name()).isEqualTo("QUALITATIVE");
			assertThat(n1.getWeight()).isEqualByComparingTo("10");
			assertThat(n1.getLevels()).extracting(l -> l.getValue() + ":" + l.getDescription())
				.containsExactly("0:keine", "1:gering", "2:mittel", "3:hoch");
			assertThat(draft.weightSum()).isEqualByComparingTo("110");
		});

		// Activation still requires exactly 100 %.
		String activation = mvc.perform(post("/scoring/models/" + draftId + "/activate").with(as("portfolio"))
			.with(csrf()).param("version", String.valueOf(versionOf(draftId)))).andExpect(status().is(422))
			.andReturn().getResponse().getContentAsString();
		assertThat(activation).contains("Die Gewichte ergeben zusammen 110 % statt 100 %");
		assertThat(tx.<String>execute(s -> models.get(draftId).getStatus().name())).isEqualTo("DRAFT");

		// The scale of a draft's criterion grows, shrinks, and refuses a gap or a single level.
		Criterion n1 = criteriaOf(draftId).stream().filter(c -> c.getCode().equals("N1")).findFirst().orElseThrow();
		assertThat(mvc.perform(get("/scoring/models/" + draftId + "/criteria/" + n1.getId()).with(as("portfolio")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
			.contains("Beschreibung der Stufe 5", "um sie zu kürzen, leeren Sie die obersten Stufen");
		String criterionPath = "/scoring/models/" + draftId + "/criteria/" + n1.getId();
		mvc.perform(post(criterionPath).with(as("portfolio")).with(csrf())
			.param("version", String.valueOf(versionOf(draftId))).param("name", "Klimawirkung")
			.param("level-0", "keine").param("level-1", "gering").param("level-2", "mittel").param("level-3", "hoch")
			.param("level-4", "sehr hoch").param("level-5", "")).andExpect(status().is3xxRedirection());
		assertThat(levelsOf(draftId, "N1")).containsExactly("0:keine", "1:gering", "2:mittel", "3:hoch", "4:sehr hoch");
		String gap = mvc.perform(post(criterionPath).with(as("portfolio")).with(csrf())
			.param("version", String.valueOf(versionOf(draftId))).param("name", "Klimawirkung")
			.param("level-0", "keine").param("level-1", "").param("level-2", "mittel"))
			.andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
		assertThat(gap).contains("Bitte beschreiben Sie die Stufe 1.", "level-1-error", "value=\"mittel\"");
		String single = mvc.perform(post(criterionPath).with(as("portfolio")).with(csrf())
			.param("version", String.valueOf(versionOf(draftId))).param("name", "Klimawirkung")
			.param("level-0", "keine").param("level-1", " "))
			.andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
		assertThat(single).contains("Die Skala von N1 braucht mindestens zwei Stufen.");
		assertThat(levelsOf(draftId, "N1")).hasSize(5);
		mvc.perform(put("/api/v1/models/" + draftId + "/criteria/" + n1.getId()).with(as("portfolio"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"version\":" + versionOf(draftId)
					+ ",\"name\":\"Klimawirkung\",\"levels\":{\"0\":\"nein\",\"1\":\"ja\"}}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.criteria[?(@.code == 'N1')].levels['1']").value("ja"));
		assertThat(levelsOf(draftId, "N1")).containsExactly("0:nein", "1:ja");
		mvc.perform(put("/api/v1/models/" + draftId + "/criteria/" + n1.getId()).with(as("portfolio"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"version\":" + versionOf(draftId)
					+ ",\"name\":\"Klimawirkung\",\"levels\":{\"0\":\"nein\",\"1\":\"ja\",\"9\":\"x\"}}"))
			.andExpect(status().is(422)).andExpect(jsonPath("$.errors[0].field").value("level-0"));
		assertThat(levelsOf(draftId, "N1")).containsExactly("0:nein", "1:ja");

		// The kind changes too: a derivation the model already uses is refused, a rated criterion turns derived
		// (its scale goes) and back (a scale is required again).
		String taken = mvc.perform(post(criterionPath).with(as("portfolio")).with(csrf())
			.param("version", String.valueOf(versionOf(draftId))).param("name", "Klimawirkung")
			.param("kind", "ECONOMIC_VALUE").param("level-0", "nein").param("level-1", "ja"))
			.andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
		assertThat(taken).contains("Diese Berechnung ist in diesem Modell bereits einem Kriterium zugeordnet.",
				"kind-error");
		String economic = criteriaOf(draftId).stream().filter(c -> c.getDerivation() != null
				&& c.getDerivation().name().equals("ECONOMIC_VALUE")).findFirst().orElseThrow().getCode();
		mvc.perform(put("/api/v1/models/" + draftId + "/criteria/" + n1.getId()).with(as("portfolio"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"version\":" + versionOf(draftId)
					+ ",\"name\":\"Klimawirkung\",\"kind\":\"NONSENSE\"}"))
			.andExpect(status().is(422)).andExpect(jsonPath("$.errors[0].field").value("kind"));
		tx.executeWithoutResult(s -> {
			Criterion c = models.get(draftId).criterion(n1.getId());
			assertThat(c.isRated()).isTrue();
			assertThat(c.getLevels()).hasSize(2);
		});
		// the economic criterion turns rated (freeing its derivation), N1 takes the derivation, then both go back
		Criterion economicCriterion = criteriaOf(draftId).stream().filter(c -> c.getCode().equals(economic))
			.findFirst().orElseThrow();
		String economicPath = "/scoring/models/" + draftId + "/criteria/" + economicCriterion.getId();
		mvc.perform(post(economicPath).with(as("portfolio")).with(csrf())
			.param("version", String.valueOf(versionOf(draftId))).param("name", economicCriterion.getName())
			.param("kind", "RATED").param("level-0", "kein Nutzen").param("level-1", "Nutzen"))
			.andExpect(status().is3xxRedirection());
		assertThat(levelsOf(draftId, economic)).containsExactly("0:kein Nutzen", "1:Nutzen");
		assertThat(mvc.perform(get(criterionPath).with(as("portfolio"))).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString()).contains("value=\"ECONOMIC_VALUE\"");
		mvc.perform(post(criterionPath).with(as("portfolio")).with(csrf())
			.param("version", String.valueOf(versionOf(draftId))).param("name", "Klimawirkung")
			.param("kind", "ECONOMIC_VALUE").param("level-0", "nein").param("level-1", "ja"))
			.andExpect(status().is3xxRedirection());
		tx.executeWithoutResult(s -> {
			Criterion c = models.get(draftId).criterion(n1.getId());
			assertThat(c.isRated()).isFalse();
			assertThat(c.getDerivation().name()).isEqualTo("ECONOMIC_VALUE");
			assertThat(c.getLevels()).isEmpty();
		});
		String noScale = mvc.perform(post(criterionPath).with(as("portfolio")).with(csrf())
			.param("version", String.valueOf(versionOf(draftId))).param("name", "Klimawirkung").param("kind", "RATED"))
			.andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
		assertThat(noScale).contains("Die Skala von N1 braucht mindestens zwei Stufen.");
		mvc.perform(put("/api/v1/models/" + draftId + "/criteria/" + n1.getId()).with(as("portfolio"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"version\":" + versionOf(draftId)
					+ ",\"name\":\"Klimawirkung\",\"kind\":\"RATED\",\"levels\":{\"0\":\"nein\",\"1\":\"ja\"}}"))
			.andExpect(status().isOk());
		assertThat(levelsOf(draftId, "N1")).containsExactly("0:nein", "1:ja");
		mvc.perform(post(economicPath).with(as("portfolio")).with(csrf())
			.param("version", String.valueOf(versionOf(draftId))).param("name", economicCriterion.getName())
			.param("kind", "ECONOMIC_VALUE")).andExpect(status().is3xxRedirection());
		tx.executeWithoutResult(s -> assertThat(models.get(draftId).criterion(economicCriterion.getId())
			.getDerivation().name()).isEqualTo("ECONOMIC_VALUE"));

		// Removing a criterion; a group left empty goes with it.
		mvc.perform(get("/scoring/models/" + draftId + "/criteria/" + n1.getId()).with(as("portfolio")))
			.andExpect(status().isOk()).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
				.content().string(org.hamcrest.Matchers.containsString("Kriterium N1 entfernen")));
		mvc.perform(post("/scoring/models/" + draftId + "/criteria/" + n1.getId() + "/delete").with(as("reader"))
			.with(csrf()).param("version", String.valueOf(versionOf(draftId)))).andExpect(status().isForbidden());
		mvc.perform(post("/scoring/models/" + draftId + "/criteria/" + n1.getId() + "/delete").with(as("portfolio"))
			.with(csrf()).param("version", String.valueOf(versionOf(draftId) - 1))).andExpect(status().isConflict());
		mvc.perform(post("/scoring/models/" + draftId + "/criteria/" + n1.getId() + "/delete").with(as("portfolio"))
			.with(csrf()).param("version", String.valueOf(versionOf(draftId)))).andExpect(status().is3xxRedirection());
		tx.executeWithoutResult(s -> {
			ScoringModel draft = models.get(draftId);
			assertThat(draft.criteria()).hasSize(before).noneMatch(c -> c.getCode().equals("N1"));
			assertThat(draft.getGroups()).noneMatch(g -> g.getName().equals("Nachhaltigkeit"));
			assertThat(draft.weightSum()).isEqualByComparingTo("100");
		});

		// The active version is read-only, also for crafted requests: a German message, nothing changes.
		List<UUID> activeCriteria = criteriaOf(active).stream().map(Criterion::getId).toList();
		UUID firstGroup = tx.execute(s -> models.get(active).getGroups().get(0).getId());
		String readOnly = mvc.perform(addCriterion(active, "portfolio", firstGroup.toString(), "X9")
			.param("name", "Hintertür").param("level-0", "a").param("level-1", "b"))
			.andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
		assertThat(readOnly).contains("Nur Entwürfe eines Bewertungsmodells können geändert werden.");
		mvc.perform(post("/scoring/models/" + active + "/criteria/" + activeCriteria.get(0) + "/delete")
			.with(as("portfolio")).with(csrf()).param("version", String.valueOf(versionOf(active))))
			.andExpect(status().is(422));
		assertThat(mvc.perform(get("/scoring/models/" + active + "/criteria/new").with(as("portfolio")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
			.contains("Nur Entwürfe können geändert werden.").doesNotContain("name=\"code\"");
		assertThat(criteriaOf(active)).extracting(Criterion::getId).containsExactlyElementsOf(activeCriteria);

		// The API: the same rules as problem details.
		mvc.perform(post("/api/v1/models/" + active + "/criteria").with(as("portfolio"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"version\":" + versionOf(active)
					+ ",\"group\":\"" + firstGroup + "\",\"code\":\"X9\",\"name\":\"Hintertür\","
					+ "\"levels\":{\"0\":\"a\",\"1\":\"b\"}}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("Nur Entwürfe eines Bewertungsmodells können geändert werden."));
		mvc.perform(post("/api/v1/models/" + draftId + "/criteria").with(as("evaluator"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"version\":" + versionOf(draftId) + "}"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/models/" + draftId + "/criteria").with(as("portfolio"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"group\":\"new\"}"))
			.andExpect(status().is(428));
		mvc.perform(post("/api/v1/models/" + draftId + "/criteria").with(as("portfolio"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"version\":" + versionOf(draftId)
					+ ",\"group\":\"new\",\"groupName\":\"Klima\",\"dimension\":\"EXTERNAL\",\"code\":\"K1\","
					+ "\"name\":\"CO2-Einsparung\",\"weight\":\"0\",\"levels\":{\"0\":\"keine\"}}"))
			.andExpect(status().is(422)).andExpect(jsonPath("$.errors[0].field").value("level-1"));
		mvc.perform(post("/api/v1/models/" + draftId + "/criteria").with(as("portfolio"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"version\":" + versionOf(draftId)
					+ ",\"group\":\"new\",\"groupName\":\"Klima\",\"dimension\":\"EXTERNAL\",\"code\":\"K1\","
					+ "\"name\":\"CO2-Einsparung\",\"weight\":\"0\",\"levels\":{\"0\":\"keine\",\"1\":\"viel\"}}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.criteria[?(@.code == 'K1')].dimension").value("EXTERNAL"))
			.andExpect(jsonPath("$.criteria[?(@.code == 'K1')].levels.1").value("viel"));
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.put("/api/v1/models/" + draftId + "/weights").with(as("portfolio"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\":" + versionOf(draftId) + ",\"weights\":{\"K1\":\"250\"}}"))
			.andExpect(status().is(422)).andExpect(jsonPath("$.errors[?(@.field == 'weights.K1')]").exists());
		UUID k1 = criteriaOf(draftId).stream().filter(c -> c.getCode().equals("K1")).findFirst().orElseThrow()
			.getId();
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.delete("/api/v1/models/" + draftId + "/criteria/" + k1).param("version",
					String.valueOf(versionOf(draftId)))
			.with(as("portfolio"))).andExpect(status().isOk())
			.andExpect(jsonPath("$.criteria[?(@.code == 'K1')]").isEmpty());
		assertThat(criteriaOf(draftId)).hasSize(before);
	}

	@Test
	void theProjectProfileLoadsTheScoreFromThePrioritizationModule() throws Exception {
		ScoreSummary best = scores.ranking().get(0);
		String profile = mvc.perform(get("/portfolio/projects/" + best.projectKey()).with(as("reader")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(profile).contains("hx-get=\"/assessments/projects/" + best.projectKey() + "/summary\"",
				"hx-trigger=\"load\"", "<noscript>", "href=\"/assessments/projects/" + best.projectKey() + "\"");

		String fragment = mvc.perform(get("/assessments/projects/" + best.projectKey() + "/summary")
			.with(as("reader"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(fragment).doesNotContain("<html", "<h1").contains("Bewertung und Rang", "Gesamtpunktzahl",
				best.total().toPlainString() + " Punkte", "Rang " + best.rank() + " von " + best.rankedAmong(),
				switch (best.verdict()) {
					case ECONOMIC -> "wirtschaftlich (Kapitalwert &gt; 0)";
					case QUALITATIVE -> "qualitativ/extern begründet";
					case NOT_JUSTIFIED -> "nicht begründet";
				}, "href=\"/assessments/projects/" + best.projectKey() + "\"");

		ProjectSnapshot unassessed = unassessedProposal();
		assertThat(mvc.perform(get("/assessments/projects/" + unassessed.key() + "/summary").with(as("board")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
			.contains("noch keine Bewertung abgegeben").doesNotContain("Gesamtpunktzahl");

		// An idea stays with its office and the portfolio office, here as on the portfolio pages.
		String idea = mvc.perform(post("/portfolio/new").with(as("lead")).with(csrf()).param("title", "Idee " + UUID
			.randomUUID()).param("shortDescription", "Noch nicht eingereicht").param("type", "PROJECT")
			.param("version", "0")).andExpect(status().is3xxRedirection()).andReturn().getResponse()
			.getRedirectedUrl().split("/")[3];
		for (String user : List.of("lead", "portfolio")) {
			mvc.perform(get("/assessments/projects/" + idea + "/summary").with(as(user))).andExpect(status().isOk());
		}
		for (String user : List.of("lead2", "reader", "evaluator")) {
			mvc.perform(get("/assessments/projects/" + idea + "/summary").with(as(user)))
				.andExpect(status().isNotFound());
			mvc.perform(get("/assessments/projects/" + idea).with(as(user))).andExpect(status().isNotFound());
		}
	}

	private MockHttpServletRequestBuilder addCriterion(UUID model, String user, String group, String code) {
		return post("/scoring/models/" + model + "/criteria").with(as(user)).with(csrf())
			.param("version", String.valueOf(versionOf(model))).param("group", group).param("code", code);
	}

	private long versionOf(UUID model) {
		Long v = tx.execute(s -> models.get(model).getVersion());
		return v;
	}

	private List<Criterion> criteriaOf(UUID model) {
		return tx.execute(s -> models.get(model).criteria());
	}

	private void submit(Assessment a, String evaluator, IntUnaryOperator levelOf, String why) throws Exception {
		MockHttpServletRequestBuilder request = post("/assessments/" + a.getId()).with(as(evaluator)).with(csrf())
			.param("version", String.valueOf(assessments.findById(a.getId()).orElseThrow().getVersion()))
			.param("action", "submit");
		for (Criterion c : rated()) {
			request.param("level-" + c.getId(), String.valueOf(levelOf.applyAsInt(c.maxLevel())))
				.param("justification-" + c.getId(), why);
		}
		mvc.perform(request).andExpect(status().is3xxRedirection());
		assertThat(assessments.findById(a.getId()).orElseThrow().isSubmitted()).isTrue();
	}

	private int ratingsOf(UUID assessment) {
		Integer n = tx.execute(s -> assessments.findById(assessment).orElseThrow().getRatings().size());
		return n;
	}

	private List<Criterion> rated() {
		return tx.execute(s -> {
			List<Criterion> list = models.active().orElseThrow().criteria().stream().filter(Criterion::isRated)
				.toList();
			list.forEach(c -> c.getLevels().size());
			return list;
		});
	}

	private Assessment assign(ProjectSnapshot project, String evaluator) throws Exception {
		mvc.perform(post("/assessments/assign").with(as("portfolio")).with(csrf())
			.param("project", project.id().toString()).param("evaluator", evaluator))
			.andExpect(status().is3xxRedirection());
		UUID model = models.active().orElseThrow().getId();
		return assessments.findByModelIdAndProjectIdAndEvaluatorUsernameIgnoreCase(model, project.id(), evaluator)
			.orElseThrow();
	}

	private ProjectSnapshot unassessedProposal() {
		UUID model = models.active().orElseThrow().getId();
		return projects.inStatus(EnumSet.of(ProjectStatus.IN_REVIEW, ProjectStatus.SUBMITTED)).stream()
			.filter(p -> assessments.findByModelIdAndProjectId(model, p.id()).isEmpty())
			.findFirst().orElseThrow();
	}

	private String newEvaluator() {
		String name = "gutachten-" + UUID.randomUUID().toString().substring(0, 8);
		accounts.save(new UserAccount(name, "Gutachten " + name, null, null, Set.of(Role.EVALUATOR), null));
		return name;
	}

	private RequestPostProcessor as(String username) {
		return SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(username));
	}

	@SuppressWarnings("unused")
	private static Map<String, String> none() {
		return Map.of();
	}

	private List<String> levelsOf(UUID modelId, String code) {
		return tx.execute(s -> models.get(modelId).criteria().stream().filter(c -> c.getCode().equals(code))
			.findFirst().orElseThrow().getLevels().stream().map(l -> l.getValue() + ":" + l.getDescription())
			.toList());
	}
}
