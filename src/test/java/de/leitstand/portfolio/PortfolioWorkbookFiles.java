package de.leitstand.portfolio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import de.leitstand.portfolio.internal.ProjectWorkbook;

/** Builds import workbooks for tests and benchmarks: the four sheets with their headers, rows by header name. */
public final class PortfolioWorkbookFiles {

	private final Workbook workbook = new SXSSFWorkbook(500);

	private final Map<String, Sheet> sheets = new LinkedHashMap<>();

	public PortfolioWorkbookFiles() {
		for (ProjectWorkbook.Sheet sheet : ProjectWorkbook.DATA_SHEETS) {
			Sheet s = workbook.createSheet(sheet.name());
			Row header = s.createRow(0);
			for (int i = 0; i < sheet.columns().size(); i++) {
				header.createCell(i).setCellValue(sheet.columns().get(i).header());
			}
			sheets.put(sheet.name(), s);
		}
	}

	/** Adds a row to a sheet; values by header, strings as text cells, numbers as numeric cells. */
	public PortfolioWorkbookFiles row(String sheetName, Map<String, ?> values) {
		Sheet sheet = sheets.get(sheetName);
		List<ProjectWorkbook.Column> columns = DATA(sheetName).columns();
		Row row = sheet.createRow(sheet.getLastRowNum() + 1);
		for (int i = 0; i < columns.size(); i++) {
			Object value = values.get(columns.get(i).header());
			if (value instanceof Number n) {
				row.createCell(i).setCellValue(n.doubleValue());
			}
			else if (value != null) {
				row.createCell(i).setCellValue(value.toString());
			}
		}
		return this;
	}

	/** A minimal valid new project of the given office. */
	public PortfolioWorkbookFiles project(String key, String title, String unit) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("Schlüssel", key);
		values.put("Titel", title);
		values.put("Kurzbeschreibung", "Beschreibung von " + title);
		values.put("Typ", "Projekt");
		values.put("Federführung", unit);
		values.put("Ziele", "Z3.1:hoch");
		values.put("KI-Einsatz", "nein");
		values.put("Veröffentlicht", "nein");
		return row(ProjectWorkbook.PROJECTS, values);
	}

	public byte[] bytes() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		workbook.write(out);
		workbook.close();
		return out.toByteArray();
	}

	private static ProjectWorkbook.Sheet DATA(String name) {
		return ProjectWorkbook.DATA_SHEETS.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
	}
}
