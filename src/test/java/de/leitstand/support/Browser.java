package de.leitstand.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium driven by Selenium for the {@code *BrowserTests}. It never downloads a browser or a
 * driver: both come from the Debian packages {@code chromium} and {@code chromium-driver}.
 * <p>
 * {@code -DskipBrowserTests=true} skips the browser tests on a developer's machine; with {@code CI=true} they are
 * never skipped, and a missing Chromium fails the build.
 */
public final class Browser implements AutoCloseable {

	public static final Path CHROMIUM = Path.of(System.getProperty("leitstand.chromium", "/usr/bin/chromium"));
	public static final Path CHROMEDRIVER = Path.of(
			System.getProperty("leitstand.chromedriver", "/usr/bin/chromedriver"));

	/** The WCAG 2.1 A and AA rules BITV 2.0 asks for. */
	static final List<String> AXE_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

	private static final String AXE_RUN = """
			const done = arguments[arguments.length - 1];
			axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})
			  .then(result => done(result.violations.map(v => ({
			    id: v.id, impact: v.impact || '', help: v.help, helpUrl: v.helpUrl,
			    targets: v.nodes.map(n => n.target.map(t => Array.isArray(t) ? t.join(' >>> ') : t).join(' '))
			  }))))
			  .catch(error => done('axe failed: ' + error));
			""";

	private final WebDriver driver;
	private final String baseUrl;
	private final Path profile;
	private String axeSource;

	private Browser(WebDriver driver, String baseUrl, Path profile) {
		this.driver = driver;
		this.baseUrl = baseUrl;
		this.profile = profile;
	}

	/**
	 * Starts Chromium for the application on {@code http://localhost:port}, or skips the calling test class when
	 * browser tests are switched off outside CI.
	 */
	public static Browser start(int port) {
		boolean ci = isCi();
		Assumptions.assumeFalse(skipped(), "browser tests skipped (-DskipBrowserTests=true)");
		if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
			throw new IllegalStateException("Browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
					+ " (Debian: apt-get install chromium chromium-driver)"
					+ (ci ? "" : "; skip them locally with -DskipBrowserTests=true"));
		}
		// Selenium Manager must not try to fetch a driver or browser: there is no network for it.
		System.setProperty("SE_OFFLINE", "true");
		System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
		Path profile;
		try {
			profile = Files.createTempDirectory("leitstand-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-quic", "--window-size=1280,1024", "--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
		return new Browser(driver, "http://localhost:" + port, profile);
	}

	/** Whether the browser tests are switched off: only on request, and never in CI. */
	public static boolean skipped() {
		return !isCi() && Boolean.getBoolean("skipBrowserTests");
	}

	static boolean isCi() {
		return "true".equalsIgnoreCase(System.getenv("CI"));
	}

	public WebDriver driver() {
		return driver;
	}

	/** Opens a path of the application, e.g. {@code /login?error}. */
	public Browser open(String path) {
		driver.get(baseUrl + path);
		return this;
	}

	/** Forgets the signed-in user and the chosen language. */
	public Browser reset() {
		open("/login");
		driver.manage().deleteAllCookies();
		return this;
	}

	/** Signs in through the real login form and waits until the sign-in has been answered. */
	public Browser login(String username, String password) {
		open("/login");
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(password);
		driver.findElement(By.cssSelector("form[action$='/login'] button[type=submit]")).click();
		new WebDriverWait(driver, Duration.ofSeconds(30))
			.until(ExpectedConditions.not(ExpectedConditions.urlToBe(baseUrl + "/login")));
		return this;
	}

	/**
	 * Clicks something that loads a new page (a link, a submit button) and waits until that page has replaced the
	 * current one, so that what a test looks for next is searched on the new page, not on the old one.
	 */
	public Browser clickAndWaitForPage(WebElement element) {
		return waitForPageAfter(() -> ((JavascriptExecutor) driver)
			.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element));
	}

	/** Submits the form a field belongs to and waits until the answer page has replaced the current one. */
	public Browser submitAndWaitForPage(WebElement formField) {
		return waitForPageAfter(formField::submit);
	}

	private Browser waitForPageAfter(Runnable action) {
		WebElement oldPage = driver.findElement(By.tagName("html"));
		action.run();
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
		wait.until(ExpectedConditions.stalenessOf(oldPage));
		wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
		return this;
	}

	/** Runs axe-core's WCAG 2.1 A/AA rules on the current page and returns what it found. */
	public List<AxeViolation> axe() {
		JavascriptExecutor js = (JavascriptExecutor) driver;
		js.executeScript(axeSource());
		Object result = js.executeAsyncScript(AXE_RUN, AXE_TAGS);
		if (!(result instanceof List<?> list)) {
			throw new IllegalStateException(String.valueOf(result));
		}
		return list.stream().map(v -> AxeViolation.of((Map<?, ?>) v)).toList();
	}

	/** Fails with every rule, impact, element and help text when axe finds anything on the current page. */
	public void assertAccessible() {
		List<AxeViolation> violations = axe();
		assertThat(violations)
			.as(() -> "axe-core found WCAG 2.1 AA violations on " + driver.getCurrentUrl() + ":\n"
					+ violations.stream().map(AxeViolation::describe).collect(Collectors.joining("\n")))
			.isEmpty();
	}

	private String axeSource() {
		if (axeSource == null) {
			try (InputStream in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
				if (in == null) {
					throw new IllegalStateException("axe/axe.min.js is not on the test classpath (npm ci in frontend/)");
				}
				axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return axeSource;
	}

	@Override
	public void close() {
		try {
			driver.quit();
		}
		finally {
			deleteQuietly(profile.toFile());
		}
	}

	private static void deleteQuietly(File file) {
		File[] children = file.listFiles();
		if (children != null) {
			for (File child : children) {
				deleteQuietly(child);
			}
		}
		file.delete();
	}

	/** One axe-core rule broken on a page, with the elements that break it. */
	public record AxeViolation(String id, String impact, String help, String helpUrl, List<String> targets) {

		static AxeViolation of(Map<?, ?> raw) {
			return new AxeViolation(String.valueOf(raw.get("id")), String.valueOf(raw.get("impact")),
					String.valueOf(raw.get("help")), String.valueOf(raw.get("helpUrl")),
					((List<?>) raw.get("targets")).stream().map(String::valueOf).toList());
		}

		String describe() {
			return "- " + id + " [" + impact + "] " + help + " (" + helpUrl + ")\n    at " + String.join("\n    at ", targets);
		}
	}
}
