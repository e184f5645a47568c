package de.leitstand.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import de.leitstand.portfolio.internal.ProjectWorkbook;

/**
 * Export, template and import as users meet them: round trips, all-or-nothing rejection with a report by sheet,
 * row and column, office rules, stale versions, formula injection and hostile files. Every test works with its
 * own random title words, so a shared database with other data does not matter.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PortfolioImportExportIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Test
	void anExportedCellChangedInExcelArrivesOnImport() throws Exception {
		String word = word();
		upload("portfolio", new PortfolioWorkbookFiles().project("NEU-1", "Rundreise " + word, "AMT-51")
			.row(ProjectWorkbook.COSTS, Map.of("Schlüssel", "NEU-1", "Jahr", 2027, "Investition EUR", 1000,
					"Betrieb EUR", 250.5))
			.bytes(), 302);

		XSSFWorkbook exported = exportXlsx("portfolio", word);
		Row row = onlyRow(exported, word);
		assertThat(cell(row, "Status")).isEqualTo("Idee");
		assertThat(cell(row, "Federführung")).isEqualTo("AMT-51");
		assertThat(cell(row, "Ziele")).isEqualTo("Z3.1:hoch");
		String key = cell(row, "Schlüssel");
		long version = Long.parseLong(cell(row, "Version"));
		Row cost = exported.getSheet("Kosten").getRow(1);
		assertThat(cost.getCell(0).getStringCellValue()).isEqualTo(key);
		assertThat(cost.getCell(3).getNumericCellValue()).isEqualTo(250.5);

		set(row, column(exported, "Kurzbeschreibung"), "Geändert in Excel " + word);
		MvcResult result = upload("portfolio", bytes(exported), 302);
		assertThat((Map<String, Object>) result.getFlashMap()).containsEntry("created", 0).containsEntry("updated", 1);

		Row again = onlyRow(exportXlsx("portfolio", word), word);
		assertThat(cell(again, "Schlüssel")).isEqualTo(key);
		assertThat(cell(again, "Kurzbeschreibung")).isEqualTo("Geändert in Excel " + word);
		assertThat(Long.parseLong(cell(again, "Version"))).isGreaterThan(version);
	}

	@Test
	void oneBadRowImportsNothingAndTheReportNamesSheetRowAndColumn() throws Exception {
		String word = word();
		byte[] file = new PortfolioWorkbookFiles().project(null, "Gut eins " + word, "AMT-51")
			.project(null, "", "AMT-51")
			.project("NEU-3", "Gut drei " + word, "AMT-51")
			.row(ProjectWorkbook.COSTS, Map.of("Schlüssel", "NEU-3", "Jahr", 1999, "Investition EUR", 1,
					"Betrieb EUR", 1))
			.bytes();
		Document page = Jsoup.parse(upload("portfolio", file, 422).getResponse().getContentAsString());

		List<List<String>> report = report(page);
		assertThat(report).contains(List.of("Projekte", "3", "Titel", "Pflichtangabe fehlt."),
				List.of("Kosten", "2", "Jahr", "Das Jahr muss zwischen 2000 und 2100 liegen."));
		assertThat(page.select("[role=alert]").text()).contains("nicht importiert");
		assertThat(titlesIn(exportXlsx("portfolio", word))).isEmpty();
	}

	@Test
	void aLeadCannotImportARowOfAnotherOfficeAndThenNothingIsStored() throws Exception {
		String word = word();
		byte[] file = new PortfolioWorkbookFiles().project(null, "Eigenes " + word, "AMT-51")
			.project(null, "Fremdes " + word, "AMT-63")
			.bytes();
		Document page = Jsoup.parse(upload("lead", file, 422).getResponse().getContentAsString());

		assertThat(report(page)).containsExactly(List.of("Projekte", "3", "Federführung",
				"Sie dürfen nur Projekte Ihres eigenen Amtes anlegen und ändern."));
		assertThat(titlesIn(exportXlsx("portfolio", word))).isEmpty();

		upload("lead", new PortfolioWorkbookFiles().project(null, "Eigenes " + word, "AMT-51").bytes(), 302);
		assertThat(titlesIn(exportXlsx("portfolio", word))).containsExactly("Eigenes " + word);
	}

	@Test
	void aStaleVersionIsRejectedAsChangedInTheMeantime() throws Exception {
		String word = word();
		upload("portfolio", new PortfolioWorkbookFiles().project(null, "Veraltet " + word, "AMT-51").bytes(), 302);
		XSSFWorkbook first = exportXlsx("portfolio", word);
		byte[] firstBytes = bytes(first);
		set(onlyRow(first, word), column(first, "Problem"), "Erste Änderung");
		upload("portfolio", bytes(first), 302);

		XSSFWorkbook old = new XSSFWorkbook(new ByteArrayInputStream(firstBytes));
		set(onlyRow(old, word), column(old, "Problem"), "Zweite Änderung auf altem Stand");
		Document page = Jsoup.parse(upload("portfolio", bytes(old), 422).getResponse().getContentAsString());

		List<List<String>> report = report(page);
		assertThat(report).hasSize(1);
		assertThat(report.get(0).subList(0, 3)).containsExactly("Projekte", "2", "Version");
		assertThat(report.get(0).get(3)).contains("inzwischen geändert");
		assertThat(cell(onlyRow(exportXlsx("portfolio", word), word), "Problem")).isEqualTo("Erste Änderung");
	}

	@Test
	void textThatLooksLikeAFormulaStaysTextInXlsxAndGetsAnApostropheInCsv() throws Exception {
		String word = word();
		Map<String, Object> values = new HashMap<>();
		values.put("Titel", "=1+2 " + word);
		values.put("Kurzbeschreibung", "@SUMME(A1:A9) " + word);
		values.put("Problem", "+49 711 " + word);
		values.put("Erwartete Wirkung", "-1 Tag Wartezeit");
		values.put("Typ", "Projekt");
		values.put("Federführung", "AMT-51");
		upload("portfolio", new PortfolioWorkbookFiles().row(ProjectWorkbook.PROJECTS, values).bytes(), 302);

		XSSFWorkbook xlsx = exportXlsx("portfolio", word);
		Row row = onlyRow(xlsx, word);
		Cell title = row.getCell(column(xlsx, "Titel"));
		assertThat(title.getCellType()).isEqualTo(CellType.STRING);
		assertThat(title.getStringCellValue()).isEqualTo("=1+2 " + word);
		assertThat(row.getCell(column(xlsx, "Kurzbeschreibung")).getCellType()).isEqualTo(CellType.STRING);

		byte[] csv = mvc.perform(get("/portfolio/export.csv").param("q", word).with(as("portfolio")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
		String text = new String(csv, StandardCharsets.UTF_8);
		assertThat(text.lines().findFirst().orElseThrow()).startsWith("\uFEFFSchlüssel;Version;Titel;");
		assertThat(text).contains(";'=1+2 " + word + ";", ";'@SUMME(A1:A9) " + word + ";", ";'+49 711 " + word + ";",
				";'-1 Tag Wartezeit;");
		assertThat(text).doesNotContain(";=1+2", ";@SUMME", ";+49", ";-1 Tag");
	}

	@Test
	void filesThatAreNoWorkbookOrAZipBombAreRejectedWithAClearMessage() throws Exception {
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
		assertThat(alert(upload("portfolio", png, 422))).contains("keine Excel-Datei");

		assertThat(alert(upload("portfolio", zipBomb(), 422))).contains("ungewöhnlich stark");

		byte[] notOoxml = zip(Map.of("hello.txt", "Hallo".getBytes(StandardCharsets.UTF_8)));
		assertThat(alert(upload("portfolio", notOoxml, 422))).contains("keine Excel-Datei");

		MvcResult none = mvc.perform(multipart("/portfolio/import").with(as("portfolio")).with(csrf()))
			.andExpect(status().is(422)).andReturn();
		assertThat(alert(none)).contains("Bitte wählen Sie eine Excel-Datei");
	}

	@Test
	void unknownAndMissingHeadersAreNamed() throws Exception {
		XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(new PortfolioWorkbookFiles().bytes()));
		Row header = book.getSheet("Projekte").getRow(0);
		set(header, column(book, "Titel"), "Überschrift");
		String alert = alert(upload("portfolio", bytes(book), 422));
		assertThat(alert).contains("unbekannte Spalte „Überschrift“", "fehlt die Spalte „Titel“");

		book.removeSheetAt(book.getSheetIndex("Aufwand"));
		assertThat(alert(upload("portfolio", bytes(book), 422))).contains("Das Blatt „Aufwand“ fehlt");
	}

	@Test
	void theTemplateHasTheDataSheetsAndNotesAndImportsAsEmpty() throws Exception {
		byte[] template = mvc.perform(get("/portfolio/import/template.xlsx").with(as("lead")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template));
		assertThat(book.getSheet("Projekte").getRow(0).getCell(0).getStringCellValue()).isEqualTo("Schlüssel");
		assertThat(book.getSheet("Online-Dienste")).isNotNull();
		String notes = sheetText(book.getSheet("Hinweise"));
		assertThat(notes).contains("AMT-51", "Z3.1", "Daueraufgabe", "minimal, begrenzt, hoch", "OZG 2017 (0–4)");
		assertThat(alert(upload("lead", template, 422))).contains("keine Projektzeilen");
	}

	@Test
	void readersMayExportButNotImport() throws Exception {
		mvc.perform(get("/portfolio/export.xlsx").with(as("reader"))).andExpect(status().isOk());
		mvc.perform(get("/portfolio/import").with(as("reader"))).andExpect(status().isForbidden());
		mvc.perform(multipart("/portfolio/import").file(new MockMultipartFile("file", new byte[] { 1 }))
			.with(as("reader")).with(csrf())).andExpect(status().isForbidden());
		mvc.perform(get("/portfolio/import").with(as("lead"))).andExpect(status().isOk());
	}

	@Test
	void fiveThousandRowsImportInOneGo() throws Exception {
		String word = word();
		PortfolioWorkbookFiles file = new PortfolioWorkbookFiles();
		for (int i = 1; i <= 5000; i++) {
			file.project(null, "Massenimport " + word + " " + i, i % 2 == 0 ? "AMT-51" : "AMT-63");
		}
		MvcResult result = upload("portfolio", file.bytes(), 302);
		assertThat((Map<String, Object>) result.getFlashMap()).containsEntry("created", 5000).containsEntry("updated", 0);
	}

	// --- helpers ---

	RequestPostProcessor as(String username) {
		return SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(username));
	}

	MvcResult upload(String user, byte[] file, int expectedStatus) throws Exception {
		return mvc.perform(multipart("/portfolio/import")
			.file(new MockMultipartFile("file", "projekte.xlsx", ProjectWorkbookMedia.XLSX, file))
			.with(as(user)).with(csrf()))
			.andExpect(status().is(expectedStatus))
			.andReturn();
	}

	XSSFWorkbook exportXlsx(String user, String word) throws Exception {
		byte[] bytes = mvc.perform(get("/portfolio/export.xlsx").param("q", word).with(as(user)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		return new XSSFWorkbook(new ByteArrayInputStream(bytes));
	}

	/**
	 * Changes a cell as a spreadsheet program would. (POI cannot overwrite the inline strings that the streaming
	 * export writes in place, so the cell is replaced.)
	 */
	static void set(Row row, int column, String value) {
		Cell old = row.getCell(column);
		if (old != null) {
			row.removeCell(old);
		}
		row.createCell(column).setCellValue(value);
	}

	static List<List<String>> report(Document page) {
		List<List<String>> lines = new ArrayList<>();
		page.select("#report tbody tr").forEach(tr -> lines.add(tr.select("td").eachText()));
		return lines;
	}

	static String alert(MvcResult result) throws Exception {
		return Jsoup.parse(result.getResponse().getContentAsString()).select("[role=alert]").text();
	}

	static Row onlyRow(XSSFWorkbook book, String word) {
		List<Row> rows = new ArrayList<>();
		Sheet sheet = book.getSheet("Projekte");
		for (Row row : sheet) {
			if (row.getRowNum() > 0 && cell(row, "Titel").contains(word)) {
				rows.add(row);
			}
		}
		assertThat(rows).hasSize(1);
		return rows.get(0);
	}

	static List<String> titlesIn(XSSFWorkbook book) {
		List<String> titles = new ArrayList<>();
		for (Row row : book.getSheet("Projekte")) {
			if (row.getRowNum() > 0) {
				titles.add(cell(row, "Titel"));
			}
		}
		return titles;
	}

	static int column(XSSFWorkbook book, String header) {
		for (Cell cell : book.getSheet("Projekte").getRow(0)) {
			if (cell.getStringCellValue().equals(header)) {
				return cell.getColumnIndex();
			}
		}
		throw new IllegalArgumentException(header);
	}

	static String cell(Row row, String header) {
		int index = column((XSSFWorkbook) row.getSheet().getWorkbook(), header);
		Cell cell = row.getCell(index);
		if (cell == null) {
			return "";
		}
		return cell.getCellType() == CellType.NUMERIC ? String.valueOf((long) cell.getNumericCellValue())
				: cell.getStringCellValue();
	}

	static String sheetText(Sheet sheet) {
		StringBuilder text = new StringBuilder();
		sheet.forEach(row -> row.forEach(cell -> text.append(cell.toString()).append('\n')));
		return text.toString();
	}

	static byte[] bytes(XSSFWorkbook book) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		book.write(out);
		return out.toByteArray();
	}

	/** A random word of letters only, so that the German full-text search finds exactly this test's projects. */
	static String word() {
		StringBuilder word = new StringBuilder("Xq");
		for (int i = 0; i < 10; i++) {
			word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
		}
		return word.toString();
	}

	/** A valid workbook whose first sheet is padded with 50 MB of blanks: it expands far more than 100-fold. */
	static byte[] zipBomb() throws IOException {
		XSSFWorkbook book = new XSSFWorkbook();
		book.createSheet("Projekte").createRow(0).createCell(0).setCellValue("Schlüssel");
		byte[] valid = bytes(book);
		Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(valid))) {
			for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
				entries.put(e.getName(), in.readAllBytes());
			}
		}
		String sheet = new String(entries.get("xl/worksheets/sheet1.xml"), StandardCharsets.UTF_8);
		int at = sheet.indexOf("<sheetData");
		String padded = sheet.substring(0, at) + " ".repeat(50 * 1024 * 1024) + sheet.substring(at);
		entries.put("xl/worksheets/sheet1.xml", padded.getBytes(StandardCharsets.UTF_8));
		return zip(entries);
	}

	static byte[] zip(Map<String, byte[]> entries) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.setLevel(9);
			for (Map.Entry<String, byte[]> e : entries.entrySet()) {
				zip.putNextEntry(new ZipEntry(e.getKey()));
				zip.write(e.getValue());
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}

	static final class ProjectWorkbookMedia {

		static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
	}
}
