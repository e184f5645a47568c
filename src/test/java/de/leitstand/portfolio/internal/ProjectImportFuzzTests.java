package de.leitstand.portfolio.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import de.leitstand.organization.OrgUnitDirectory;
import de.leitstand.organization.OrgUnitType;
import de.leitstand.organization.OrgUnitView;
import de.leitstand.strategy.StrategyCatalog;

/**
 * Fuzzes the XLSX importer's reading layer ({@link ProjectImport#check}, no database): whatever bytes arrive, and
 * whatever the cells of a well-formed workbook hold, the answer is an outcome with problems or none — never an
 * uncaught exception. In a normal build these run once over their seed inputs
 * ({@code src/test/resources/de/leitstand/portfolio/internal/ProjectImportFuzzTestsInputs/}); fuzzing for real:
 * {@code JAZZER_FUZZ=1 ./mvnw test -Dtest=ProjectImportFuzzTests -Djazzer.max_duration=5m} (see docs/security.md).
 */
class ProjectImportFuzzTests {

	static final UUID UNIT = UUID.randomUUID();
	static final UUID GOAL = UUID.randomUUID();
	static final UUID BUNDLE = UUID.randomUUID();
	static final UUID FIELD = UUID.randomUUID();

	static final OrgUnitDirectory UNITS = new OrgUnitDirectory() {
		final OrgUnitView amt51 = new OrgUnitView(UNIT, "AMT-51", "Jugendamt", "Jugendamt", OrgUnitType.values()[0],
				null, 0, true);

		@Override
		public List<OrgUnitView> tree() {
			return List.of(amt51);
		}

		@Override
		public Optional<OrgUnitView> find(UUID id) {
			return UNIT.equals(id) ? Optional.of(amt51) : Optional.empty();
		}

		@Override
		public Optional<OrgUnitView> findByCode(String code) {
			return "AMT-51".equalsIgnoreCase(code) ? Optional.of(amt51) : Optional.empty();
		}
	};

	static final StrategyCatalog STRATEGY = new StrategyCatalog() {
		final GoalSummary goal = new GoalSummary(GOAL, "Z3.1", "Ziel", FIELD, 3, "Feld", List.of());
		final BundleSummary bundle = new BundleSummary(BUNDLE, "M1.1", "Bündel", FIELD, List.of(GOAL));

		@Override
		public List<FieldSummary> activeFields() {
			return List.of(new FieldSummary(FIELD, 3, "Feld", List.of(goal), List.of(bundle)));
		}

		@Override
		public Optional<GoalSummary> goal(UUID goalId) {
			return GOAL.equals(goalId) ? Optional.of(goal) : Optional.empty();
		}

		@Override
		public Optional<BundleSummary> bundle(UUID bundleId) {
			return BUNDLE.equals(bundleId) ? Optional.of(bundle) : Optional.empty();
		}
	};

	final ProjectImport importer = new ProjectImport(null, null, null, UNITS, STRATEGY, null,
			new org.springframework.transaction.support.AbstractPlatformTransactionManager() {
				@Override
				protected Object doGetTransaction() {
					throw new UnsupportedOperationException("reading only");
				}

				@Override
				protected void doBegin(Object transaction, org.springframework.transaction.TransactionDefinition d) {
				}

				@Override
				protected void doCommit(org.springframework.transaction.support.DefaultTransactionStatus status) {
				}

				@Override
				protected void doRollback(org.springframework.transaction.support.DefaultTransactionStatus status) {
				}
			});

	/** Arbitrary bytes as an uploaded file (zip structure, XML inside, sizes). */
	@FuzzTest(maxDuration = "2m")
	void anyBytes(byte[] data) throws IOException {
		if (data == null) {
			return;
		}
		ProjectImport.Outcome outcome = importer.check(data);
		assertThat(outcome).isNotNull();
	}

	/** A well-formed workbook with the right sheets and headers whose cells hold fuzzed text and numbers. */
	@FuzzTest(maxDuration = "2m")
	void anyCells(FuzzedDataProvider data) throws IOException {
		byte[] file;
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			for (ProjectWorkbook.Sheet sheet : ProjectWorkbook.DATA_SHEETS) {
				Sheet s = workbook.createSheet(sheet.name());
				Row header = s.createRow(0);
				for (int i = 0; i < sheet.columns().size(); i++) {
					header.createCell(i).setCellValue(sheet.columns().get(i).header());
				}
				int rows = data.consumeInt(0, 3);
				for (int r = 1; r <= rows; r++) {
					Row row = s.createRow(r);
					for (int i = 0; i < sheet.columns().size(); i++) {
						switch (data.consumeInt(0, 3)) {
							case 0 -> { }
							case 1 -> row.createCell(i).setCellValue(data.consumeDouble());
							case 2 -> row.createCell(i).setCellValue(data.consumeBoolean());
							default -> row.createCell(i).setCellValue(data.consumeString(60));
						}
					}
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			file = out.toByteArray();
		}
		ProjectImport.Outcome outcome = importer.check(file);
		assertThat(outcome).isNotNull();
	}
}
