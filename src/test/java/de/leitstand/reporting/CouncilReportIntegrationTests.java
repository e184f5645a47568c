package de.leitstand.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The council report from a fixed cycle: the PDF holds every section, the XLSX its four sheets, both come out
 * byte-identical when made twice, and only the roles that may read reports get them.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(FixedMonitoringFacts.class)
class CouncilReportIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	RequestPostProcessor as(String user) {
		return SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(user));
	}

	byte[] download(String user, String extension) throws Exception {
		return mvc.perform(get("/reports/council/{id}." + extension, FixedMonitoringFacts.CYCLE).with(as(user)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
	}

	@Test
	void theFormListsTheCyclesAndLinksTheDownloads() throws Exception {
		String html = mvc.perform(get("/reports/council").param("cycle", FixedMonitoringFacts.CYCLE.toString())
			.with(as("board"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(html).contains(FixedMonitoringFacts.LABEL,
				"/reports/council/" + FixedMonitoringFacts.CYCLE + ".pdf",
				"/reports/council/" + FixedMonitoringFacts.CYCLE + ".xlsx");
	}

	@Test
	void thePdfHoldsCoverSummaryProgressLightsBudgetAndKpis() throws Exception {
		byte[] pdf = download("portfolio", "pdf");
		if (System.getProperty("councilPdfOut") != null) {
			java.nio.file.Files.write(java.nio.file.Path.of(System.getProperty("councilPdfOut")), pdf);
		}
		assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
		String text;
		try (PDDocument document = Loader.loadPDF(pdf)) {
			text = new PDFTextStripper().getText(document);
			assertThat(document.getDocumentInformation().getProducer()).isEqualTo("Leitstand");
			assertThat(document.getDocumentInformation().getCreationDate().get(java.util.Calendar.YEAR)).isEqualTo(2026);
			assertThat(document.getNumberOfPages()).isGreaterThan(4);
		}
		String flat = text.replaceAll("\\s+", " ");
		assertThat(flat).contains("Bericht an den Gemeinderat – Digitalisierung", "Berichtszyklus Q3/2026 (Test)",
				"Stand: 30.09.2026", "Zusammenfassung", "6 von 8 erwarteten Statusberichten", "Fortschritt je Handlungsfeld",
				"Ampeln der Vorhaben", "Budget je Jahr", "Kennzahlen der Strategie", "grün", "gelb", "rot",
				"Zusätzliche Mittel für die Schnittstelle freigeben", "P-0001");
		assertThat(flat).containsAnyOf("Ziel wird voraussichtlich erreicht", "Ziel wird voraussichtlich verfehlt",
				"zu wenige Messwerte");
	}

	@Test
	void theSameDataGivesByteIdenticalDocuments() throws Exception {
		assertThat(download("portfolio", "pdf")).isEqualTo(download("board", "pdf"));
		assertThat(download("portfolio", "xlsx")).isEqualTo(download("reader", "xlsx"));
	}

	@Test
	void theWorkbookHasOverviewProjectsBudgetAndKpiSheets() throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download("admin", "xlsx")))) {
			List<String> names = new ArrayList<>();
			workbook.forEach(s -> names.add(s.getSheetName()));
			assertThat(names).containsExactly("Übersicht", "Projekte", "Budget", "Kennzahlen");
			assertThat(workbook.getSheet("Projekte").getRow(1).getCell(0).getStringCellValue()).isEqualTo("P-0001");
			assertThat(workbook.getSheet("Projekte").getRow(1).getCell(3).getStringCellValue()).isEqualTo("grün");
			assertThat(workbook.getSheet("Kennzahlen").getLastRowNum()).isGreaterThan(5);
			assertThat(workbook.getProperties().getCoreProperties().getCreated())
				.isEqualTo(java.util.Date.from(java.time.Instant.parse("2026-09-30T00:00:00Z")));
		}
	}

	@Test
	void leadsAndEvaluatorsMayNotDownloadUnknownCyclesAre404() throws Exception {
		for (String user : List.of("lead", "evaluator")) {
			mvc.perform(get("/reports/council/{id}.pdf", FixedMonitoringFacts.CYCLE).with(as(user)))
				.andExpect(status().isForbidden());
			mvc.perform(get("/reports/council").with(as(user))).andExpect(status().isForbidden());
		}
		mvc.perform(get("/reports/council/{id}.xlsx", java.util.UUID.randomUUID()).with(as("reader")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/reports/council/{id}.pdf", FixedMonitoringFacts.CYCLE).with(as("reader")))
			.andExpect(status().isOk()).andExpect(content().contentType("application/pdf"));
	}
}
