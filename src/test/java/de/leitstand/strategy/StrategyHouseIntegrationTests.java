package de.leitstand.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import de.leitstand.strategy.internal.StrategicGoal;
import de.leitstand.strategy.internal.Strategy;
import de.leitstand.strategy.internal.StrategyService;

/**
 * The strategy house as its users meet it: reading, editing with validation, conflicts, versions, and who may
 * do what. Each test works on its own draft copy so that runs against a shared database do not interfere.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class StrategyHouseIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	StrategyService strategies;

	@Autowired
	UserDetailsService users;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate tx;

	Strategy draft;

	StrategicGoal goal;

	@BeforeEach
	void copyActiveStrategyIntoADraft() throws Exception {
		Strategy active = strategies.active().orElseThrow();
		String title = "Testentwurf " + UUID.randomUUID();
		mvc.perform(post("/strategy/versions/{id}/copy", active.getId()).param("newTitle", title)
			.with(as("portfolio")).with(csrf())).andExpect(status().is3xxRedirection());
		draft = strategies.versions().stream().filter(s -> s.getTitle().equals(title)).findFirst().orElseThrow();
		goal = strategies.goalsOf(draft.getId()).get(0);
	}

	@Test
	void everyRoleSeesTheHouseWithVisionMissionAndFiveFields() throws Exception {
		for (String role : List.of("reader", "lead", "evaluator", "board", "portfolio", "admin")) {
			String html = mvc.perform(get("/strategy").with(as(role)))
				.andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
			assertThat(html).contains("einfach.gemeinsam.digital.", "Digitale Daseinsvorsorge für Alle",
					"Moderne und digitale Verwaltung", "IT und digitale Services", "Digitale Bürgerservices",
					"Innovation und Zukunftsfähigkeit", "Smart City");
		}
	}

	@Test
	void theCopyHoldsAllFieldsGoalsKpisAndBundlesOfTheSource() {
		Strategy active = strategies.active().orElseThrow();
		assertThat(draft.getStatus()).isEqualTo(StrategyStatus.DRAFT);
		assertThat(draft.getCopiedFromId()).isEqualTo(active.getId());
		assertThat(strategies.goalsOf(draft.getId())).extracting(StrategicGoal::getCode)
			.containsExactlyElementsOf(strategies.goalsOf(active.getId()).stream().map(StrategicGoal::getCode).toList());
		assertThat(kpiCount(goal.getId())).isEqualTo(kpiCount(strategies.goalsOf(active.getId()).get(0).getId()))
			.isPositive();
	}

	@Test
	void aPortfolioManagerEditsAGoalAndTheHistoryShowsWhoChangedWhat() throws Exception {
		mvc.perform(editGoal(goal.getVersion(), goal.getCode(), "Neuer Zieltitel für den Test").with(as("portfolio")))
			.andExpect(status().is3xxRedirection());
		assertThat(strategies.goal(goal.getId()).getTitle()).isEqualTo("Neuer Zieltitel für den Test");
		mvc.perform(get("/strategy/goals/{id}", goal.getId()).with(as("reader")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.allOf(
					org.hamcrest.Matchers.containsString("Änderungsverlauf"),
					org.hamcrest.Matchers.containsString("portfolio"),
					org.hamcrest.Matchers.containsString("Neuer Zieltitel für den Test"),
					org.hamcrest.Matchers.containsString(goal.getTitle()))));
	}

	@Test
	void invalidInputGetsAGermanMessageAtTheFieldAndStoresNothing() throws Exception {
		String before = strategies.goal(goal.getId()).getTitle();
		assertRejected(editGoal(goal.getVersion(), goal.getCode(), ""), "Bitte füllen Sie dieses Feld aus.");
		assertRejected(editGoal(goal.getVersion(), goal.getCode(), "x".repeat(10_000)),
				"Bitte geben Sie höchstens 300 Zeichen ein.");
		assertRejected(editGoal(goal.getVersion(), goal.getCode(), "<script>alert(1)</script>"),
				"ohne HTML-Auszeichnungen");
		assertThat(strategies.goal(goal.getId()).getTitle()).isEqualTo(before);
	}

	@Test
	void aKpiWhoseTargetDateIsBeforeItsBaselineIsRejected() throws Exception {
		int kpisBefore = kpiCount(goal.getId());
		assertRejected(post("/strategy/goals/{id}/kpis/new", goal.getId()).param("name", "Testkennzahl")
			.param("unit", "%").param("baselineValue", "10").param("baselineDate", "2026-12-31")
			.param("targetValue", "20").param("targetDate", "2025-01-01").param("direction", "HIGHER_IS_BETTER"),
				"Das Zieldatum muss nach dem Datum des Ausgangswerts liegen.");
		assertRejected(post("/strategy/goals/{id}/kpis/new", goal.getId()).param("name", "Testkennzahl")
			.param("unit", "%").param("baselineValue", "zehn").param("baselineDate", "2024-12-31")
			.param("targetValue", "20").param("targetDate", "2027-01-01").param("direction", "HIGHER_IS_BETTER"),
				"Bitte geben Sie eine Zahl ein");
		assertThat(kpiCount(goal.getId())).isEqualTo(kpisBefore);
	}

	@Test
	void markupIsAlwaysRenderedAsText() throws Exception {
		// "a < b" is plain text and allowed; it must come back escaped.
		mvc.perform(editGoal(goal.getVersion(), goal.getCode(), "Kosten < Nutzen & mehr").with(as("portfolio")))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/strategy/goals/{id}", goal.getId()).with(as("reader")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Kosten &lt; Nutzen &amp; mehr")));
	}

	@Test
	void theSecondOfTwoConcurrentEditsSeesTheConflictPageAndLosesNothing() throws Exception {
		long openedAt = goal.getVersion();
		mvc.perform(editGoal(openedAt, goal.getCode(), "Fassung von Browser A").with(as("portfolio")))
			.andExpect(status().is3xxRedirection());
		String conflict = mvc.perform(editGoal(openedAt, goal.getCode(), "Fassung von Browser B").with(as("portfolio")))
			.andExpect(status().isConflict())
			.andReturn().getResponse().getContentAsString();
		assertThat(conflict).contains("Jemand anderes hat diesen Datensatz geändert", "Fassung von Browser A",
				"Fassung von Browser B");
		assertThat(strategies.goal(goal.getId()).getTitle()).isEqualTo("Fassung von Browser A");

		long current = strategies.goal(goal.getId()).getVersion();
		assertThat(conflict).contains("name=\"version\" value=\"" + current + "\"");
		mvc.perform(editGoal(current, goal.getCode(), "Fassung von Browser B").with(as("portfolio")))
			.andExpect(status().is3xxRedirection());
		assertThat(strategies.goal(goal.getId()).getTitle()).isEqualTo("Fassung von Browser B");
	}

	@Test
	void aProjectLeadGets403OnEditPagesByUrlAndByPost() throws Exception {
		for (String url : List.of("/strategy/goals/" + goal.getId() + "/edit",
				"/strategy/versions/" + draft.getId() + "/edit", "/strategy/versions/" + draft.getId() + "/copy",
				"/strategy/goals/" + goal.getId() + "/kpis/new", "/strategy/fields/" + goal.getField().getId() + "/goals/new")) {
			mvc.perform(get(url).with(as("lead"))).andExpect(status().isForbidden());
		}
		mvc.perform(editGoal(goal.getVersion(), goal.getCode(), "Von der Projektleitung").with(as("lead")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/strategy/versions/{id}/activate", draft.getId()).with(as("lead")).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(strategies.goal(goal.getId()).getTitle()).isNotEqualTo("Von der Projektleitung");
		assertThat(strategies.strategy(draft.getId()).getStatus()).isEqualTo(StrategyStatus.DRAFT);
	}

	@Test
	void theServiceRefusesChangesWithoutThePortfolioRoleEvenWithoutTheWebLayer() {
		org.springframework.security.core.context.SecurityContextHolder.getContext()
			.setAuthentication(new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(
					users.loadUserByUsername("lead"), null, users.loadUserByUsername("lead").getAuthorities()));
		try {
			org.assertj.core.api.Assertions
				.assertThatThrownBy(() -> strategies.describeGoal(goal.getId(), goal.getVersion(), "X", "Y", null))
				.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
		}
		finally {
			org.springframework.security.core.context.SecurityContextHolder.clearContext();
		}
	}

	@Test
	void activatingADraftArchivesThePreviousVersionSoExactlyOneIsActive() throws Exception {
		Strategy previous = strategies.active().orElseThrow();
		mvc.perform(post("/strategy/versions/{id}/activate", draft.getId()).with(as("portfolio")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(strategies.strategy(draft.getId()).getStatus()).isEqualTo(StrategyStatus.ACTIVE);
		assertThat(strategies.strategy(previous.getId()).getStatus()).isEqualTo(StrategyStatus.ARCHIVED);
		assertThat(strategies.versions()).filteredOn(s -> s.getStatus() == StrategyStatus.ACTIVE).hasSize(1);
		// an archived version is read-only
		assertRejected(post("/strategy/versions/{id}/fields/new", previous.getId()).param("number", "9")
			.param("name", "Nachträglich"), "archivierte Strategieversion");
	}

	private int kpiCount(UUID goalId) {
		return tx.execute(status -> strategies.goal(goalId).getKpis().size());
	}

	private MockHttpServletRequestBuilder editGoal(long version, String code, String title) {
		return post("/strategy/goals/{id}/edit", goal.getId()).param("code", code).param("title", title)
			.param("description", "").param("version", Long.toString(version)).with(csrf());
	}

	private void assertRejected(MockHttpServletRequestBuilder request, String message) throws Exception {
		String html = mvc.perform(request.with(as("portfolio")).with(csrf()))
			.andExpect(status().is(422))
			.andReturn().getResponse().getContentAsString();
		assertThat(html).contains("Bitte prüfen Sie Ihre Eingaben").contains(message);
	}

	private RequestPostProcessor as(String username) {
		return SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(username));
	}
}
