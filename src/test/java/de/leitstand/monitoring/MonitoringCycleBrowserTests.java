package de.leitstand.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import jakarta.mail.internet.MimeMessage;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.jayway.jsonpath.JsonPath;

import de.leitstand.monitoring.internal.ReminderJob;
import de.leitstand.monitoring.internal.ReportSlots;
import de.leitstand.portfolio.ProjectDirectory;
import de.leitstand.portfolio.ProjectSnapshot;
import de.leitstand.portfolio.ProjectStatus;
import de.leitstand.support.Browser;
import de.leitstand.support.BrowserTest;

/**
 * Issue 5's "done when", in a real browser against the running application with a real SMTP server: the portfolio
 * office opens a reporting cycle in the page, the leads are mailed, a lead signs in and submits a status report
 * through the form, a second project's report is missing, the reminder job mails a reminder and, once the due date
 * has passed (the clock is moved), an overdue notice; the report arrives late; the board's dashboard counts
 * exactly that, its drill-down shows the late report, and the council report link answers with a PDF, which is
 * rendered to {@code target/council-report-browser.png} for a look.
 * <p>
 * Everything is counted for the cycle the test opened and the projects it created, so the test also runs on a
 * database other tests (or earlier runs) have filled.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(MovableClock.Config.class)
@BrowserTest
class MonitoringCycleBrowserTests {

	static final String PASSWORD = "leitstand-demo";
	static final DateTimeFormatter GERMAN = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP)
		.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "localhost");
		registry.add("spring.mail.port", () -> ServerSetupTest.SMTP.getPort());
	}


	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	ProjectDirectory directory;

	@Autowired
	ReminderJob reminders;

	@Autowired
	ReportSlots slots;

	@Autowired
	MovableClock clock;

	Browser browser;

	@BeforeAll
	void startBrowser() {
		browser = Browser.start(port);
	}

	@AfterAll
	void stopBrowser() {
		clock.offset = Duration.ZERO;
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void aFullReportingCycleFromOpeningToTheCouncilReport() throws Exception {
		String marker = UUID.randomUUID().toString().substring(0, 8);
		ProjectSnapshot onTime = projectInImplementation("Browser pünktlich " + marker);
		ProjectSnapshot late = projectInImplementation("Browser verspätet " + marker);
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Berlin"));
		LocalDate due = today.plusDays(3);
		String label = "Browserzyklus " + marker;
		WebDriver driver = browser.driver();

		// 1. The portfolio office opens the cycle in the page.
		browser.reset().login("portfolio", PASSWORD).open("/monitoring/cycles");
		driver.findElement(By.id("label")).sendKeys(label);
		new Select(driver.findElement(By.id("cadence"))).selectByValue("MONTHLY");
		setDate(driver.findElement(By.id("periodEnd")), today);
		setDate(driver.findElement(By.id("dueDate")), due);
		click(driver, driver.findElement(By.cssSelector("form[action$='/monitoring/cycles'] button[type=submit]")));
		wait(driver).until(ExpectedConditions.urlMatches("/monitoring/cycles/[0-9a-f-]{36}$"));
		String cycleId = driver.getCurrentUrl().substring(driver.getCurrentUrl().lastIndexOf('/') + 1);
		assertThat(driver.findElement(By.tagName("main")).getText()).contains(label, onTime.key(), late.key());
		int expected = slots.findByCycleIdOrderByProjectKey(UUID.fromString(cycleId)).size();
		assertThat(expected).isGreaterThanOrEqualTo(2);

		// 2. The leads of the office are mailed, with both projects.
		assertThat(mails("lead@leitstand.example", "Statusberichte angefordert: " + label)).singleElement()
			.satisfies(m -> assertThat(MonitoringIntegrationTests.text(m)).contains(onTime.key(), late.key(),
					GERMAN.format(due)));

		// 3. The lead signs in, finds the project in the cycle and submits the report through the form.
		browser.reset().login("lead", PASSWORD).open("/monitoring/cycles/" + cycleId);
		click(driver, driver.findElement(
				By.cssSelector("a[href$='/monitoring/projects/" + onTime.key() + "/reports/" + cycleId + "']")));
		wait(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("overall")));
		fillReport(driver, "YELLOW", 35, "Pilot läuft " + marker, "Ausschreibung abgeschlossen",
				"Rollout im zweiten Amt", "Freigabe zusätzlicher Mittel " + marker, "12500");
		assertThat(successMessage(driver)).isEqualTo("Der Bericht ist eingereicht und damit eingefroren.");
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Version 1", "35 %",
				"Pilot läuft " + marker, "gelb");
		// The escalation it asks for reaches the portfolio office.
		assertThat(mails("portfolio@leitstand.example", "Entscheidung nötig: " + onTime.key())).hasSize(1);

		// Bad input in the risk form of the same project: a specific message with the figure, the input kept,
		// the page still accessible.
		browser.open("/monitoring/projects/" + onTime.key());
		click(driver, driver.findElement(By.xpath("//details[.//input[@id='riskTitle']]/summary")));
		driver.findElement(By.id("riskTitle")).sendKeys("Lieferverzug " + marker);
		driver.findElement(By.id("riskProbability")).sendKeys("7");
		driver.findElement(By.id("riskImpact")).sendKeys("3");
		driver.findElement(By.id("riskOwner")).sendKeys("Projektleitung");
		click(driver, driver.findElement(By.cssSelector("form[action$='/risks'] button[type=submit]")));
		WebElement summary = wait(driver)
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error-summary[role=alert]")));
		assertThat(summary.getText()).contains("Bitte geben Sie eine ganze Zahl von 1 bis 5 an (eingegeben: 7).");
		assertThat(driver.findElement(By.id("riskTitle")).getDomProperty("value")).isEqualTo("Lieferverzug " + marker);
		browser.assertAccessible();

		// 4. The second report stays missing: the reminder job mails a reminder naming it (and only it) ...
		reminders.remind(due.minusDays(1));
		assertThat(mails("lead@leitstand.example", "Erinnerung: Statusberichte " + label)).singleElement()
			.satisfies(m -> assertThat(MonitoringIntegrationTests.text(m)).contains(late.key())
				.doesNotContain(onTime.key()));
		// ... and, after the due date, an overdue notice.
		clock.offset = Duration.ofDays(4);
		LocalDate afterDue = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Berlin"));
		reminders.remind(afterDue);
		assertThat(mails("lead@leitstand.example", "Überfällig: Statusberichte " + label)).singleElement()
			.satisfies(m -> assertThat(MonitoringIntegrationTests.text(m)).contains(late.key())
				.doesNotContain(onTime.key()));
		// The job does not mail twice.
		reminders.remind(afterDue);
		assertThat(mails("lead@leitstand.example", "Überfällig: Statusberichte " + label)).hasSize(1);

		// 5. The late report comes in through the form, marked late.
		browser.open("/monitoring/projects/" + late.key() + "/reports/" + cycleId);
		fillReport(driver, "RED", 10, "Verzug beim Anbieter " + marker, "", "", "", "");
		assertThat(successMessage(driver)).isEqualTo("Der Bericht ist eingereicht und damit eingefroren.");
		assertThat(driver.findElement(By.cssSelector("main .kern-badge--warning")).getText()).isEqualTo("verspätet");

		// 6. The board's dashboard shows the cycle's result, and each figure drills down.
		browser.reset().login("board", PASSWORD).open("/monitoring/dashboard");
		new Select(driver.findElement(By.id("cycle"))).selectByVisibleText(label);
		click(driver, driver.findElement(By.cssSelector("form[action$='/monitoring/dashboard'] button[type=submit]")));
		wait(driver).until(ExpectedConditions.urlContains("cycle=" + cycleId));
		List<String> figures = driver.findElements(By.cssSelector(".figure-list li")).stream()
			.map(WebElement::getText).toList();
		java.text.NumberFormat german = java.text.NumberFormat.getIntegerInstance(java.util.Locale.GERMAN);
		assertThat(figures).contains("2 von " + german.format(expected) + " Berichten eingereicht",
				"1 verspätet eingereicht", german.format(expected - 2) + " überfällig",
				"1 offene Eskalationen (Entscheidung nötig)");
		click(driver, driver.findElement(By.linkText("1 verspätet eingereicht")));
		wait(driver).until(ExpectedConditions.urlContains("filter=late"));
		String lateList = driver.findElement(By.tagName("main")).getText();
		assertThat(lateList).contains(late.key(), "rot").doesNotContain(onTime.key());

		// 7. The council report for the cycle: its PDF link answers with a PDF that names the cycle and projects.
		browser.open("/monitoring/dashboard?cycle=" + cycleId);
		click(driver, driver.findElement(By.linkText("Gemeinderatsbericht zu diesem Berichtszyklus (PDF, XLSX)")));
		WebElement pdfLink = wait(driver).until(ExpectedConditions
			.presenceOfElementLocated(By.cssSelector("a[href$='/reports/council/" + cycleId + ".pdf']")));
		Map<?, ?> answer = fetch(driver, pdfLink.getDomAttribute("href"));
		assertThat(answer.get("status")).isEqualTo(200L);
		assertThat((String) answer.get("type")).startsWith("application/pdf");
		byte[] pdf = Base64.getDecoder().decode((String) answer.get("base64"));
		assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains(label, onTime.key(), late.key());
			BufferedImage cover = new PDFRenderer(document).renderImageWithDPI(0, 60);
			Path png = Path.of("target", "council-report-browser.png");
			Files.createDirectories(png.getParent());
			ImageIO.write(cover, "png", png.toFile());
			assertThat(inkShare(cover)).as("the cover page is not blank").isGreaterThan(0.01);
		}
		// Leave no open cycle behind on a shared database.
		mvc.perform(post("/api/v1/cycles/{id}/close", cycleId)
			.with(SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername("portfolio"))))
			.andExpect(status().isOk());
	}

	// --- helpers ---

	private ProjectSnapshot projectInImplementation(String title) throws Exception {
		String body = """
				{"title": "%s", "shortDescription": "Beschreibung %s", "type": "PROJECT", "leadUnit": "AMT-51",
				 "plannedStart": "2026-01-01", "plannedEnd": "2027-06-30",
				 "costs": [{"year": 2026, "investment": 100000, "running": 5000}],
				 "goals": [{"goal": "Z3.1", "contribution": "HIGH"}],
				 "ai": {"used": false}, "publication": {"published": false}}
				""".formatted(title, title);
		String key = JsonPath.read(mvc.perform(post("/api/v1/projects")
			.with(SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername("portfolio")))
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.key");
		UUID id = directory.findByKey(key).orElseThrow().id();
		for (ProjectStatus step : List.of(ProjectStatus.SUBMITTED, ProjectStatus.IN_REVIEW, ProjectStatus.APPROVED,
				ProjectStatus.IN_IMPLEMENTATION)) {
			directory.moveByDecision(id, step, "test", "Test");
		}
		return directory.find(id).orElseThrow();
	}

	/** Fills the status report form as a lead would and presses "Einreichen". */
	private void fillReport(WebDriver driver, String overall, int progress, String summary, String achievements,
			String nextSteps, String decision, String cost) {
		new Select(driver.findElement(By.id("overall"))).selectByValue(overall);
		for (String light : List.of("scope", "time", "cost", "risk")) {
			new Select(driver.findElement(By.id(light))).selectByValue(overall);
		}
		type(driver, "progressPercent", Integer.toString(progress));
		type(driver, "summary", summary);
		type(driver, "achievements", achievements);
		type(driver, "nextSteps", nextSteps);
		type(driver, "decisionNeeded", decision);
		if (!cost.isEmpty()) {
			type(driver, "costAmounts0", cost);
		}
		click(driver, driver.findElement(By.cssSelector("button[name=action][value=submit]")));
	}

	/**
	 * Activates the element as a keyboard user would, whatever sticky layout overlaps its point (as in
	 * ScoringBrowserTests); the caller waits for the page it leads to.
	 */
	private static void click(WebDriver driver, WebElement element) {
		((JavascriptExecutor) driver)
			.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element);
	}

	private static void type(WebDriver driver, String id, String text) {
		WebElement field = driver.findElement(By.id(id));
		field.clear();
		if (!text.isEmpty()) {
			field.sendKeys(text);
		}
	}

	private String successMessage(WebDriver driver) {
		return wait(driver)
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".kern-alert--success .kern-title")))
			.getText();
	}

	/** Date inputs take their value in the browser's locale format; set the ISO value directly instead. */
	private static void setDate(WebElement input, LocalDate date) {
		((JavascriptExecutor) ((org.openqa.selenium.WrapsDriver) input).getWrappedDriver())
			.executeScript("arguments[0].value = arguments[1];", input, date.toString());
	}

	/** Fetches a link with the browser's own session, as a click on it would, and returns status, type and body. */
	private static Map<?, ?> fetch(WebDriver driver, String href) {
		Object result = ((JavascriptExecutor) driver).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.blob().then(b => {
				  const reader = new FileReader();
				  reader.onload = () => done({status: r.status, type: r.headers.get('Content-Type'),
				    base64: reader.result.substring(reader.result.indexOf(',') + 1)});
				  reader.readAsDataURL(b);
				})).catch(e => done({status: -1, type: String(e), base64: ''}));
				""", href);
		return (Map<?, ?>) result;
	}

	/** Share of pixels that are not (nearly) white. */
	private static double inkShare(BufferedImage image) {
		long ink = 0;
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				int rgb = image.getRGB(x, y);
				int r = (rgb >> 16) & 0xff;
				int g = (rgb >> 8) & 0xff;
				int b = rgb & 0xff;
				if (r + g + b < 600) {
					ink++;
				}
			}
		}
		return (double) ink / ((long) image.getWidth() * image.getHeight());
	}

	private List<MimeMessage> mails(String address, String subjectStart) throws Exception {
		List<MimeMessage> found = new ArrayList<>();
		for (MimeMessage m : mail.getReceivedMessagesForDomain(address)) {
			if (m.getSubject().startsWith(subjectStart)) {
				found.add(m);
			}
		}
		return found;
	}

	private static WebDriverWait wait(WebDriver driver) {
		return new WebDriverWait(driver, Duration.ofSeconds(30));
	}
}
