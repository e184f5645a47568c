package de.leitstand;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import de.leitstand.support.Browser;
import de.leitstand.support.BrowserTest;

/**
 * Every page type passes axe-core's WCAG 2.1 A/AA rules in a real browser (STYLE.md §17) and has the page skeleton
 * of STYLE.md §14. A new page type gets a line in {@link #pages()}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@BrowserTest
class AccessibilityBrowserTests {

	static final String PASSWORD = "leitstand-demo";

	/**
	 * A page as a user sees it: who is signed in ({@code null}: nobody), the path, the page's language and, where it
	 * tells the page apart, the expected main heading.
	 */
	record Page(String name, String user, String path, String lang, String heading) {

		@Override
		public String toString() {
			return name;
		}
	}

	static Stream<Page> pages() {
		return Stream.of(
				new Page("login page", null, "/login", "de", "Anmelden"),
				new Page("login page after a failed sign-in", null, "/login?error", "de", "Anmelden"),
				new Page("login page after sign-out", null, "/login?logout", "de", "Anmelden"),
				new Page("login page in English", null, "/login?lang=en", "en", "Sign in"),
				new Page("start page as admin", "admin", "/", "de", null),
				new Page("start page as portfolio", "portfolio", "/", "de", null),
				new Page("start page as lead", "lead", "/", "de", null),
				new Page("start page as lead2", "lead2", "/", "de", null),
				new Page("start page as evaluator", "evaluator", "/", "de", null),
				new Page("start page as board", "board", "/", "de", null),
				new Page("start page as reader", "reader", "/", "de", null),
				new Page("start page in English", "portfolio", "/?lang=en", "en", null),
				new Page("portfolio import as portfolio", "portfolio", "/portfolio/import", "de",
						"Projekte importieren"),
				new Page("portfolio import as lead in English", "lead", "/portfolio/import?lang=en", "en",
						"Import projects"),
				new Page("404 page", "reader", "/no-such-page", "de", "Seite nicht gefunden"),
				new Page("403 page (lead opens the user administration)", "lead", "/admin/users", "de",
						"Kein Zugriff"),
				new Page("user administration", "admin", "/admin/users", "de", null),
				new Page("new user form", "admin", "/admin/users/new", "de", null),
				new Page("org unit tree", "admin", "/admin/org-units", "de", null),
				new Page("new org unit form", "admin", "/admin/org-units/new", "de", null),
				new Page("strategy house", "reader", "/strategy", "de", "Strategiehaus"),
				new Page("strategy house in English", "reader", "/strategy?lang=en", "en", "Strategy house"),
				new Page("strategy versions", "portfolio", "/strategy/versions", "de", "Strategieversionen"),
				new Page("field of action", "reader", "/strategy/fields/{field}", "de", null),
				new Page("strategic goal with KPIs and history", "portfolio", "/strategy/goals/{goal}", "de", null),
				new Page("KPI", "reader", "/strategy/kpis/{kpi}", "de", null),
				new Page("measure bundle", "reader", "/strategy/bundles/{bundle}", "de", null),
				new Page("edit strategy version", "portfolio", "/strategy/versions/{strategy}/edit", "de", null),
				new Page("edit goal", "portfolio", "/strategy/goals/{goal}/edit", "de", null),
				new Page("new KPI", "portfolio", "/strategy/goals/{goal}/kpis/new", "de", null),
				new Page("edit bundle", "portfolio", "/strategy/bundles/{bundle}/edit", "de", null),
				new Page("copy strategy version", "portfolio", "/strategy/versions/{strategy}/copy", "de", null),
				new Page("portfolio list", "reader", "/portfolio", "de", "Portfolio"),
				new Page("portfolio list, searched and filtered", "portfolio",
						"/portfolio?q=Antr%C3%A4ge&status=IN_IMPLEMENTATION&sort=TITLE", "de", "Portfolio"),
				new Page("portfolio list with nonsense parameters", "reader", "/portfolio?page=-3&field=xyz&year=1", "de",
						"Portfolio"),
				new Page("portfolio list in English", "reader", "/portfolio?lang=en", "en", "Portfolio"),
				new Page("project profile", "portfolio", "/portfolio/projects/P-0001", "de", null),
				new Page("project history", "portfolio", "/portfolio/projects/P-0001/history", "de", null),
				new Page("strategy coverage", "board", "/portfolio/coverage", "de", "Strategieabdeckung"),
				new Page("intake step 1", "lead", "/portfolio/new", "de", "Neues Vorhaben einreichen"),
				new Page("intake step 2", "portfolio", "/portfolio/projects/P-0001/edit/organisation", "de", null),
				new Page("intake step 3", "portfolio", "/portfolio/projects/P-0001/edit/strategy", "de", null),
				new Page("intake step 4", "portfolio", "/portfolio/projects/P-0001/edit/resources", "de", null),
				new Page("intake step 5", "portfolio", "/portfolio/projects/P-0001/edit/details", "de", null),
				new Page("intake step 6", "portfolio", "/portfolio/projects/P-0001/edit/publication", "de", null),
				new Page("intake step 7", "portfolio", "/portfolio/projects/P-0001/edit/review", "de", null),
				new Page("scoring models", "portfolio", "/scoring/models", "de", "Bewertungsmodelle"),
				new Page("active scoring model", "portfolio", "/scoring/models/active", "de", null),
				new Page("active scoring model as evaluator in English", "evaluator", "/scoring/models/active?lang=en",
						"en", null),
				new Page("AHP pairwise comparison", "portfolio", "/scoring/models/active/ahp", "de",
						"Gewichtung per Paarvergleich (AHP)"),
				new Page("draft scoring model (editable)", "portfolio", "/scoring/models/{draftModel}", "de", null),
				new Page("new criterion form", "portfolio", "/scoring/models/{draftModel}/criteria/new", "de",
						"Kriterium hinzufügen"),
				new Page("new criterion form in English", "portfolio",
						"/scoring/models/{draftModel}/criteria/new?lang=en", "en", "Add criterion"),
				new Page("draft criterion with its remove button", "portfolio",
						"/scoring/models/{draftModel}/criteria/{draftCriterion}", "de", null),
				new Page("assessments as portfolio office", "portfolio", "/assessments", "de", "Bewertungen"),
				new Page("my assessments as evaluator", "evaluator", "/assessments", "de", "Bewertungen"),
				new Page("rating form", "evaluator", "/assessments/next", "de", null),
				new Page("ranking", "board", "/ranking", "de", "Rangliste"),
				new Page("assessment breakdown with benefit plan", "portfolio", "/assessments/projects/P-0001", "de",
						null),
				new Page("scenario list", "reader", "/scenarios", "de", "Portfolio-Szenarien"),
				new Page("new scenario form", "portfolio", "/scenarios/new", "de", "Neues Szenario"),
				new Page("scenario import", "portfolio", "/scenarios/import", "de", "Szenario importieren"),
				new Page("example scenario (edit)", "portfolio", "/scenarios/{scenario}", "de", null),
				new Page("example scenario (read)", "reader", "/scenarios/{scenario}?lang=en", "en", null),
				new Page("scenario result", "board", "/scenarios/{scenario}/runs/{scenarioRun}", "de", null),
				new Page("scenario comparison", "reader", "/scenarios/compare?id={scenario}", "de",
						"Szenarien vergleichen"),
				new Page("board meetings", "reader", "/board/meetings", "de", "Sitzungen des Digitalisierungsboards"),
				new Page("board meetings in English", "portfolio", "/board/meetings?lang=en", "en",
						"Digitalisation board meetings"),
				new Page("new board meeting", "portfolio", "/board/meetings/new", "de", "Sitzung planen"),
				new Page("board decision log", "reader", "/board/decisions", "de", "Beschlussbuch"),
				new Page("board decision log, filtered", "board", "/board/decisions?outcome=APPROVED&meeting=x", "de",
						"Beschlussbuch"),
				new Page("board chain verification", "board", "/board/verify", "de", "Prüfung der Beschlusskette"),
				new Page("board chain verification, unreadable check value", "portfolio", "/board/verify?anchor=12",
						"de", "Prüfung der Beschlusskette"),
				new Page("monitoring dashboard", "board", "/monitoring/dashboard", "de", "Portfolio-Gesundheit"),
				new Page("monitoring dashboard in English", "reader", "/monitoring/dashboard?lang=en", "en",
						"Portfolio health"),
				new Page("monitoring roadmap", "board", "/monitoring/roadmap", "de", "Roadmap"),
				new Page("dependency graph", "portfolio", "/monitoring/dependencies", "de",
						"Abhängigkeiten zwischen Vorhaben"),
				new Page("reporting cycles with the open form", "portfolio", "/monitoring/cycles", "de",
						"Berichtszyklen"),
				new Page("reporting cycle", "portfolio", "/monitoring/cycles/{cycle}", "de", null),
				new Page("report drill-down", "board", "/monitoring/reports?light=RED", "de", "Statusberichte"),
				new Page("milestones due", "reader", "/monitoring/milestones?filter=due", "de", null),
				new Page("open risks", "reader", "/monitoring/risks", "de", "Offene Risiken"),
				new Page("project monitoring with forms", "portfolio", "/monitoring/projects/{monitoredProject}", "de",
						null),
				new Page("status report form", "portfolio", "/monitoring/projects/{monitoredProject}/reports/{cycle}",
						"de", null),
				new Page("strategy achievement", "reader", "/strategy/achievement", "de", "Strategieerreichung"),
				new Page("strategy achievement in English", "board", "/strategy/achievement?lang=en", "en",
						"Strategy achievement"),
				new Page("achievement of a field of action", "reader", "/strategy/achievement/fields/{field}", "de", null),
				new Page("KPI measurements with entry form", "portfolio", "/kpis/{kpi}", "de", null),
				new Page("KPI measurements read-only", "reader", "/kpis/{kpi}", "de", null),
				new Page("KPI import", "portfolio", "/kpis/import", "de", "Messwerte importieren"),
				new Page("KPI measurement with correction form, delete and history", "portfolio",
						"/kpis/{kpi}/measurements/{measurement}", "de", null),
				new Page("KPI measurement read-only with history", "reader", "/kpis/{kpi}/measurements/{measurement}",
						"de", null),
				new Page("council report", "board", "/reports/council", "de", "Gemeinderatsbericht"),
				new Page("public monitor", null, "/monitor", "de", "Digitalmonitor"),
				new Page("public monitor in English", null, "/monitor?lang=en", "en", "Digital monitor"),
				new Page("public monitor, searched and filtered", null, "/monitor?q=Online&field=3&ai=false", "de",
						"Digitalmonitor"),
				new Page("public monitor, page 2", null, "/monitor?page=2", "de", "Digitalmonitor"),
				new Page("public monitor with nonsense parameters", null,
						"/monitor?page=-3&field=xyz&status=NOPE&ai=maybe", "de", "Digitalmonitor"),
				new Page("public project page", null, "/monitor/projects/{public}", "de", null),
				new Page("public project page in English", null, "/monitor/projects/{public}?lang=en", "en", null),
				new Page("AI register", null, "/monitor/ki-register", "de", "KI-Register"),
				new Page("AI register in English", null, "/monitor/ki-register?lang=en", "en", "AI register"),
				new Page("open data", null, "/monitor/open-data", "de", "Offene Daten"),
				new Page("open data in English", null, "/monitor/open-data?lang=en", "en", "Open data"),
				new Page("accessibility statement", null, "/monitor/barrierefreiheit", "de",
						"Erklärung zur Barrierefreiheit"),
				new Page("accessibility statement in English", null, "/monitor/barrierefreiheit?lang=en", "en",
						"Accessibility statement"),
				new Page("public monitor 404", null, "/monitor/projects/P-NOPE", "de", null),
				new Page("personal API tokens", "reader", "/account/tokens", "de", "Persönliche API-Tokens"),
				new Page("personal API tokens in English", "portfolio", "/account/tokens?lang=en", "en",
						"Personal API tokens"),
				new Page("e-mail notification settings", "lead", "/account/notifications", "de",
						"E-Mail-Benachrichtigungen"),
				new Page("login page after too many failed attempts", null, "/login?throttled", "de", "Anmelden"),
				new Page("security event log", "admin", "/admin/security-events", "de", "Sicherheitsprotokoll"),
				new Page("security event log, filtered", "admin", "/admin/security-events?type=LOGIN_FAILURE&username=x",
						"de", "Sicherheitsprotokoll"));
	}

	@LocalServerPort
	int port;

	Browser browser;

	@BeforeAll
	void startBrowser() {
		browser = Browser.start(port);
	}

	@AfterAll
	void stopBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	@BeforeEach
	void signOut() {
		browser.reset();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("pages")
	void pageIsAccessibleAndHasTheSkeleton(Page page) {
		if (page.user() != null) {
			browser.login(page.user(), PASSWORD);
		}
		browser.open(resolve(page.path()));
		WebDriver driver = browser.driver();

		assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang")).as("<html lang>")
			.isEqualTo(page.lang());
		List<WebElement> headings = driver.findElements(By.tagName("h1"));
		assertThat(headings).as("exactly one <h1> on %s", page.path()).hasSize(1);
		if (page.heading() != null) {
			assertThat(headings.get(0).getText()).isEqualTo(page.heading());
		}
		assertSkipLinkFirst(driver);
		browser.assertAccessible();
	}

	@Test
	void failedSignInShowsAnAccessibleGermanError() {
		browser.open("/login");
		browser.driver().findElement(By.id("username")).sendKeys("lead");
		browser.driver().findElement(By.id("password")).sendKeys("not-the-password");
		browser.clickAndWaitForPage(
				browser.driver().findElement(By.cssSelector("form[action$='/login'] button[type=submit]")));

		WebElement alert = browser.driver().findElement(By.cssSelector("[role=alert]"));
		assertThat(alert.getText()).isEqualTo("Benutzername oder Passwort ist falsch.");
		browser.assertAccessible();
	}

	@Test
	void axeReportsABrokenPage() {
		browser.open("/login");
		((JavascriptExecutor) browser.driver()).executeScript("""
				const img = document.createElement('img');
				img.src = '/favicon.ico';
				document.getElementById('main-content').appendChild(img);
				document.getElementById('username').removeAttribute('id');
				""");
		assertThat(browser.axe()).extracting(Browser.AxeViolation::id).contains("image-alt", "label");
	}

	@org.springframework.beans.factory.annotation.Autowired
	de.leitstand.strategy.internal.StrategyService strategies;

	@org.springframework.beans.factory.annotation.Autowired
	de.leitstand.monitoring.MonitoringFacts monitoringFacts;

	@org.springframework.beans.factory.annotation.Autowired
	de.leitstand.portfolio.ProjectDirectory directory;

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.transaction.support.TransactionTemplate tx;

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.context.ApplicationContext context;

	@org.springframework.beans.factory.annotation.Autowired
	de.leitstand.publicmonitor.internal.PublicCatalog publicCatalog;

	@org.springframework.beans.factory.annotation.Autowired
	de.leitstand.monitoring.internal.kpi.KpiMeasurements kpiMeasurements;

	/** Fills ids of demo records (strategy, scenario, cycle, public project) into a page path. */
	private String resolve(String path) {
		if (path.contains("{draftModel}")) {
			return de.leitstand.prioritization.ScoringTestPages.resolve(path, context);
		}
		if (path.contains("{scenario")) {
			return de.leitstand.prioritization.ScenarioTestPages.resolve(path, context);
		}
		if (path.contains("{public}")) {
			// Any project that is on the public monitor (the demo data publishes many).
			return path.replace("{public}", publicCatalog.current().projects().get(0).key());
		}
		if (!path.contains("{")) {
			return path;
		}
		if (path.contains("{cycle}") || path.contains("{monitoredProject}")) {
			var cycle = monitoringFacts.cycles().stream().filter(c -> !c.closed()).findFirst().orElseThrow();
			var slot = monitoringFacts.cycle(cycle.id()).orElseThrow();
			// A project without a submitted report, so that the page shows the form.
			String key = slot.missingProjectIds().isEmpty() ? slot.reports().get(0).projectKey()
					: directory.find(slot.missingProjectIds().get(0)).orElseThrow().key();
			path = path.replace("{cycle}", cycle.id().toString()).replace("{monitoredProject}", key);
			if (!path.contains("{")) {
				return path;
			}
		}
		String resolved = path;
		return tx.execute(status -> {
			var strategy = strategies.active().orElseThrow();
			var field = strategy.getFields().get(0);
			var goal = field.getGoals().get(0);
			return resolved.replace("{strategy}", strategy.getId().toString())
				.replace("{field}", field.getId().toString())
				.replace("{goal}", goal.getId().toString())
				.replace("{kpi}", goal.getKpis().get(0).getId().toString())
				.replace("{measurement}", resolved.contains("{measurement}") ? kpiMeasurements
					.findByKpiIdOrderByMeasuredOnAscEnteredAtAsc(goal.getKpis().get(0).getId()).get(0).getId().toString()
						: "")
				.replace("{bundle}", field.getBundles().get(0).getId().toString());
		});
	}

	@Test
	void aFormWithErrorsIsAccessibleAndFocusesItsErrorSummary() {
		browser.login("lead", PASSWORD);
		browser.open("/portfolio/new");
		browser.driver().findElement(By.id("title")).sendKeys("<script>alert(1)</script>");
		browser.submitAndWaitForPage(browser.driver().findElement(By.id("title")));
		WebElement summary = browser.driver().findElement(By.cssSelector(".error-summary[role=alert]"));
		assertThat(summary.getText()).contains("Bitte prüfen Sie Ihre Eingaben", "ohne HTML-Auszeichnungen",
				"Bitte füllen Sie dieses Feld aus.");
		assertThat(browser.driver().switchTo().activeElement()).isEqualTo(summary);
		assertThat(browser.driver().findElement(By.id("title")).getDomProperty("value"))
			.isEqualTo("<script>alert(1)</script>");
		browser.assertAccessible();
	}

	private static void assertSkipLinkFirst(WebDriver driver) {
		WebElement firstLink = driver.findElement(By.cssSelector("body a"));
		assertThat(firstLink.getDomAttribute("href")).as("first link is the skip link").isEqualTo("#main-content");
		assertThat(driver.findElements(By.id("main-content"))).as("skip link target #main-content").hasSize(1);
	}

	@org.springframework.beans.factory.annotation.Autowired
	de.leitstand.prioritization.internal.board.BoardMeetings boardMeetings;

	@org.springframework.beans.factory.annotation.Autowired
	de.leitstand.prioritization.internal.board.BoardService boardService;

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.security.core.userdetails.UserDetailsService userDetails;

	@Test
	void boardMeetingPagesAreAccessible() {
		var closed = boardMeetings.findAllByOrderByScheduledAtDesc().stream()
			.filter(m -> m.isExampleData() && m.isClosed()).findFirst().orElseThrow();
		var planned = boardMeetings.findAllByOrderByScheduledAtDesc().stream()
			.filter(m -> m.isExampleData() && !m.isClosed()).findFirst().orElseThrow();
		// An open meeting of its own, with a decidable item, for the inline decision form.
		var portfolio = userDetails.loadUserByUsername("portfolio");
		var context = org.springframework.security.core.context.SecurityContextHolder.getContext();
		context.setAuthentication(new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(
				portfolio, null, portfolio.getAuthorities()));
		java.util.UUID open;
		java.util.UUID item;
		try {
			open = boardService.schedule(new de.leitstand.prioritization.internal.board.BoardService.MeetingInput(
					"Barrierefreiheit " + java.util.UUID.randomUUID(), java.time.Instant.parse("2027-05-05T12:00:00Z"),
					60, "Rathaus")).getId();
			item = boardService.addItem(open, new de.leitstand.prioritization.internal.board.BoardService.ItemInput(
					de.leitstand.prioritization.internal.board.ItemType.SCENARIO, null, null, "Szenario A", null))
				.getId();
			boardService.open(open);
		}
		finally {
			context.setAuthentication(null);
		}

		browser.login("board", PASSWORD);
		browser.open("/board/meetings/" + closed.getId());
		assertThat(browser.driver().findElements(By.tagName("h1"))).hasSize(1);
		browser.assertAccessible();
		browser.open("/board/meetings/" + open + "?decide=" + item + "#decide");
		browser.submitAndWaitForPage(browser.driver().findElement(By.id("rationale")));
		WebElement summary = browser.driver().findElement(By.cssSelector(".error-summary[role=alert]"));
		assertThat(summary.getText()).contains("Bitte begründen Sie den Beschluss.");
		browser.assertAccessible();

		browser.reset();
		browser.login("portfolio", PASSWORD);
		browser.open("/board/meetings/" + planned.getId());
		assertThat(browser.driver().findElements(By.id("itemType"))).hasSize(1);
		browser.assertAccessible();
		browser.open("/board/meetings/" + planned.getId() + "?lang=en");
		browser.assertAccessible();
	}
}
