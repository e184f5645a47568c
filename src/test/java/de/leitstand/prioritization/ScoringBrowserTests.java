package de.leitstand.prioritization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import de.leitstand.support.Browser;
import de.leitstand.support.BrowserTest;

/** The evaluator rates a demo proposal in a real browser and finds it in the ranking. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@BrowserTest
class ScoringBrowserTests {

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

	@Test
	void theEvaluatorRatesAProposalAndSeesItInTheRanking() {
		browser.login("evaluator", "leitstand-demo");
		browser.open("/assessments/next");
		String key = browser.driver().findElement(By.cssSelector(".breadcrumbs li[aria-current=page]")).getText();
		assertThat(key).startsWith("P-");

		List<WebElement> criteria = browser.driver().findElements(By.cssSelector("fieldset.rating"));
		assertThat(criteria).isNotEmpty();
		// First a submit without justifications: refused with an accessible error summary.
		click(criteria.get(0).findElement(By.cssSelector("input[type=radio][value='3']")));
		browser.clickAndWaitForPage(browser.driver().findElement(By.id("submit-rating")));
		WebElement summary = browser.driver().findElement(By.cssSelector(".error-summary[role=alert]"));
		assertThat(summary.getText()).contains("Bitte begründen Sie Ihre Bewertung von");
		browser.assertAccessible();

		for (WebElement fieldset : browser.driver().findElements(By.cssSelector("fieldset.rating"))) {
			click(fieldset.findElement(By.cssSelector("input[type=radio][value='3']")));
			WebElement text = fieldset.findElement(By.tagName("textarea"));
			text.clear();
			text.sendKeys("Im Browser bewertet: gut begründet.");
		}
		browser.clickAndWaitForPage(browser.driver().findElement(By.id("submit-rating")));
		assertThat(browser.driver().findElement(By.cssSelector("[role=status]")).getText())
			.contains("Ihre Bewertung wurde abgegeben.");

		browser.open("/ranking");
		WebElement ranking = browser.driver().findElement(By.id("ranking"));
		assertThat(ranking.getText()).contains(key);
		browser.clickAndWaitForPage(ranking.findElement(By.partialLinkText(key)));
		assertThat(browser.driver().findElement(By.id("breakdown")).getText())
			.contains("Im Browser bewertet: gut begründet.");
		browser.assertAccessible();
	}

	/** Clicks like a keyboard user would activate it, whatever sticky layout overlaps the point. */
	private void click(WebElement element) {
		((org.openqa.selenium.JavascriptExecutor) browser.driver())
			.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element);
	}
}
