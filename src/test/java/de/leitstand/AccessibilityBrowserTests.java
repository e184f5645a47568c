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
						"Kein Zugriff"));
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
		browser.open(page.path());
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

	private static void assertSkipLinkFirst(WebDriver driver) {
		WebElement firstLink = driver.findElement(By.cssSelector("body a"));
		assertThat(firstLink.getDomAttribute("href")).as("first link is the skip link").isEqualTo("#main-content");
		assertThat(driver.findElements(By.id("main-content"))).as("skip link target #main-content").hasSize(1);
	}
}
