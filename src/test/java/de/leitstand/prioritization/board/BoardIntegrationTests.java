package de.leitstand.prioritization.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import de.leitstand.portfolio.ProjectDirectory;
import de.leitstand.portfolio.ProjectSnapshot;
import de.leitstand.portfolio.ProjectStatus;
import de.leitstand.prioritization.internal.board.AgendaItem;
import de.leitstand.prioritization.internal.board.ChainForgery;
import de.leitstand.prioritization.internal.board.AgendaItems;
import de.leitstand.prioritization.internal.board.Decision;
import de.leitstand.prioritization.internal.board.DecisionChain;
import de.leitstand.prioritization.internal.board.Decisions;
import de.leitstand.prioritization.internal.board.VerifyDecisionsCommand;

/**
 * The Digitalisierungsboard as its users meet it: the portfolio office prepares a meeting, the board decides, the
 * project moves, closing seals the decisions; a closed meeting refuses new decisions, a correction is a new linked
 * decision, and tampering with a stored decision is detected by the page, the API and the command. Every test
 * makes its own projects and meetings, so the suite also runs on a shared PostgreSQL database.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class BoardIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	ProjectDirectory projects;

	@Autowired
	AgendaItems items;

	@Autowired
	Decisions decisions;

	@Autowired
	DecisionChain chain;

	@Autowired
	VerifyDecisionsCommand command;

	@Autowired
	JdbcTemplate jdbc;

	BoardTestSupport board;

	@BeforeEach
	void setUp() {
		board = new BoardTestSupport(mvc, users, projects);
	}

	@Test
	void aDecisionMovesTheProjectAndClosingSealsItIntoTheChain() throws Exception {
		String marker = BoardTestSupport.unique();
		ProjectSnapshot project = board.project("eAkte im Jugendamt " + marker, true);
		assertThat(project.status()).isEqualTo(ProjectStatus.SUBMITTED);
		UUID meeting = board.meeting("Board " + marker);
		board.addProposal(meeting, project);
		AgendaItem item = items.findByMeetingIdOrderByPosition(meeting).get(0);

		// Before the meeting is opened, nobody can decide.
		String early = mvc.perform(decide(meeting, item, "board", "APPROVED", "Passt", null))
			.andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
		assertThat(early).contains("läuft nicht");
		board.open(meeting);

		// Leads and readers may not decide; nothing is stored.
		mvc.perform(decide(meeting, item, "lead", "APPROVED", "Eigenes Vorhaben", null)).andExpect(status().isForbidden());
		mvc.perform(decide(meeting, item, "reader", "APPROVED", "Lesend", null)).andExpect(status().isForbidden());

		// Missing rationale and missing conditions are named at their fields; nothing stored, project unmoved.
		String missing = mvc.perform(decide(meeting, item, "board", "APPROVED_WITH_CONDITIONS", " ", ""))
			.andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
		assertThat(missing).contains("Bitte begründen Sie den Beschluss.",
				"Bitte nennen Sie die Auflagen, unter denen das Vorhaben freigegeben wird.", "rationale-error");
		assertThat(decisions.findByItemId(item.getId())).isEmpty();
		assertThat(projects.find(project.id()).orElseThrow().status()).isEqualTo(ProjectStatus.SUBMITTED);

		mvc.perform(decide(meeting, item, "board", "APPROVED_WITH_CONDITIONS", "Hoher Nutzen für Familien",
				"Datenschutz-Folgenabschätzung vorlegen"))
			.andExpect(status().is3xxRedirection());
		assertThat(projects.find(project.id()).orElseThrow().status()).isEqualTo(ProjectStatus.APPROVED);
		String history = mvc.perform(get("/portfolio/projects/{key}", project.key()).with(board.as("reader")))
			.andReturn().getResponse().getContentAsString();
		assertThat(history).contains("Hoher Nutzen für Familien");

		board.close(meeting);
		Decision sealed = decisions.findByItemId(item.getId()).get(0);
		assertThat(sealed.getHash()).hasSize(64);
		assertThat(sealed.getPreviousHash()).hasSize(64);
		assertThat(chain.verify().intact()).isTrue();

		// A closed meeting takes no further decision; its pages say why.
		String closed = mvc.perform(decide(meeting, item, "board", "REJECTED", "Doch nicht", null))
			.andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
		assertThat(closed).contains("ist abgeschlossen");
		assertThat(decisions.findByItemId(item.getId())).hasSize(1);

		// The decision log lists it with a link to the project, filterable by outcome and meeting.
		String log = mvc.perform(get("/board/decisions").param("outcome", "APPROVED_WITH_CONDITIONS")
			.param("meeting", meeting.toString()).with(board.as("reader")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(log).contains("Hoher Nutzen für Familien", "/portfolio/projects/" + project.key(),
				"1 Beschlüsse");
	}

	@Test
	void aDecisionTheLifecycleDoesNotAllowIsRefusedWithAMessageAndStoresNothing() throws Exception {
		String marker = BoardTestSupport.unique();
		ProjectSnapshot idea = board.project("Idee ohne Einreichung " + marker, false);
		UUID meeting = board.meeting("Board " + marker);
		board.addProposal(meeting, idea);
		board.open(meeting);
		AgendaItem item = items.findByMeetingIdOrderByPosition(meeting).get(0);

		String page = mvc.perform(decide(meeting, item, "board", "APPROVED", "Sehr gut", null))
			.andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
		// the board may not see an idea of an office: refused without a word about the project's state
		assertThat(page).contains("Das Vorhaben ist für Sie nicht sichtbar", "Es wurde nichts gespeichert.")
			.doesNotContain("steht im Lebenszyklus auf");
		assertThat(decisions.findByItemId(item.getId())).isEmpty();
		assertThat(projects.find(idea.id()).orElseThrow().status()).isEqualTo(ProjectStatus.IDEA);
	}

	@Test
	void aCorrectionIsANewDecisionLinkedToTheCorrectedOneAndChained() throws Exception {
		String marker = BoardTestSupport.unique();
		ProjectSnapshot project = board.project("Digitale Kita-Platzvergabe " + marker, true);
		UUID first = board.meeting("Board A " + marker);
		board.addProposal(first, project);
		board.open(first);
		AgendaItem firstItem = items.findByMeetingIdOrderByPosition(first).get(0);
		mvc.perform(decide(first, firstItem, "board", "APPROVED_WITH_CONDITIONS", "Gut", "Barrierefreiheit prüfen"))
			.andExpect(status().is3xxRedirection());
		board.close(first);
		Decision corrected = decisions.findByItemId(firstItem.getId()).get(0);

		UUID second = board.meeting("Board B " + marker);
		board.addProposal(second, projects.find(project.id()).orElseThrow());
		board.open(second);
		AgendaItem secondItem = items.findByMeetingIdOrderByPosition(second).get(0);
		String form = mvc.perform(get("/board/meetings/{id}", second).param("decide", secondItem.getId().toString())
			.with(board.as("board"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(form).contains("Korrigiert den Beschluss", corrected.getId().toString());
		mvc.perform(decide(second, secondItem, "board", "APPROVED", "Auflage ist erfüllt", null)
			.param("correctsId", corrected.getId().toString()))
			.andExpect(status().is3xxRedirection());
		board.close(second);

		Decision correction = decisions.findByItemId(secondItem.getId()).get(0);
		assertThat(correction.getCorrectsId()).isEqualTo(corrected.getId());
		assertThat(correction.getChainSequence()).isGreaterThan(corrected.getChainSequence());
		assertThat(projects.find(project.id()).orElseThrow().status()).isEqualTo(ProjectStatus.APPROVED);
		assertThat(chain.verify().intact()).isTrue();
		// The corrected decision itself is unchanged.
		assertThat(decisions.findById(corrected.getId()).orElseThrow().getHash()).isEqualTo(corrected.getHash());
	}

	@Test
	void tamperingWithAStoredDecisionIsDetectedByPageApiAndCommand() throws Exception {
		String marker = BoardTestSupport.unique();
		ProjectSnapshot project = board.project("Online-Bauantrag " + marker, true);
		UUID meeting = board.meeting("Board " + marker);
		board.addProposal(meeting, project);
		board.open(meeting);
		AgendaItem item = items.findByMeetingIdOrderByPosition(meeting).get(0);
		mvc.perform(decide(meeting, item, "board", "DEFERRED", "Erst Plattformentscheidung abwarten", null))
			.andExpect(status().is3xxRedirection());
		board.close(meeting);
		Decision decision = decisions.findByItemId(item.getId()).get(0);

		assertThat(run()).isZero();
		mvc.perform(get("/board/verify").with(board.as("board"))).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Die Beschlusskette ist unverändert")));

		jdbc.update("update board_decision set rationale = ? where id = ?", "Sofort freigeben", decision.getId());
		try {
			String page = mvc.perform(get("/board/verify").with(board.as("portfolio")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			assertThat(page).contains("Die Beschlusskette ist verletzt", decision.getId().toString(),
					decision.getHash(), "Board " + marker);
			mvc.perform(get("/api/v1/decisions/verify").with(httpBasic("board", "leitstand-demo")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.intact").value(false))
				.andExpect(jsonPath("$.firstBreak.decisionId").value(decision.getId().toString()));
			ByteArrayOutputStream err = new ByteArrayOutputStream();
			command.redirect(System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
			assertThat(command.execute()).isEqualTo(1);
			assertThat(err.toString(StandardCharsets.UTF_8)).contains("BROKEN", decision.getId().toString(),
					project.key());
		}
		finally {
			jdbc.update("update board_decision set rationale = ? where id = ?", decision.getRationale(),
					decision.getId());
			command.redirect(System.out, System.err);
		}
		assertThat(run()).isZero();
		// Readers and leads do not see the verification page.
		mvc.perform(get("/board/verify").with(board.as("reader"))).andExpect(status().isForbidden());
	}

	@Test
	void deletingTheNewestSealedDecisionIsDetectedAsATruncatedChain() throws Exception {
		Decision decision = sealedDecision("E-Rechnung " + BoardTestSupport.unique());
		// Closing moved the stored head to this decision, in the same transaction.
		DecisionChain.Verification before = chain.verify();
		assertThat(before.intact()).isTrue();
		assertThat(before.recordedHead().entries()).isEqualTo(decision.getChainSequence());
		assertThat(before.recordedHead().hash()).isEqualTo(decision.getHash()).isEqualTo(before.head());
		assertThat(run()).isZero();

		Map<String, Object> row = jdbc.queryForMap("select * from board_decision where id = ?", decision.getId());
		assertThat(jdbc.update("delete from board_decision where id = ?", decision.getId())).isOne();
		try {
			// Every remaining entry still matches its hash; only the stored head shows that one is missing.
			DecisionChain.Verification result = chain.verify();
			assertThat(result.intact()).isFalse();
			assertThat(result.firstBreak().problem()).isEqualTo(DecisionChain.Problem.TRUNCATED);
			assertThat(result.firstBreak().sequence()).isEqualTo(decision.getChainSequence());
			assertThat(result.firstBreak().expected()).isEqualTo(decision.getChainSequence().toString());
			assertThat(result.firstBreak().stored()).isEqualTo(Long.toString(decision.getChainSequence() - 1));

			String page = mvc.perform(get("/board/verify").with(board.as("board"))).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
			assertThat(page).contains("Die Beschlusskette ist verletzt",
					"Die Kette endet vor dem zuletzt versiegelten Beschluss: versiegelt wurden "
							+ decision.getChainSequence() + " Beschlüsse, gespeichert sind nur "
							+ (decision.getChainSequence() - 1) + ".",
					decision.getHash());
			mvc.perform(get("/api/v1/decisions/verify").with(httpBasic("board", "leitstand-demo")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.intact").value(false))
				.andExpect(jsonPath("$.firstBreak.problem").value("TRUNCATED"))
				.andExpect(jsonPath("$.recordedHead.hash").value(decision.getHash()));
			ByteArrayOutputStream err = new ByteArrayOutputStream();
			command.redirect(System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
			assertThat(command.execute()).isEqualTo(1);
			assertThat(err.toString(StandardCharsets.UTF_8)).contains("BROKEN (TRUNCATED)",
					"Die Kette endet vor dem zuletzt versiegelten Beschluss", decision.getHash());
		}
		finally {
			command.redirect(System.out, System.err);
			jdbc.update("insert into board_decision (" + String.join(", ", row.keySet()) + ") values ("
					+ String.join(", ", java.util.Collections.nCopies(row.size(), "?")) + ")",
					row.values().toArray());
		}
		assertThat(run()).isZero();
	}

	@Test
	void aRecomputedChainOrAMissingHeadIsDetectedAndAMissingHeadStopsSealing() throws Exception {
		Decision decision = sealedDecision("Open-Data-Portal " + BoardTestSupport.unique());
		String forged = "f".repeat(64);
		jdbc.update("update board_chain_head set head_hash = ? where id = 1", forged);
		try {
			DecisionChain.Verification result = chain.verify();
			assertThat(result.intact()).isFalse();
			assertThat(result.firstBreak().problem()).isEqualTo(DecisionChain.Problem.HEAD_MISMATCH);
			assertThat(result.firstBreak().decisionId()).isEqualTo(decision.getId());
			assertThat(result.firstBreak().expected()).isEqualTo(forged);
		}
		finally {
			jdbc.update("update board_chain_head set head_hash = ? where id = 1", decision.getHash());
		}
		assertThat(chain.verify().intact()).isTrue();

		Map<String, Object> head = jdbc.queryForMap("select * from board_chain_head where id = 1");
		jdbc.update("delete from board_chain_head where id = 1");
		try {
			assertThat(chain.verify().firstBreak().problem()).isEqualTo(DecisionChain.Problem.HEAD_MISSING);
			// Sealing on without a head would cover the gap up: the meeting stays open, with a message.
			String marker = BoardTestSupport.unique();
			ProjectSnapshot project = board.project("Ratsinformationssystem " + marker, true);
			UUID meeting = board.meeting("Board " + marker);
			board.addProposal(meeting, project);
			board.open(meeting);
			AgendaItem item = items.findByMeetingIdOrderByPosition(meeting).get(0);
			mvc.perform(decide(meeting, item, "board", "DEFERRED", "Erst Ausschreibung", null))
				.andExpect(status().is3xxRedirection());
			String refused = mvc.perform(post("/board/meetings/{id}/close", meeting).with(board.as("board"))
				.with(csrf())).andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
			assertThat(refused).contains("Das gespeicherte Ende der Beschlusskette fehlt.");
			assertThat(decisions.findByItemId(item.getId()).get(0).getHash()).isNull();
		}
		finally {
			jdbc.update("insert into board_chain_head (" + String.join(", ", head.keySet()) + ") values ("
					+ String.join(", ", java.util.Collections.nCopies(head.size(), "?")) + ")",
					head.values().toArray());
		}
		assertThat(chain.verify().intact()).isTrue();
	}

	@Test
	void aChainRewrittenTogetherWithItsHeadIsDetectedByACheckValueKeptOutside() throws Exception {
		Decision older = sealedDecision("Digitale Schultasche " + BoardTestSupport.unique());
		Decision newest = sealedDecision("Bürgerkonto " + BoardTestSupport.unique());
		// the check value as the board pack prints it, kept outside Leitstand
		String checkValue = "#" + newest.getChainSequence() + " " + newest.getHash();
		String page = mvc.perform(get("/board/verify").param("anchor", checkValue).with(board.as("board")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Der Prüfwert stimmt mit Kettenglied #" + newest.getChainSequence() + " überein.");
		assertThat(runWith(checkValue)).isZero();

		// Someone with database access cuts the newest decision off and moves the head back with it.
		Map<String, Object> row = jdbc.queryForMap("select * from board_decision where id = ?", newest.getId());
		Map<String, Object> head = jdbc.queryForMap("select * from board_chain_head where id = 1");
		jdbc.update("delete from board_decision where id = ?", newest.getId());
		jdbc.update("update board_chain_head set entries = ?, head_hash = ? where id = 1", older.getChainSequence(),
				older.getHash());
		try {
			assertThat(chain.verify().intact()).as("the stored rows and head agree again").isTrue();
			DecisionChain.Verification result = chain.verify(DecisionChain.Anchor.parse(checkValue).orElseThrow());
			assertThat(result.intact()).isFalse();
			assertThat(result.firstBreak().problem()).isEqualTo(DecisionChain.Problem.ANCHOR_MISSING);
			assertThat(result.firstBreak().expected()).isEqualTo(newest.getChainSequence().toString());
			assertThat(result.firstBreak().stored()).isEqualTo(older.getChainSequence().toString());
			mvc.perform(get("/api/v1/decisions/verify").param("anchor", checkValue)
				.with(httpBasic("board", "leitstand-demo"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.intact").value(false))
				.andExpect(jsonPath("$.firstBreak.problem").value("ANCHOR_MISSING"))
				.andExpect(jsonPath("$.anchor.hash").value(newest.getHash()));
		}
		finally {
			jdbc.update("insert into board_decision (" + String.join(", ", row.keySet()) + ") values ("
					+ String.join(", ", java.util.Collections.nCopies(row.size(), "?")) + ")", row.values().toArray());
			restoreHead(head);
		}
		assertThat(chain.verify(DecisionChain.Anchor.parse(checkValue).orElseThrow()).intact()).isTrue();

		// Someone changes the rationale and recomputes hash and head, as the published rule allows.
		jdbc.update("update board_decision set rationale = ? where id = ?", "Sofort umsetzen", newest.getId());
		String forged = ChainForgery.rehash(decisions.findById(newest.getId()).orElseThrow());
		jdbc.update("update board_decision set hash = ? where id = ?", forged, newest.getId());
		jdbc.update("update board_chain_head set head_hash = ? where id = 1", forged);
		try {
			assertThat(chain.verify().intact()).as("recomputed chain and head agree").isTrue();
			String broken = mvc.perform(get("/board/verify").param("anchor", checkValue).with(board.as("portfolio")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			assertThat(broken).contains("Die Beschlusskette ist verletzt",
					"Das Kettenglied trägt nicht den aufbewahrten Prüfwert: erwartet " + newest.getHash()
							+ ", gespeichert " + forged + ". Die Kette wurde ab hier neu berechnet.",
					"Board Bürgerkonto");
			ByteArrayOutputStream err = new ByteArrayOutputStream();
			command.redirect(System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
			assertThat(runWith(checkValue)).isEqualTo(1);
			assertThat(err.toString(StandardCharsets.UTF_8)).contains("BROKEN (ANCHOR_MISMATCH)", forged);
		}
		finally {
			command.redirect(System.out, System.err);
			jdbc.update("update board_decision set rationale = ?, hash = ? where id = ?", row.get("rationale"),
					newest.getHash(), newest.getId());
			restoreHead(head);
		}
		assertThat(runWith(checkValue)).isZero();
	}

	@Test
	void aCheckValueOfTheWrongFormGetsAMessageAndChecksNothing() throws Exception {
		for (String bad : List.of("12", "#0 " + "a".repeat(64), "#3 " + "g".repeat(64), "#3 " + "a".repeat(63),
				"<script>alert(1)</script>")) {
			String page = mvc.perform(get("/board/verify").param("anchor", bad).with(board.as("board")))
				.andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
			assertThat(page).as(bad).contains("Der Prüfwert hat nicht die Form „#Nummer Hashwert“",
					"aria-invalid=\"true\"");
			assertThat(page).doesNotContain("<script>alert(1)</script>");
			mvc.perform(get("/api/v1/decisions/verify").param("anchor", bad).with(httpBasic("board", "leitstand-demo")))
				.andExpect(status().is(422)).andExpect(jsonPath("$.errors[0].field").value("anchor"));
			ByteArrayOutputStream err = new ByteArrayOutputStream();
			command.redirect(System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
			try {
				command.run(new DefaultApplicationArguments(VerifyDecisionsCommand.NAME, "--anchor", bad));
				assertThat(command.getExitCode()).isEqualTo(2);
				assertThat(err.toString(StandardCharsets.UTF_8)).contains("Der Prüfwert hat nicht die Form");
			}
			finally {
				command.redirect(System.out, System.err);
			}
		}
		// the forms of the board pack and of the command line are read alike, upper-case hex too
		String hash = "ab".repeat(32);
		assertThat(DecisionChain.Anchor.parse(" #7 " + hash.toUpperCase() + " ")).hasValue(new DecisionChain.Anchor(7, hash));
		assertThat(DecisionChain.Anchor.parse("7:" + hash)).hasValue(new DecisionChain.Anchor(7, hash));
	}

	private void restoreHead(Map<String, Object> head) {
		jdbc.update("update board_chain_head set entries = ?, head_hash = ? where id = 1", head.get("entries"),
				head.get("head_hash"));
	}

	private int runWith(String checkValue) {
		command.run(new DefaultApplicationArguments(VerifyDecisionsCommand.NAME, "--anchor", checkValue));
		return command.getExitCode();
	}

	/** A decision of a new meeting, closed at once: the newest entry of the chain. */
	private Decision sealedDecision(String title) throws Exception {
		ProjectSnapshot project = board.project(title, true);
		UUID meeting = board.meeting("Board " + title);
		board.addProposal(meeting, project);
		board.open(meeting);
		AgendaItem item = items.findByMeetingIdOrderByPosition(meeting).get(0);
		mvc.perform(decide(meeting, item, "board", "DEFERRED", "Haushaltsberatung abwarten", null))
			.andExpect(status().is3xxRedirection());
		board.close(meeting);
		Decision decision = decisions.findByItemId(item.getId()).get(0);
		assertThat(decisions.findFirstByChainSequenceIsNotNullOrderByChainSequenceDesc().orElseThrow().getId())
			.isEqualTo(decision.getId());
		return decision;
	}

	@Test
	void theApiListsMeetingsRecordsDecisionsAndAnswersWithProblemDetails() throws Exception {
		String marker = BoardTestSupport.unique();
		ProjectSnapshot project = board.project("Chatbot Bürgerservice " + marker, true);
		UUID meeting = board.meeting("Board " + marker);
		board.addProposal(meeting, project);
		AgendaItem item = items.findByMeetingIdOrderByPosition(meeting).get(0);

		mvc.perform(get("/api/v1/meetings").with(httpBasic("reader", "leitstand-demo"))).andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == '" + meeting + "')].title").value("Board " + marker));
		String body = "{\"itemId\":\"" + item.getId() + "\",\"outcome\":\"REJECTED\",\"rationale\":\"Kein Bedarf\"}";
		// Not open yet: 409 problem details.
		mvc.perform(post("/api/v1/meetings/{id}/decisions", meeting).with(httpBasic("board", "leitstand-demo"))
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		board.open(meeting);
		mvc.perform(post("/api/v1/meetings/{id}/decisions", meeting).with(httpBasic("lead", "leitstand-demo"))
			.contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/meetings/{id}/decisions", meeting).with(httpBasic("board", "leitstand-demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"itemId\":\"" + item.getId() + "\",\"outcome\":\"REJECTED\",\"rationale\":\"\"}"))
			.andExpect(status().is(422)).andExpect(jsonPath("$.errors[0].field").value("rationale"))
			.andExpect(jsonPath("$.errors[0].message").value("Bitte begründen Sie den Beschluss."));
		mvc.perform(post("/api/v1/meetings/{id}/decisions", meeting).with(httpBasic("board", "leitstand-demo"))
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.outcome").value("REJECTED"))
			.andExpect(jsonPath("$.projectKey").value(project.key()));
		assertThat(projects.find(project.id()).orElseThrow().status()).isEqualTo(ProjectStatus.REJECTED);
		mvc.perform(get("/api/v1/meetings/{id}", meeting).with(httpBasic("reader", "leitstand-demo")))
			.andExpect(status().isOk()).andExpect(jsonPath("$.agenda[0].projectKey").value(project.key()))
			.andExpect(jsonPath("$.decisions[0].rationale").value("Kein Bedarf"));
	}

	@Test
	void theDemoMeetingsAreThereLabelledAndTheirChainIsIntact() throws Exception {
		String list = mvc.perform(get("/board/meetings").with(board.as("reader"))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(list).contains("Digitalisierungsboard 3/2026 (Beispieldaten)",
				"Digitalisierungsboard 1/2027 (Beispieldaten)", "Beispieldaten");
		assertThat(chain.verify().intact()).isTrue();
		List<Decision> all = decisions.findByChainSequenceIsNotNullOrderByChainSequence();
		assertThat(all).isNotEmpty();
		assertThat(all.get(0).getPreviousHash()).isEqualTo(DecisionChain.GENESIS);
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder decide(UUID meeting,
			AgendaItem item, String user, String outcome, String rationale, String conditions) {
		var request = post("/board/meetings/{id}/decisions", meeting).with(board.as(user)).with(csrf())
			.param("itemId", item.getId().toString()).param("outcome", outcome).param("rationale", rationale);
		return conditions == null ? request : request.param("conditions", conditions);
	}

	private int run() {
		return command.execute();
	}
}
