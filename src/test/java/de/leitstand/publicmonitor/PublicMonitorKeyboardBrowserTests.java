package de.leitstand.publicmonitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import de.leitstand.support.Browser;
import de.leitstand.support.BrowserTest;

/** Search, filters and paging of the public monitor work with the keyboard alone (BITV 2.0, WCAG 2.1.1). */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@BrowserTest
class PublicMonitorKeyboardBrowserTests {

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
	void filtersAndPagingWorkByKeyboardAlone() {
		browser.reset();
		browser.open("/monitor");
		WebDriver driver = browser.driver();

		// Tab to the field-of-action filter, choose with the arrow key, tab on to the button and press Enter.
		tabTo(driver, By.id("field"));
		new Actions(driver).sendKeys(Keys.ARROW_DOWN).perform();
		tabTo(driver, By.cssSelector(".monitor-filters button[type=submit]"));
		new Actions(driver).sendKeys(Keys.ENTER).perform();
		// Enter starts a navigation; wait for it (the URL is read before the new page otherwise).
		waitForUrl(driver, "field=1");
		assertThat(driver.getCurrentUrl()).contains("field=1");

		browser.open("/monitor");
		tabTo(driver, By.cssSelector(".pagination a[rel=next]"));
		new Actions(driver).sendKeys(Keys.ENTER).perform();
		waitForUrl(driver, "page=2");
		assertThat(driver.getCurrentUrl()).contains("page=2");
		assertThat(driver.findElement(By.cssSelector(".pagination [aria-current=page]")).getText()).startsWith("Seite 2");
	}

	private static void waitForUrl(WebDriver driver, String part) {
		try {
			new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains(part));
		}
		catch (TimeoutException notThere) {
			// The assertion that follows names the URL the browser shows.
		}
	}

	/** Presses Tab until the element has the focus (at most 300 times). */
	private static void tabTo(WebDriver driver, By target) {
		WebElement element = driver.findElement(target);
		for (int i = 0; i < 300; i++) {
			if (driver.switchTo().activeElement().equals(element)) {
				return;
			}
			new Actions(driver).sendKeys(Keys.TAB).perform();
		}
		throw new AssertionError("Tab never reached " + target);
	}
}
