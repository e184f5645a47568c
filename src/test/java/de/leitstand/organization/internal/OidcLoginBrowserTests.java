package de.leitstand.organization.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import de.leitstand.organization.Role;
import de.leitstand.support.Browser;
import de.leitstand.support.BrowserTest;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;

/**
 * Single sign-on in a real browser against a real OpenID Connect server (mock-oauth2-server, in the test): the
 * login page offers the organisation account, the provider's login form takes a user with
 * {@code groups: ["leitstand-portfolio"]}, and the user lands signed in as portfolio manager; logging out ends the
 * session at the provider too and comes back to the login page.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@BrowserTest
class OidcLoginBrowserTests {

	// Interactive: the provider shows its login form, where the test types a user and the claims.
	static final MockOAuth2Server OIDC = new MockOAuth2Server(new OAuth2Config(true));

	static {
		OIDC.start();
	}

	@DynamicPropertySource
	static void oidc(DynamicPropertyRegistry registry) {
		registry.add("leitstand.oidc.issuer", () -> OIDC.issuerUrl("leitstand-sso").toString());
		registry.add("leitstand.oidc.client-id", () -> "leitstand");
		registry.add("leitstand.oidc.client-secret", () -> "geheim");
	}

	@LocalServerPort
	int port;

	@Autowired
	UserAccounts accounts;

	@Autowired
	OrgUnits units;

	Browser browser;

	@BeforeAll
	void start() {
		browser = Browser.start(port);
	}

	@AfterAll
	void stop() {
		if (browser != null) {
			browser.close();
		}
		OIDC.shutdown();
	}

	@Test
	void signInThroughTheProviderMapsGroupsToRoles() {
		String username = "sso-pm-" + UUID.randomUUID().toString().substring(0, 8);
		WebDriver driver = browser.driver();
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
		browser.open("/login");
		driver.findElement(By.id("sso-login")).click();

		// The provider's own interactive login form: a username and the claims as JSON.
		wait.until(ExpectedConditions.urlContains(OIDC.url("/").toString()));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.name("claims")));
		driver.findElement(By.name("username")).sendKeys(username);
		driver.findElement(By.name("claims")).clear();
		driver.findElement(By.name("claims")).sendKeys("{\"preferred_username\": \"" + username
				+ "\", \"name\": \"Petra Portfolio\", \"groups\": [\"leitstand-portfolio\"], \"org_unit\": \"AMT-17\"}");
		driver.findElement(By.cssSelector("input[type=submit]")).click();

		wait.until(ExpectedConditions.urlToBe("http://localhost:" + port + "/"));
		String page = driver.findElement(By.tagName("main")).getText();
		assertThat(page).contains("Petra Portfolio");
		UserAccount account = accounts.findByUsernameIgnoreCase(username).orElseThrow();
		assertThat(account.getRoles()).containsExactly(Role.PORTFOLIO_MANAGER);
		assertThat(account.getOrgUnit().getId()).isEqualTo(units.findByCodeIgnoreCase("AMT-17").orElseThrow().getId());
		// A portfolio manager's page opens.
		browser.open("/strategy/versions");
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Strategieversionen");

		// Logout goes through the provider's end-session endpoint and back to the login page.
		browser.open("/");
		driver.findElement(By.cssSelector("form.logout-form button")).click();
		wait.until(ExpectedConditions.urlContains("/login?logout"));
		browser.open("/portfolio");
		assertThat(driver.getCurrentUrl()).contains("/login");
	}
}
