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
		browser.driver().findElement(By.cssSelector("form[action$='/login'] button[type=submit]")).click();

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
	org.springframework.transaction.support.TransactionTemplate tx;

	/** Fills the ids of the active strategy's first field, goal, KPI and bundle into a page path. */
	private String resolve(String path) {
		if (!path.contains("{")) {
			return path;
		}
		return tx.execute(status -> {
			var strategy = strategies.active().orElseThrow();
			var field = strategy.getFields().get(0);
			var goal = field.getGoals().get(0);
			return path.replace("{strategy}", strategy.getId().toString())
				.replace("{field}", field.getId().toString())
				.replace("{goal}", goal.getId().toString())
				.replace("{kpi}", goal.getKpis().get(0).getId().toString())
				.replace("{bundle}", field.getBundles().get(0).getId().toString());
		});
	}

	@Test
	void aFormWithErrorsIsAccessibleAndFocusesItsErrorSummary() {
		browser.login("lead", PASSWORD);
		browser.open("/portfolio/new");
		browser.driver().findElement(By.id("title")).sendKeys("<script>alert(1)</script>");
		browser.driver().findElement(By.id("title")).submit();
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
}
