package de.leitstand.portfolio.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the CSV export's cell escaping ({@link ProjectWorkbook#csvSafe}) through the export's CSV format: every
 * text comes back from a CSV reader unchanged except for the leading apostrophe, and no cell starts with a
 * character a spreadsheet takes as a formula.
 */
class ProjectCsvFuzzTests {

	@FuzzTest(maxDuration = "2m")
	void cellsNeverStartAFormulaAndSurviveTheRoundTrip(String text) throws IOException {
		if (text == null) {
			return;
		}
		String safe = ProjectWorkbook.csvSafe(text);
		if (text.isEmpty()) {
			assertThat(safe).isEmpty();
			return;
		}
		assertThat(safe.charAt(0)).isNotIn('=', '+', '-', '@', '\t', '\r');
		assertThat(safe).isIn(text, "'" + text);

		CSVFormat format = CSVFormat.EXCEL.builder().setDelimiter(';').get();
		StringWriter out = new StringWriter();
		try (CSVPrinter printer = new CSVPrinter(out, format)) {
			printer.printRecord(List.of(safe, "next"));
		}
		List<CSVRecord> records = format.parse(new StringReader(out.toString())).getRecords();
		assertThat(records).hasSize(1);
		assertThat(records.get(0).get(0)).isEqualTo(safe);
		assertThat(records.get(0).get(1)).isEqualTo("next");
	}
}
