package de.leitstand.portfolio.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import de.leitstand.portfolio.ProjectType;

class ProjectWorkbookTests {

	@Test
	void csvCellsThatASpreadsheetWouldEvaluateGetAnApostrophe() {
		assertThat(ProjectWorkbook.csvSafe("=1+2")).isEqualTo("'=1+2");
		assertThat(ProjectWorkbook.csvSafe("+49")).isEqualTo("'+49");
		assertThat(ProjectWorkbook.csvSafe("-2")).isEqualTo("'-2");
		assertThat(ProjectWorkbook.csvSafe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(ProjectWorkbook.csvSafe("\t=1")).isEqualTo("'\t=1");
		assertThat(ProjectWorkbook.csvSafe("\r=1")).isEqualTo("'\r=1");
		assertThat(ProjectWorkbook.csvSafe("Bürgerportal = gut")).isEqualTo("Bürgerportal = gut");
		assertThat(ProjectWorkbook.csvSafe("")).isEmpty();
	}

	@Test
	void enumValuesAreReadAsGermanWordOrCodeIgnoringCase() {
		assertThat(ProjectWorkbook.parse(ProjectWorkbook.TYPES, "daueraufgabe")).isEqualTo(ProjectType.CONTINUOUS_TASK);
		assertThat(ProjectWorkbook.parse(ProjectWorkbook.TYPES, " QUICK_WIN ")).isEqualTo(ProjectType.QUICK_WIN);
		assertThat(ProjectWorkbook.parse(ProjectWorkbook.TYPES, "Vorhaben")).isNull();
	}

	@Test
	void numbersAreReadInPlainOrGermanNotation() {
		assertThat(ProjectImport.number("1234.5")).isEqualByComparingTo("1234.5");
		assertThat(ProjectImport.number("1.234,50 €")).isEqualByComparingTo("1234.50");
		assertThat(ProjectImport.number("1.000.000")).isEqualByComparingTo(new BigDecimal("1000000"));
		assertThat(ProjectImport.number("zwölf")).isNull();
	}

	@Test
	void listsAreSplitAtCommasAndSemicolons() {
		assertThat(ProjectImport.list(" AMT-51, AMT-63;;AMT-10 ")).containsExactly("AMT-51", "AMT-63", "AMT-10");
		assertThat(ProjectImport.list(null)).isEmpty();
	}
}
