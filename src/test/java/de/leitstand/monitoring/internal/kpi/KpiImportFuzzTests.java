package de.leitstand.monitoring.internal.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import de.leitstand.monitoring.internal.kpi.KpiService.ImportRow;
import de.leitstand.shared.InvalidInput;
import de.leitstand.shared.InvalidInput.Problem;
import de.leitstand.strategy.KpiDirection;
import de.leitstand.strategy.StrategyCatalog.GoalSummary;
import de.leitstand.strategy.StrategyCatalog.KpiSummary;

/**
 * Fuzzes the KPI measurement import (CSV and XLSX) up to the point where rows would be stored: reading the file
 * ({@link KpiImportReader}), resolving the KPI named in a row and checking each row against that KPI's rules
 * ({@link KpiService#check}). Whatever the file holds, the answer is rows or an {@link InvalidInput} with a
 * message key — never another exception — and every row that passes the check keeps the rules: a date not in the
 * future and not before the baseline, the KPI's unit, a value within range (0–100 for a percentage). Seeds:
 * {@code src/test/resources/de/leitstand/monitoring/internal/kpi/KpiImportFuzzTestsInputs/}; fuzzing for real:
 * see docs/security.md.
 */
class KpiImportFuzzTests {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
	static final LocalDate BASELINE = LocalDate.of(2019, 1, 1);
	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneId.of("Europe/Berlin"));

	static final KpiSummary PERCENT = new KpiSummary(UUID.randomUUID(), "Anteil digitaler Anträge", "%",
			BigDecimal.TEN, BASELINE, BigDecimal.valueOf(80), LocalDate.of(2030, 12, 31), KpiDirection.values()[0]);
	static final KpiSummary COUNT = new KpiSummary(UUID.randomUUID(), "Online-Dienste", "Anzahl", BigDecimal.ONE,
			BASELINE, BigDecimal.valueOf(500), LocalDate.of(2030, 12, 31), KpiDirection.values()[0]);
	static final List<KpiService.KpiRef> KPIS = List.of(
			new KpiService.KpiRef(PERCENT, goal(PERCENT)), new KpiService.KpiRef(COUNT, goal(COUNT)));

	final KpiService service = new KpiService(null, null, Optional.of(CLOCK));

	/** Any bytes under any of the accepted (and one refused) file names. */
	@FuzzTest(maxDuration = "2m")
	void anyFile(FuzzedDataProvider data) {
		String name = data.pickValue(new String[] { "werte.csv", "werte.xlsx", "werte.txt", "werte.ods" });
		readAndCheck(name, data.consumeRemainingAsBytes());
	}

	/** A CSV file with the right header whose cells hold fuzzed text (quotes, separators, numbers, dates). */
	@FuzzTest(maxDuration = "2m")
	void anyCsvCells(FuzzedDataProvider data) {
		char separator = data.consumeBoolean() ? ';' : ',';
		StringBuilder csv = new StringBuilder(String.join(String.valueOf(separator), KpiImportReader.COLUMNS))
			.append('\n');
		int rows = data.consumeInt(0, 4);
		for (int r = 0; r < rows; r++) {
			List<String> cells = new ArrayList<>();
			for (int c = 0; c < KpiImportReader.COLUMNS.size(); c++) {
				cells.add(cell(data, c));
			}
			csv.append(String.join(String.valueOf(separator), cells)).append('\n');
		}
		readAndCheck("werte.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
	}

	/** A workbook with the right header whose cells hold fuzzed numbers, booleans, text and formulas. */
	@FuzzTest(maxDuration = "2m")
	void anyXlsxCells(FuzzedDataProvider data) throws IOException {
		byte[] file;
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet("Messwerte");
			Row header = sheet.createRow(0);
			for (int i = 0; i < KpiImportReader.COLUMNS.size(); i++) {
				header.createCell(i).setCellValue(KpiImportReader.COLUMNS.get(i));
			}
			int rows = data.consumeInt(0, 4);
			for (int r = 1; r <= rows; r++) {
				Row row = sheet.createRow(r);
				for (int i = 0; i < KpiImportReader.COLUMNS.size(); i++) {
					switch (data.consumeInt(0, 4)) {
						case 0 -> { }
						case 1 -> row.createCell(i).setCellValue(data.consumeDouble());
						case 2 -> row.createCell(i).setCellValue(data.consumeBoolean());
						case 3 -> row.createCell(i).setCellValue(cell(data, i));
						default -> {
							try {
								row.createCell(i).setCellFormula(data.consumeString(20));
							}
							catch (RuntimeException notAFormula) {
								// POI refuses to write a malformed formula; such a file cannot be made.
							}
						}
					}
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			file = out.toByteArray();
		}
		readAndCheck("werte.xlsx", file);
	}

	/** A plausible cell for a column most of the time, so that the fuzzer reaches the rules behind the parser. */
	static String cell(FuzzedDataProvider data, int column) {
		if (data.consumeBoolean()) {
			return data.consumeString(40);
		}
		return switch (column) {
			case 0 -> data.pickValue(new String[] { "Z3.1 " + PERCENT.name(), "Z3.1 " + COUNT.name(), "Z3.1", "" });
			case 1 -> data.pickValue(new String[] { "2024-03-31", "31.3.2024", "2031-01-01", "2018-12-31", "" });
			case 2 -> data.pickValue(new String[] { "42", "42,5", "1.234,5", "-1", "101", "1e400", "" });
			case 3 -> data.pickValue(new String[] { "%", "Prozent", "Anzahl", "EUR", "" });
			default -> data.consumeString(10);
		};
	}

	void readAndCheck(String name, byte[] content) {
		List<ImportRow> rows;
		try {
			rows = KpiImportReader.read(name, content);
		}
		catch (InvalidInput refused) {
			assertThat(refused.problems()).as("a refused file names its problem").isNotEmpty();
			return;
		}
		assertThat(name).as("only CSV, TXT and XLSX files are read").matches(".*\\.(csv|txt|xlsx)");
		for (ImportRow row : rows) {
			assertThat(row.line()).isPositive();
			Optional<KpiService.KpiRef> ref = KpiService.resolve(KPIS, row.kpi());
			KpiSummary kpi = ref.map(KpiService.KpiRef::kpi).orElse(COUNT);
			List<Problem> problems = new ArrayList<>();
			KpiService.Checked checked = service.check(kpi,
					new KpiService.Entry(row.measuredOn(), row.value(), row.unit(), row.source()), "", problems);
			if (checked == null) {
				assertThat(problems).as("a refused row names its problem").isNotEmpty();
				continue;
			}
			assertThat(problems).isEmpty();
			assertThat(checked.measuredOn()).isAfterOrEqualTo(BASELINE).isBeforeOrEqualTo(TODAY);
			assertThat(checked.unit()).isEqualTo(kpi.unit());
			assertThat(checked.value().abs()).isLessThanOrEqualTo(new BigDecimal("1000000000000"));
			if (kpi == PERCENT) {
				assertThat(checked.value()).isBetween(BigDecimal.ZERO, BigDecimal.valueOf(100));
			}
			if (checked.source() != null) {
				// the one plain-text rule of every module: no tag, no control character, no lone surrogate
				assertThat(de.leitstand.shared.validation.PlainText.Validator.problem(checked.source())).isEmpty();
				assertThat(checked.source()).hasSizeLessThanOrEqualTo(500);
			}
		}
	}

	static GoalSummary goal(KpiSummary kpi) {
		return new GoalSummary(UUID.randomUUID(), "Z3.1", "Ziel", UUID.randomUUID(), 3, "Feld", List.of(kpi));
	}
}
