package de.leitstand.monitoring.internal.kpi;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import de.leitstand.monitoring.internal.kpi.KpiService.ImportRow;
import de.leitstand.shared.InvalidInput;

/**
 * Reads measurement rows from CSV (comma or semicolon, UTF-8) or XLSX (first sheet). Columns by header name:
 * KPI, Datum, Wert, Einheit, Quelle (Quelle optional, order free).
 */
public final class KpiImportReader {

	static final List<String> COLUMNS = List.of("KPI", "Datum", "Wert", "Einheit", "Quelle");

	private KpiImportReader() {
	}

	public static List<ImportRow> read(String filename, byte[] content) {
		if (content == null || content.length == 0) {
			throw InvalidInput.of("file", "kpi.import.empty");
		}
		String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
		try {
			if (name.endsWith(".xlsx")) {
				return xlsx(content);
			}
			if (name.endsWith(".csv") || name.endsWith(".txt")) {
				return csv(content);
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof InvalidInput invalid) {
				throw invalid;
			}
			throw InvalidInput.of("file", "kpi.import.unreadable");
		}
		catch (LinkageError codecMissing) {
			// A ZIP entry compressed with a method whose codec is not on the class path (e.g. Zstandard).
			throw InvalidInput.of("file", "kpi.import.unreadable");
		}
		throw InvalidInput.of("file", "kpi.import.format");
	}

	private static List<ImportRow> csv(byte[] content) throws IOException {
		String text = new String(content, StandardCharsets.UTF_8);
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		String firstLine = text.lines().findFirst().orElse("");
		char delimiter = firstLine.chars().filter(c -> c == ';').count() >= firstLine.chars().filter(c -> c == ',')
			.count() ? ';' : ',';
		List<ImportRow> rows = new ArrayList<>();
		try (Reader reader = new java.io.StringReader(text);
				CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setTrim(true).get()
					.parse(reader)) {
			Map<String, Integer> header = null;
			int line = 0;
			for (CSVRecord record : parser) {
				line++;
				List<String> cells = record.toList();
				if (header == null) {
					header = header(cells);
					continue;
				}
				if (cells.stream().allMatch(String::isBlank)) {
					continue;
				}
				rows.add(row(line, header, cells));
			}
			if (header == null) {
				throw InvalidInput.of("file", "kpi.import.empty");
			}
		}
		return rows;
	}

	private static List<ImportRow> xlsx(byte[] content) throws IOException {
		List<ImportRow> rows = new ArrayList<>();
		try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
			Sheet sheet = workbook.getSheetAt(0);
			Map<String, Integer> header = null;
			for (Row r : sheet) {
				List<String> cells = new ArrayList<>();
				for (int i = 0; i < Math.max(r.getLastCellNum(), 0); i++) {
					cells.add(text(r.getCell(i)));
				}
				if (header == null) {
					header = header(cells);
					continue;
				}
				if (cells.stream().allMatch(String::isBlank)) {
					continue;
				}
				rows.add(row(r.getRowNum() + 1, header, cells));
			}
			if (header == null) {
				throw InvalidInput.of("file", "kpi.import.empty");
			}
		}
		return rows;
	}

	private static String text(Cell cell) {
		if (cell == null) {
			return "";
		}
		CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType()
				: cell.getCellType();
		return switch (type) {
			case NUMERIC -> DateUtil.isCellDateFormatted(cell)
					? cell.getDateCellValue().toInstant().atZone(ZoneOffset.systemDefault()).toLocalDate().toString()
					: BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
			case STRING -> cell.getStringCellValue().trim();
			case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
			default -> "";
		};
	}

	private static Map<String, Integer> header(List<String> cells) {
		Map<String, Integer> header = new HashMap<>();
		for (int i = 0; i < cells.size(); i++) {
			String name = cells.get(i).trim();
			for (String column : COLUMNS) {
				if (column.equalsIgnoreCase(name)) {
					header.put(column, i);
				}
			}
		}
		List<String> missing = COLUMNS.subList(0, 4).stream().filter(c -> !header.containsKey(c)).toList();
		if (!missing.isEmpty()) {
			throw InvalidInput.of("Zeile 1", "kpi.import.missingColumns", String.join(", ", missing));
		}
		return header;
	}

	private static ImportRow row(int line, Map<String, Integer> header, List<String> cells) {
		return new ImportRow(line, cell(cells, header.get("KPI")), cell(cells, header.get("Datum")),
				cell(cells, header.get("Wert")), cell(cells, header.get("Einheit")),
				cell(cells, header.get("Quelle")));
	}

	private static String cell(List<String> cells, Integer index) {
		return index == null || index >= cells.size() ? "" : cells.get(index);
	}
}
