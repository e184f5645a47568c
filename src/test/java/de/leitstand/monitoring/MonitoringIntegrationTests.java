package de.leitstand.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

import de.leitstand.monitoring.internal.DependencyAnalysis;
import de.leitstand.monitoring.internal.ReminderJob;
import de.leitstand.portfolio.ProjectDirectory;
import de.leitstand.portfolio.ProjectSnapshot;
import de.leitstand.portfolio.ProjectStatus;

/**
 * Building block 3 end to end through the API, with a real SMTP server (GreenMail) and a clock the test moves:
 * the portfolio office opens a cycle, the leads are mailed, reports are submitted, one is late after a reminder and
 * an overdue mail, the dashboard counts it; bad input changes nothing; a slipping prerequisite flags its dependent
 * at once; a correction is a new version. Unique titles and labels keep it runnable on a shared database.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(MovableClock.Config.class)
class MonitoringIntegrationTests {

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP)
		.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "localhost");
		registry.add("spring.mail.port", () -> ServerSetupTest.SMTP.getPort());
	}


	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	ProjectDirectory directory;

	@Autowired
	ReminderJob reminders;

	@Autowired
	DependencyAnalysis dependencies;

	@Autowired
	MovableClock clock;

	/** Cycles this test opened: closed afterwards, so that runs on a shared database do not pile up open cycles. */
	final List<String> opened = new java.util.ArrayList<>();

	@org.junit.jupiter.api.AfterEach
	void closeOpenedCycles() throws Exception {
		clock.offset = Duration.ZERO;
		for (String id : opened) {
			// Already closed by the test is fine too.
			mvc.perform(post("/api/v1/cycles/{id}/close", id).with(as("portfolio")));
		}
	}

	@Test
	void aFullCycleWithMailsALateReportAndTheDashboard() throws Exception {
		String marker = unique();
		ProjectSnapshot a = projectInImplementation("Statusbericht A " + marker, "AMT-51", null, "2026-01-01");
		ProjectSnapshot b = projectInImplementation("Statusbericht B " + marker, "AMT-51", null, "2026-01-01");
		ProjectSnapshot c = projectInImplementation("Statusbericht C " + marker, "AMT-63", null, "2026-01-01");
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Berlin"));
		LocalDate due = today.plusDays(5);
		String label = "Zyklus " + marker;

		// Open the cycle: the leads of both offices are mailed.
		String cycle = (mvc.perform(post("/api/v1/cycles").with(as("portfolio")).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"label": "%s", "cadence": "MONTHLY", "periodEnd": "%s", "dueDate": "%s"}
					""".formatted(label, today, due)))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
		String cycleId = JsonPath.read(cycle, "$.id");
		opened.add(cycleId);
		assertThat(mailsTo("lead@leitstand.example", "Statusberichte angefordert: " + label)).singleElement()
			.satisfies(m -> assertThat(GreenMailUtil.getBody(m)).contains(a.key(), b.key()));
		assertThat(mailsTo("lead2@leitstand.example", "Statusberichte angefordert: " + label)).hasSize(1);

		// A lead may not open cycles, nor report on another office's project.
		mvc.perform(post("/api/v1/cycles").with(as("lead")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"label\": \"x\", \"cadence\": \"MONTHLY\", \"periodEnd\": \"%s\", \"dueDate\": \"%s\"}".formatted(today, due)))
			.andExpect(status().isForbidden());
		mvc.perform(report(c, cycleId, 50, true).with(as("lead"))).andExpect(status().isForbidden());

		// A on time.
		mvc.perform(report(a, cycleId, 40, true).with(as("lead"))).andExpect(status().isCreated())
			.andExpect(jsonPath("$.state").value("SUBMITTED")).andExpect(jsonPath("$.reportVersion").value(1));

		// Progress 140 %: a clear message, nothing stored.
		mvc.perform(report(b, cycleId, 140, true).with(as("lead"))).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("progressPercent"))
			.andExpect(jsonPath("$.errors[0].message").value("Der Fortschritt muss zwischen 0 und 100 % liegen (eingegeben: 140 %)."));
		mvc.perform(get("/api/v1/projects/{key}/reports", b.key()).with(as("lead"))).andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(0));

		// Reminder two days before the due date: B is still missing (sent once only).
		reminders.remind(due.minusDays(2));
		reminders.remind(due.minusDays(1));
		List<MimeMessage> reminded = mailsTo("lead@leitstand.example", "Erinnerung: Statusberichte " + label);
		assertThat(reminded).singleElement().satisfies(m -> assertThat(GreenMailUtil.getBody(m)).contains(b.key())
			.doesNotContain(a.key()));

		// The due date passes: overdue mail, then B is submitted late.
		clock.offset = clock.offset.plusDays(7);
		reminders.remind(due.plusDays(1));
		assertThat(mailsTo("lead@leitstand.example", "Überfällig: Statusberichte " + label)).singleElement()
			.satisfies(m -> assertThat(GreenMailUtil.getBody(m)).contains(b.key()));
		mvc.perform(report(b, cycleId, 60, true).with(as("lead"))).andExpect(status().isCreated());

		String slots = (mvc.perform(get("/api/v1/cycles/{id}/reports", cycleId).with(as("board")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		assertThat((boolean) slot(slots, a.key(), "late")).isFalse();
		assertThat((boolean) slot(slots, b.key(), "late")).isTrue();
		assertThat((boolean) slot(slots, c.key(), "overdue")).isTrue();

		// The board's dashboard shows the cycle's result.
		mvc.perform(get("/api/v1/dashboard").param("cycle", cycleId).with(as("board"))).andExpect(status().isOk())
			.andExpect(jsonPath("$.cycle.label").value(label))
			.andExpect(jsonPath("$.submitted").value(org.hamcrest.Matchers.greaterThanOrEqualTo(2)))
			.andExpect(jsonPath("$.late").value(org.hamcrest.Matchers.greaterThanOrEqualTo(1)));
		String page = mvc.perform(get("/monitoring/dashboard").param("cycle", cycleId).with(as("board")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains(label);

		// Closed cycle: no more reports.
		mvc.perform(post("/api/v1/cycles/{id}/close", cycleId).with(as("portfolio"))).andExpect(status().isOk());
		mvc.perform(report(c, cycleId, 50, true).with(as("lead2"))).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("abgeschlossen")));
		mvc.perform(get("/api/v1/projects/{key}/reports", c.key()).with(as("lead2")))
			.andExpect(jsonPath("$.length()").value(0));
		clock.offset = Duration.ZERO;
	}

	@Test
	void aCorrectionIsANewVersionAndTheLatestSubmittedOneCounts() throws Exception {
		String marker = unique();
		ProjectSnapshot a = projectInImplementation("Korrektur " + marker, "AMT-51", null, "2026-01-01");
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Berlin"));
		String cycleId = JsonPath.read(mvc.perform(post("/api/v1/cycles").with(as("portfolio")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"label\": \"K %s\", \"cadence\": \"QUARTERLY\", \"periodEnd\": \"%s\", \"dueDate\": \"%s\"}"
				.formatted(marker, today, today.plusDays(10))))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
		opened.add(cycleId);
		mvc.perform(report(a, cycleId, 30, true).with(as("lead"))).andExpect(jsonPath("$.reportVersion").value(1));
		mvc.perform(report(a, cycleId, 35, false).with(as("lead"))).andExpect(jsonPath("$.reportVersion").value(2))
			.andExpect(jsonPath("$.state").value("DRAFT"));
		String slots = (mvc.perform(get("/api/v1/cycles/{id}/reports", cycleId).with(as("reader")))
			.andReturn().getResponse().getContentAsString());
		assertThat((int) slot(slots, a.key(), "report.progressPercent")).isEqualTo(30);
		mvc.perform(report(a, cycleId, 35, true).with(as("lead"))).andExpect(jsonPath("$.reportVersion").value(2))
			.andExpect(jsonPath("$.state").value("SUBMITTED"));
		slots = (mvc.perform(get("/api/v1/cycles/{id}/reports", cycleId).with(as("reader")))
			.andReturn().getResponse().getContentAsString());
		assertThat((int) slot(slots, a.key(), "report.progressPercent")).isEqualTo(35);
		mvc.perform(get("/api/v1/projects/{key}/reports", a.key()).with(as("reader")))
			.andExpect(jsonPath("$.length()").value(2));
	}

	@Test
	void aSlippingPrerequisiteFlagsItsDependentAtOnce() throws Exception {
		String marker = unique();
		ProjectSnapshot p = projectInImplementation("Voraussetzung " + marker, "AMT-63", null, "2026-01-01");
		ProjectSnapshot d = projectInImplementation("Abhängig " + marker, "AMT-51", p.key(), "2027-09-01");
		assertThat(dependencies.graph().endangered(d.id())).isFalse();

		String milestone = JsonPath.read(mvc.perform(post("/api/v1/projects/{key}/milestones", p.key()).with(as("lead2"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"Abnahme\", \"planned\": \"2027-06-01\", \"completion\": true}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
		assertThat(dependencies.graph().endangered(d.id())).isFalse();

		// The forecast slips past the date D needs P: D is flagged at once, with the chain.
		mvc.perform(put("/api/v1/projects/{key}/milestones/{id}", p.key(), milestone).with(as("lead2"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"Abnahme\", \"planned\": \"2027-06-01\", \"forecast\": \"2027-12-01\", \"completion\": true}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.slippageDays").value(183));
		DependencyAnalysis.Graph graph = dependencies.graph();
		assertThat(graph.endangered(d.id())).isTrue();
		assertThat(graph.chains().get(d.id()).get(0)).extracting(ProjectSnapshot::key).containsExactly(d.key(), p.key());
		String page = mvc.perform(get("/monitoring/projects/{key}", d.key()).with(as("reader")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("gefährdet durch Abhängigkeit", p.key());

		// An actual date in the future is refused and changes nothing.
		mvc.perform(put("/api/v1/projects/{key}/milestones/{id}", p.key(), milestone).with(as("lead2"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"Abnahme\", \"planned\": \"2027-06-01\", \"actual\": \"2099-01-01\", \"completion\": true}"))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("actual"))
			.andExpect(jsonPath("$.errors[0].message").value("Das Ist-Datum 01.01.2099 liegt in der Zukunft. Bitte geben Sie ein Datum bis heute ("
					+ java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy").format(LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Berlin"))) + ") an."));
		mvc.perform(get("/api/v1/projects/{key}/milestones", p.key()).with(as("reader")))
			.andExpect(jsonPath("$[0].forecast").value("2027-12-01")).andExpect(jsonPath("$[0].actual").isEmpty());
		// Another office's lead may not change it.
		mvc.perform(post("/api/v1/projects/{key}/milestones", p.key()).with(as("lead"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"X\", \"planned\": \"2027-06-01\"}"))
			.andExpect(status().isForbidden());
	}

	@Test
	void theReportFormNamesBadInputAtItsFieldAndStoresNothing() throws Exception {
		String marker = unique();
		ProjectSnapshot a = projectInImplementation("Formular " + marker, "AMT-51", null, "2026-01-01");
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Berlin"));
		String location = mvc.perform(post("/monitoring/cycles").with(as("portfolio")).with(csrf())
			.param("label", "Web " + marker).param("cadence", "MONTHLY").param("periodEnd", today.toString())
			.param("dueDate", today.plusDays(3).toString()))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		String cycleId = location.substring(location.lastIndexOf('/') + 1);
		opened.add(cycleId);
		String form = "/monitoring/projects/" + a.key() + "/reports/" + cycleId;

		String page = mvc.perform(post(form).with(as("lead")).with(csrf()).param("overall", "GREEN").param("scope", "GREEN")
			.param("time", "GREEN").param("cost", "GREEN").param("risk", "GREEN").param("progressPercent", "140")
			.param("summary", "Alles gut").param("costYears[0]", "2026").param("costAmounts[0]", "1000")
			.param("action", "submit"))
			.andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Der Fortschritt muss zwischen 0 und 100 % liegen (eingegeben: 140 %).", "value=\"140\"");
		mvc.perform(get("/api/v1/projects/{key}/reports", a.key()).with(as("lead"))).andExpect(jsonPath("$.length()").value(0));

		// Another office's lead gets 403, a missing light is named.
		mvc.perform(post(form).with(as("lead2")).with(csrf()).param("overall", "GREEN").param("progressPercent", "10")
			.param("summary", "x").param("action", "save")).andExpect(status().isForbidden());
		page = mvc.perform(post(form).with(as("lead")).with(csrf()).param("overall", "GREEN").param("progressPercent", "10")
			.param("summary", "x").param("action", "save"))
			.andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Bitte wählen Sie eine Ampel (grün, gelb oder rot).");

		// Submitted through the form: the cycle page and the drill-down show it with its light word.
		mvc.perform(post(form).with(as("lead")).with(csrf()).param("overall", "RED").param("scope", "GREEN")
			.param("time", "RED").param("cost", "GREEN").param("risk", "YELLOW").param("progressPercent", "20")
			.param("summary", "Verzug").param("decisionNeeded", "Mehr Personal").param("action", "submit"))
			.andExpect(status().is3xxRedirection());
		assertThat(mvc.perform(get("/monitoring/reports").param("cycle", cycleId).param("light", "RED").with(as("board")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).contains(a.key(), "rot", "Mehr Personal");
		assertThat(mvc.perform(get(form).with(as("reader"))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString()).contains("Version 1").doesNotContain("name=\"action\"");
		// The lead who submitted it sees it too (with the way to a correction), not an error page.
		assertThat(mvc.perform(get(form).with(as("lead"))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString()).contains("Version 1", "/correction").doesNotContain("name=\"action\"");
	}

	@Test
	void thePortfolioOfficeIsMailedWhenAReportAsksForADecisionAndWhenADependentIsEndangered() throws Exception {
		String marker = unique();
		ProjectSnapshot p = projectInImplementation("Basis " + marker, "AMT-63", null, "2026-01-01");
		ProjectSnapshot d = projectInImplementation("Folge " + marker, "AMT-51", p.key(), "2027-09-01");
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Berlin"));
		String cycleId = JsonPath.read(mvc.perform(post("/api/v1/cycles").with(as("portfolio"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"label\": \"E %s\", \"cadence\": \"MONTHLY\", \"periodEnd\": \"%s\", \"dueDate\": \"%s\"}"
				.formatted(marker, today, today.plusDays(10))))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
		opened.add(cycleId);

		// A report that asks for a decision: the portfolio office gets the text, the project and the cycle.
		mvc.perform(post("/api/v1/projects/{key}/reports", d.key()).with(as("lead")).contentType(MediaType.APPLICATION_JSON)
			.content(reportJson(cycleId, 30, "Zusätzliche Stelle " + marker, true))).andExpect(status().isCreated());
		assertThat(mailsStartingWith("portfolio@leitstand.example", "Entscheidung nötig: " + d.key())).singleElement()
			.satisfies(m -> assertThat(text(m)).contains("Zusätzliche Stelle " + marker, "„E " + marker + "“",
					"/monitoring/projects/" + d.key() + "/reports/" + cycleId));
		// A draft, a report without an escalation and a correction asking the same are not mailed again.
		mvc.perform(post("/api/v1/projects/{key}/reports", p.key()).with(as("lead2")).contentType(MediaType.APPLICATION_JSON)
			.content(reportJson(cycleId, 30, "Entwurf " + marker, false))).andExpect(status().isCreated());
		mvc.perform(post("/api/v1/projects/{key}/reports", p.key()).with(as("lead2")).contentType(MediaType.APPLICATION_JSON)
			.content(reportJson(cycleId, 30, "", true))).andExpect(status().isCreated());
		mvc.perform(post("/api/v1/projects/{key}/reports", d.key()).with(as("lead")).contentType(MediaType.APPLICATION_JSON)
			.content(reportJson(cycleId, 35, "Zusätzliche Stelle " + marker, true)))
			.andExpect(jsonPath("$.reportVersion").value(2));
		assertThat(mailsStartingWith("portfolio@leitstand.example", "Entscheidung nötig: " + p.key())).isEmpty();
		assertThat(mailsStartingWith("portfolio@leitstand.example", "Entscheidung nötig: " + d.key())).hasSize(1);
		// Leads do not get the escalation.
		assertThat(mailsStartingWith("lead@leitstand.example", "Entscheidung nötig")).isEmpty();

		// The prerequisite's completion slips past the date D needs it: one mail, with the chain.
		String milestone = JsonPath.read(mvc.perform(post("/api/v1/projects/{key}/milestones", p.key()).with(as("lead2"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"Abnahme\", \"planned\": \"2027-06-01\", \"completion\": true}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
		String atRisk = "Gefährdet durch Abhängigkeit: " + d.key() + " ";
		assertThat(mailsStartingWith("portfolio@leitstand.example", atRisk)).isEmpty();
		forecast(p, milestone, "2027-12-01");
		assertThat(mailsStartingWith("portfolio@leitstand.example", atRisk)).singleElement()
			.satisfies(m -> assertThat(text(m)).contains(d.key() + " ← " + p.key(), "01.12.2027", "01.09.2027"));
		// Slipping further is not news; recovering and slipping again is.
		forecast(p, milestone, "2028-01-15");
		assertThat(mailsStartingWith("portfolio@leitstand.example", atRisk)).hasSize(1);
		forecast(p, milestone, "2027-08-01");
		assertThat(dependencies.graph().endangered(d.id())).isFalse();
		forecast(p, milestone, "2027-10-01");
		assertThat(mailsStartingWith("portfolio@leitstand.example", atRisk)).hasSize(2);
		assertThat(mailsStartingWith("lead@leitstand.example", "Gefährdet")).isEmpty();
	}

	@Test
	void milestoneRiskIssueAndCycleFormsNameBadInputWithItsFiguresKeepItAndStoreNothing() throws Exception {
		String marker = unique();
		ProjectSnapshot a = projectInImplementation("Formulare " + marker, "AMT-51", null, "2026-01-01");
		String page = "/monitoring/projects/" + a.key();
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Berlin"));
		java.time.format.DateTimeFormatter german = java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy");

		// Milestone: too long a title, an impossible forecast, an actual date in the future.
		String longTitle = "Meilenstein " + "x".repeat(300);
		Document html = form(mvc.perform(post(page + "/milestones").with(as("lead")).with(csrf())
			.param("title", longTitle).param("planned", "2027-01-01").param("forecast", "31.02.2027")
			.param("actual", today.plusDays(3).toString()).param("published", "true")));
		assertThat(html.getElementById("title-error").text())
			.endsWith("Bitte kürzen Sie den Text auf höchstens 300 Zeichen.");
		assertThat(html.getElementById("forecast-error").text())
			.endsWith("„31.02.2027“ ist kein gültiges Datum. Bitte geben Sie es als TT.MM.JJJJ an.");
		assertThat(html.getElementById("actual-error").text()).endsWith("Das Ist-Datum "
				+ german.format(today.plusDays(3)) + " liegt in der Zukunft. Bitte geben Sie ein Datum bis heute ("
				+ german.format(today) + ") an.");
		assertThat(html.select(".error-summary a").eachAttr("href")).contains("#title", "#forecast", "#actual");
		assertThat(html.getElementById("title").val()).isEqualTo(longTitle);
		assertThat(html.getElementById("published").hasAttr("checked")).isTrue();
		assertThat(html.select("details:has(#title)").hasAttr("open")).isTrue();
		assertThat(html.html()).doesNotContain("{0}", "{1}");

		// Risk: values outside the scale and unreadable ones are repeated in the message; too long texts say how long.
		html = form(mvc.perform(post(page + "/risks").with(as("lead")).with(csrf())
			.param("title", "R" + "x".repeat(300)).param("probability", "7").param("impact", "hoch")
			.param("owner", "O" + "x".repeat(200)).param("mitigation", "Gegenmaßnahme " + marker)));
		assertThat(html.getElementById("riskProbability-error").text())
			.endsWith("Bitte geben Sie eine ganze Zahl von 1 bis 5 an (eingegeben: 7).");
		assertThat(html.getElementById("riskImpact-error").text())
			.endsWith("Bitte geben Sie eine ganze Zahl von 1 bis 5 an (eingegeben: hoch).");
		assertThat(html.getElementById("riskTitle-error").text()).endsWith("höchstens 300 Zeichen.");
		assertThat(html.getElementById("riskOwner-error").text()).endsWith("höchstens 200 Zeichen.");
		assertThat(html.select(".error-summary a").eachAttr("href"))
			.containsExactlyInAnyOrder("#riskTitle", "#riskProbability", "#riskImpact", "#riskOwner");
		assertThat(html.getElementById("riskProbability").val()).isEqualTo("7");
		assertThat(html.getElementById("riskMitigation").val()).isEqualTo("Gegenmaßnahme " + marker);
		assertThat(html.html()).doesNotContain("{0}");
		// A missing value says what is expected.
		html = form(mvc.perform(post(page + "/risks").with(as("lead")).with(csrf()).param("title", "Risiko")
			.param("probability", "").param("impact", "3").param("owner", "PL")));
		assertThat(html.getElementById("riskProbability-error").text())
			.endsWith("Bitte geben Sie einen Wert von 1 bis 5 an.");

		// Issue: a missing title and an unreadable due date.
		html = form(mvc.perform(post(page + "/issues").with(as("lead")).with(csrf()).param("title", "")
			.param("owner", "Amt " + marker).param("due", "morgen")));
		assertThat(html.getElementById("issueTitle-error").text()).endsWith("Bitte füllen Sie dieses Feld aus.");
		assertThat(html.getElementById("issueDue-error").text()).contains("„morgen“ ist kein gültiges Datum");
		assertThat(html.getElementById("issueOwner").val()).isEqualTo("Amt " + marker);

		// Nothing was stored.
		mvc.perform(get("/api/v1/projects/{key}/milestones", a.key()).with(as("reader")))
			.andExpect(jsonPath("$.length()").value(0));
		mvc.perform(get("/api/v1/projects/{key}/risks", a.key()).with(as("reader")))
			.andExpect(jsonPath("$.length()").value(0));
		assertThat(mvc.perform(get(page).with(as("reader"))).andReturn().getResponse().getContentAsString())
			.doesNotContain("Amt " + marker);

		// Another office's lead is refused before any input is looked at.
		mvc.perform(post(page + "/risks").with(as("lead2")).with(csrf()).param("probability", "x"))
			.andExpect(status().isForbidden());

		// The cycle form: the label's limit, an unreadable date.
		html = form(mvc.perform(post("/monitoring/cycles").with(as("portfolio")).with(csrf())
			.param("label", "Z" + "x".repeat(100)).param("cadence", "MONTHLY").param("periodEnd", "gestern")
			.param("dueDate", today.plusDays(3).toString())));
		assertThat(html.getElementById("label-error").text()).endsWith("höchstens 100 Zeichen.");
		assertThat(html.getElementById("periodEnd-error").text()).contains("„gestern“ ist kein gültiges Datum");
		assertThat(html.html()).doesNotContain("{0}");
	}

	private static Document form(org.springframework.test.web.servlet.ResultActions result) throws Exception {
		return Jsoup.parse(result.andExpect(status().isUnprocessableContent()).andReturn().getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
	}

	private void forecast(ProjectSnapshot p, String milestone, String forecast) throws Exception {
		String version = JsonPath.read(mvc.perform(get("/api/v1/projects/{key}/milestones", p.key()).with(as("reader")))
			.andReturn().getResponse().getContentAsString(), "$[?(@.id == '" + milestone + "')].version").toString()
			.replaceAll("[\\[\\]]", "");
		mvc.perform(put("/api/v1/projects/{key}/milestones/{id}", p.key(), milestone).with(as("lead2"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"Abnahme\", \"planned\": \"2027-06-01\", \"forecast\": \"%s\", \"completion\": true, \"version\": %s}"
				.formatted(forecast, version)))
			.andExpect(status().isOk());
	}

	private static String reportJson(String cycleId, int progress, String decision, boolean submit) {
		return """
				{"cycleId": "%s", "overall": "RED", "scope": "GREEN", "time": "RED", "cost": "GREEN",
				 "risk": "YELLOW", "progressPercent": %d, "summary": "Stand", "decisionNeeded": "%s", "submit": %s}
				""".formatted(cycleId, progress, decision, submit);
	}

	/** The decoded text of a mail's parts (the raw body is quoted-printable). */
	static String text(jakarta.mail.Part part) throws Exception {
		Object content = part.getContent();
		if (content instanceof jakarta.mail.Multipart multipart) {
			StringBuilder all = new StringBuilder();
			for (int i = 0; i < multipart.getCount(); i++) {
				all.append(text(multipart.getBodyPart(i)));
			}
			return all.toString();
		}
		return content instanceof String string ? string : "";
	}

	private List<MimeMessage> mailsStartingWith(String address, String subject) throws Exception {
		List<MimeMessage> found = new java.util.ArrayList<>();
		for (MimeMessage m : mail.getReceivedMessagesForDomain(address)) {
			if (m.getSubject().startsWith(subject)) {
				found.add(m);
			}
		}
		return found;
	}

	// --- helpers ---

	private ProjectSnapshot projectInImplementation(String title, String unit, String requires, String start)
			throws Exception {
		String body = """
				{"title": "%s", "shortDescription": "Beschreibung %s", "type": "PROJECT", "leadUnit": "%s",
				 "plannedStart": "%s", "plannedEnd": "%s",
				 "costs": [{"year": 2026, "investment": 100000, "running": 5000}],
				 "goals": [{"goal": "Z3.1", "contribution": "HIGH"}], %s
				 "ai": {"used": false}, "publication": {"published": false}}
				""".formatted(title, title, unit, start, start.startsWith("2026") ? "2027-06-30" : "2028-06-30", requires == null ? "" : "\"requires\": [\"" + requires + "\"],");
		String key = JsonPath.read(mvc.perform(post("/api/v1/projects").with(as("portfolio")).contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(),
				"$.key");
		UUID id = directory.findByKey(key).orElseThrow().id();
		for (ProjectStatus step : Arrays.asList(ProjectStatus.SUBMITTED, ProjectStatus.IN_REVIEW, ProjectStatus.APPROVED,
				ProjectStatus.IN_IMPLEMENTATION)) {
			directory.moveByDecision(id, step, "test", "Test");
		}
		return directory.find(id).orElseThrow();
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder report(ProjectSnapshot p,
			String cycleId, int progress, boolean submit) {
		return post("/api/v1/projects/{key}/reports", p.key()).contentType(MediaType.APPLICATION_JSON).content("""
				{"cycleId": "%s", "overall": "YELLOW", "scope": "GREEN", "time": "YELLOW", "cost": "GREEN",
				 "risk": "RED", "progressPercent": %d, "summary": "Stand der Umsetzung",
				 "decisionNeeded": "Freigabe Mittel", "actualCosts": {"2026": 42000}, "submit": %s}
				""".formatted(cycleId, progress, submit));
	}

	private List<MimeMessage> mailsTo(String address, String subject) throws Exception {
		List<MimeMessage> found = new java.util.ArrayList<>();
		for (MimeMessage m : mail.getReceivedMessagesForDomain(address)) {
			if (m.getSubject().equals(subject)) {
				found.add(m);
			}
		}
		return found;
	}

	private static Object slot(String slots, String key, String path) {
		List<Object> found = JsonPath.read(slots, "$[?(@.projectKey == '" + key + "')]." + path);
		assertThat(found).as("slot of %s", key).hasSize(1);
		return found.get(0);
	}

	private RequestPostProcessor as(String username) {
		return SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(username));
	}

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}
}
