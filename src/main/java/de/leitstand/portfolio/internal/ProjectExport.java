package de.leitstand.portfolio.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.leitstand.organization.LeitstandUser;
import de.leitstand.organization.OrgUnitDirectory;
import de.leitstand.organization.OrgUnitView;
import de.leitstand.portfolio.AiRiskClass;
import de.leitstand.portfolio.MaturityModel;
import de.leitstand.portfolio.ProjectQuery;
import de.leitstand.portfolio.ProjectType;
import de.leitstand.portfolio.internal.ProjectWorkbook.Column;
import de.leitstand.portfolio.internal.ProjectWorkbook.Sheet;
import de.leitstand.strategy.StrategyCatalog;

/**
 * Writes a filtered portfolio list as XLSX (four sheets, streamed) or CSV (the project sheet only), and the
 * empty import template. Visibility rules come with {@link ProjectSearch}: a user exports what the list shows.
 */
@Service
@Transactional(readOnly = true)
public class ProjectExport {

	private static final int CHUNK = 500;
	private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

	private final ProjectSearch search;
	private final Projects projects;
	private final OrgUnitDirectory units;
	private final StrategyCatalog strategy;
	private final EntityManager entityManager;
	private final MessageSource messages;

	ProjectExport(ProjectSearch search, Projects projects, OrgUnitDirectory units, StrategyCatalog strategy,
			EntityManager entityManager, MessageSource messages) {
		this.search = search;
		this.projects = projects;
		this.units = units;
		this.strategy = strategy;
		this.entityManager = entityManager;
		this.messages = messages;
	}

	/** All projects matching the query (at most {@link ProjectWorkbook#MAX_ROWS}) as an XLSX workbook. */
	public void xlsx(ProjectQuery query, OutputStream out) throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
			Sheets sheets = new Sheets(workbook);
			Codes codes = codes();
			each(query, p -> {
				sheets.add(ProjectWorkbook.PROJECT_SHEET, projectRow(p, codes));
				p.getCostsByYear().forEach(c -> sheets.add(ProjectWorkbook.COST_SHEET,
						List.of(p.getKey(), c.year(), c.investment(), c.running())));
				p.getEffortsByYear().forEach(e -> sheets.add(ProjectWorkbook.EFFORT_SHEET,
						Arrays.asList(p.getKey(), codes.unit(e.unitId()), e.year(), e.personDays())));
				p.getOnlineServices().stream().sorted(Comparator.comparing(OnlineServiceLink::leikaKey))
					.forEach(s -> sheets.add(ProjectWorkbook.SERVICE_SHEET,
							List.of(p.getKey(), s.leikaKey(), s.name(), ProjectWorkbook.MODELS.get(s.model()),
									s.currentLevel(), s.targetLevel())));
			});
			workbook.write(out);
			workbook.dispose();
		}
	}

	/**
	 * The project sheet as CSV for German Excel: UTF-8 with byte order mark, semicolon separator, German dates and
	 * decimal commas; text that a spreadsheet would run as a formula starts with an apostrophe.
	 */
	public void csv(ProjectQuery query, OutputStream out) throws IOException {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		CSVFormat format = CSVFormat.EXCEL.builder().setDelimiter(';').get();
		CSVPrinter printer = new CSVPrinter(writer, format);
		printer.printRecord(ProjectWorkbook.PROJECT_SHEET.columns().stream().map(Column::header).toList());
		Codes codes = codes();
		DecimalFormat number = new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.GERMANY));
		each(query, p -> {
			try {
				printer.printRecord(projectRow(p, codes).stream().map(v -> csvValue(v, number)).toList());
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		});
		printer.flush();
	}

	/** The empty workbook to fill in, with a notes sheet listing the allowed values. */
	public void template(OutputStream out, Locale locale) throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
			new Sheets(workbook);
			SXSSFSheet notes = workbook.createSheet(ProjectWorkbook.NOTES);
			notes.setColumnWidth(0, 40 * 256);
			notes.setColumnWidth(1, 100 * 256);
			int[] row = { 0 };
			Consumer<List<String>> line = cells -> {
				Row r = notes.createRow(row[0]++);
				for (int i = 0; i < cells.size(); i++) {
					r.createCell(i).setCellValue(cells.get(i));
				}
			};
			line.accept(List.of(message("io.notes.title", locale)));
			for (String key : List.of("io.notes.newRows", "io.notes.updateRows", "io.notes.allOrNothing",
					"io.notes.lists", "io.notes.plans", "io.notes.status")) {
				line.accept(List.of("", message(key, locale)));
			}
			line.accept(List.of());
			line.accept(List.of(message("io.notes.allowed", locale)));
			line.accept(List.of("Typ", ProjectWorkbook.words(ProjectWorkbook.TYPES, ProjectType.values())));
			line.accept(List.of("Ziele", message("io.notes.goals", locale) + " "
					+ ProjectWorkbook.words(ProjectWorkbook.CONTRIBUTIONS, de.leitstand.portfolio.Contribution.values())));
			line.accept(List.of("KI-Einsatz / Veröffentlicht", ProjectWorkbook.YES + ", " + ProjectWorkbook.NO));
			line.accept(List.of("KI-Risikoklasse", ProjectWorkbook.words(ProjectWorkbook.AI_RISKS,
					new AiRiskClass[] { AiRiskClass.MINIMAL, AiRiskClass.LIMITED, AiRiskClass.HIGH })));
			line.accept(List.of("Modell", Arrays.stream(MaturityModel.values())
				.map(m -> ProjectWorkbook.MODELS.get(m) + " (0–" + m.maxLevel() + ")").collect(Collectors.joining(", "))));
			line.accept(List.of("Start / Ende", message("io.notes.dates", locale)));
			line.accept(List.of());
			line.accept(List.of(message("io.notes.units", locale)));
			for (OrgUnitView unit : units.tree()) {
				if (unit.active()) {
					line.accept(List.of(unit.code(), unit.name()));
				}
			}
			line.accept(List.of());
			line.accept(List.of(message("io.notes.goalCodes", locale)));
			strategy.activeFields().forEach(f -> f.goals().forEach(g -> line.accept(List.of(g.code(), g.title()))));
			line.accept(List.of());
			line.accept(List.of(message("io.notes.bundleCodes", locale)));
			strategy.activeFields()
				.forEach(f -> f.bundles().forEach(b -> line.accept(List.of(b.code(), b.title()))));
			workbook.write(out);
			workbook.dispose();
		}
	}

	private String message(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

	/** Loads the matching projects chunk by chunk, in list order, keeping the persistence context small. */
	private void each(ProjectQuery query, Consumer<Project> action) {
		List<UUID> ids = search.ids(query, ProjectWorkbook.MAX_ROWS);
		for (int from = 0; from < ids.size(); from += CHUNK) {
			List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
			Map<UUID, Project> byId = new HashMap<>();
			projects.findAllById(chunk).forEach(p -> byId.put(p.getId(), p));
			chunk.stream().map(byId::get).filter(java.util.Objects::nonNull).forEach(action);
			entityManager.clear();
		}
	}

	private static List<Object> projectRow(Project p, Codes codes) {
		return Arrays.asList(p.getKey(), p.getVersion(), p.getTitle(), p.getShortDescription(), p.getProblem(),
				p.getExpectedImpact(), ProjectWorkbook.TYPES.get(p.getType()), ProjectWorkbook.STATUSES.get(p.getStatus()),
				codes.unit(p.getLeadUnitId()),
				p.getParticipatingUnits().stream().map(codes::unit).sorted().collect(Collectors.joining(", ")),
				p.getContactName(), p.getContactEmail(), p.getPlannedStart(), p.getPlannedEnd(),
				p.getFundingProgramme(), p.getFundingShare(),
				p.getGoalLinks().stream()
					.map(g -> codes.goal(g.goalId()) + ":" + ProjectWorkbook.CONTRIBUTIONS.get(g.contribution()))
					.sorted().collect(Collectors.joining(", ")),
				p.getBundleIds().stream().map(codes::bundle).sorted().collect(Collectors.joining(", ")),
				p.getTags().stream().sorted().collect(Collectors.joining(", ")),
				p.isAiUsed() ? ProjectWorkbook.YES : ProjectWorkbook.NO, p.getAiPurpose(),
				p.getAiRiskClass() == null ? null : ProjectWorkbook.AI_RISKS.get(p.getAiRiskClass()),
				String.join(", ", p.prerequisiteKeys(LeitstandUser.current().orElse(null))),
				p.isPublished() ? ProjectWorkbook.YES : ProjectWorkbook.NO, p.getPublicTitle(), p.getPublicSummary());
	}

	private static String csvValue(Object value, DecimalFormat number) {
		if (value == null) {
			return "";
		}
		if (value instanceof LocalDate date) {
			return date.format(GERMAN_DATE);
		}
		if (value instanceof BigDecimal decimal) {
			return number.format(decimal);
		}
		if (value instanceof Number n) {
			return n.toString();
		}
		return ProjectWorkbook.csvSafe(value.toString());
	}

	private Codes codes() {
		Map<UUID, String> unitCodes = new HashMap<>();
		units.tree().forEach(u -> unitCodes.put(u.id(), u.code()));
		Map<UUID, String> goalCodes = new HashMap<>();
		Map<UUID, String> bundleCodes = new HashMap<>();
		strategy.activeFields().forEach(f -> {
			f.goals().forEach(g -> goalCodes.put(g.id(), g.code()));
			f.bundles().forEach(b -> bundleCodes.put(b.id(), b.code()));
		});
		return new Codes(unitCodes, goalCodes, bundleCodes, strategy);
	}

	/** Codes of org units, goals and bundles, as users know them, instead of internal ids. */
	private record Codes(Map<UUID, String> units, Map<UUID, String> goals, Map<UUID, String> bundles,
			StrategyCatalog strategy) {

		String unit(UUID id) {
			return id == null ? null : units.getOrDefault(id, id.toString());
		}

		String goal(UUID id) {
			// A goal of an older strategy version is still named by its code.
			return goals.computeIfAbsent(id,
					g -> strategy.goal(g).map(StrategyCatalog.GoalSummary::code).orElse(g.toString()));
		}

		String bundle(UUID id) {
			return bundles.computeIfAbsent(id,
					b -> strategy.bundle(b).map(StrategyCatalog.BundleSummary::code).orElse(b.toString()));
		}
	}

	/** The four data sheets with bold, frozen header rows; cells typed as numbers, dates or (never evaluated) text. */
	private static final class Sheets {

		private final Map<String, SXSSFSheet> sheets = new LinkedHashMap<>();
		private final Map<String, Integer> next = new HashMap<>();
		private final CellStyle dateStyle;

		Sheets(SXSSFWorkbook workbook) {
			CellStyle header = workbook.createCellStyle();
			Font bold = workbook.createFont();
			bold.setBold(true);
			header.setFont(bold);
			dateStyle = workbook.createCellStyle();
			dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd.mm.yyyy"));
			for (Sheet sheet : ProjectWorkbook.DATA_SHEETS) {
				SXSSFSheet s = workbook.createSheet(sheet.name());
				Row row = s.createRow(0);
				List<Column> columns = sheet.columns();
				for (int i = 0; i < columns.size(); i++) {
					var cell = row.createCell(i);
					cell.setCellValue(columns.get(i).header());
					cell.setCellStyle(header);
					s.setColumnWidth(i, Math.max(12, columns.get(i).header().length() + 4) * 256);
				}
				s.createFreezePane(0, 1);
				sheets.put(sheet.name(), s);
				next.put(sheet.name(), 1);
			}
		}

		void add(Sheet sheet, List<?> values) {
			int index = next.merge(sheet.name(), 1, Integer::sum) - 1;
			Row row = sheets.get(sheet.name()).createRow(index);
			for (int i = 0; i < values.size(); i++) {
				Object value = values.get(i);
				if (value == null) {
					continue;
				}
				var cell = row.createCell(i);
				if (value instanceof LocalDate date) {
					cell.setCellValue(date);
					cell.setCellStyle(dateStyle);
				}
				else if (value instanceof Number n) {
					cell.setCellValue(n.doubleValue());
				}
				else {
					// A string cell is never evaluated, whatever it starts with: no apostrophe needed here.
					cell.setCellValue(value.toString());
				}
			}
		}
	}

	static List<String> headers(Sheet sheet) {
		return new ArrayList<>(sheet.columns().stream().map(Column::header).toList());
	}
}
