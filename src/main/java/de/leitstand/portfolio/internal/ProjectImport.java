package de.leitstand.portfolio.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.persistence.EntityManager;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import de.leitstand.organization.LeitstandUser;
import de.leitstand.organization.OrgUnitDirectory;
import de.leitstand.portfolio.AiRiskClass;
import de.leitstand.portfolio.Contribution;
import de.leitstand.portfolio.MaturityModel;
import de.leitstand.portfolio.ProjectProfile;
import de.leitstand.portfolio.ProjectType;
import de.leitstand.portfolio.internal.ProjectWorkbook.Column;
import de.leitstand.portfolio.internal.ProjectWorkbook.Sheet;
import de.leitstand.shared.InvalidInput;
import de.leitstand.shared.NotFoundException;
import de.leitstand.shared.StaleVersionException;
import de.leitstand.strategy.StrategyCatalog;

/**
 * Imports the portfolio workbook all-or-nothing: every row is read and checked by the same rules as the form
 * ({@link ProjectService}), inside one transaction that is rolled back if any row of any sheet is wrong. The
 * result names every problem by sheet, row and column, so a user can fix the whole file in one go.
 */
@Service
public class ProjectImport {

	static {
		// Zip bomb protection for every workbook POI opens in this application: a part may not expand more than
		// 100-fold (POI's default ratio, stated here on purpose) nor beyond 100 MB.
		ZipSecureFile.setMinInflateRatio(0.01);
		ZipSecureFile.setMaxEntrySize(100L * 1024 * 1024);
	}

	private static final int FLUSH_EVERY = 100;
	private static final Pattern GOAL = Pattern.compile("^([^:]+?)\\s*(?::\\s*(.*))?$");
	private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("d.M.uuuu");

	private final ProjectService service;
	private final Projects projects;
	private final ProjectPolicy policy;
	private final OrgUnitDirectory units;
	private final StrategyCatalog strategy;
	private final EntityManager entityManager;
	private final TransactionTemplate tx;

	ProjectImport(ProjectService service, Projects projects, ProjectPolicy policy, OrgUnitDirectory units, StrategyCatalog strategy,
			EntityManager entityManager, PlatformTransactionManager transactions) {
		this.service = service;
		this.projects = projects;
		this.policy = policy;
		this.units = units;
		this.strategy = strategy;
		this.entityManager = entityManager;
		this.tx = new TransactionTemplate(transactions);
	}

	/**
	 * One problem: where it is (sheet, 1-based row as the spreadsheet shows it, column header; sheet and column are
	 * null and row 0 for a problem with the whole file) and why (message key and arguments).
	 */
	public record Problem(String sheet, int row, String column, String messageKey, List<Object> args) {

		static Problem file(String messageKey, Object... args) {
			return new Problem(null, 0, null, messageKey, List.of(args));
		}
	}

	/** What an import did: either projects created and updated, or the problems, and then nothing was stored. */
	public record Outcome(int created, int updated, List<Problem> problems) {

		public boolean succeeded() {
			return problems.isEmpty();
		}
	}

	/** Reads, checks and stores the workbook in {@code in} of the given size in bytes. */
	public Outcome run(InputStream in, long size) throws IOException {
		LeitstandUser user = LeitstandUser.current().orElseThrow(() -> new AccessDeniedException("not signed in"));
		if (!policy.canCreate(user)) {
			throw new AccessDeniedException("may not import projects");
		}
		if (size > ProjectWorkbook.MAX_FILE_BYTES) {
			return failed(Problem.file("io.error.tooLarge", ProjectWorkbook.MAX_FILE_BYTES / (1024 * 1024)));
		}
		byte[] bytes = in.readNBytes((int) ProjectWorkbook.MAX_FILE_BYTES + 1);
		if (bytes.length > ProjectWorkbook.MAX_FILE_BYTES) {
			return failed(Problem.file("io.error.tooLarge", ProjectWorkbook.MAX_FILE_BYTES / (1024 * 1024)));
		}
		Parsed[] parsed = new Parsed[1];
		Outcome refused = read(bytes, parsed);
		return refused != null ? refused : store(parsed[0]);
	}

	/**
	 * Reads and checks a workbook without storing anything: the problems found, or none. Package-private for the
	 * fuzz tests ({@code ProjectImportFuzzTests}); the import itself goes through {@link #run}.
	 */
	Outcome check(byte[] bytes) throws IOException {
		Parsed[] parsed = new Parsed[1];
		Outcome refused = read(bytes, parsed);
		return refused != null ? refused : new Outcome(0, 0, List.copyOf(parsed[0].rowProblems));
	}

	/** The drafts of the workbook into {@code out[0]}, or the outcome that refuses the whole file. */
	private Outcome read(byte[] bytes, Parsed[] out) throws IOException {
		if (bytes.length == 0) {
			return failed(Problem.file("io.error.empty"));
		}
		if (!isZip(bytes)) {
			return failed(Problem.file(isOle2(bytes) ? "io.error.oldExcel" : "io.error.notXlsx"));
		}
		Workbook workbook;
		try {
			workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes));
		}
		// LinkageError: a ZIP entry may name a compression method whose codec is not on the class path (e.g.
		// Zstandard, found by fuzzing); such a file is no workbook we can read either.
		catch (Exception | LinkageError ex) {
			return failed(Problem.file(isZipBomb(ex) ? "io.error.zipBomb" : "io.error.notXlsx"));
		}
		try (workbook) {
			Parsed parsed = new Reader(workbook).read();
			if (!parsed.fileProblems.isEmpty()) {
				return failed(parsed.fileProblems);
			}
			out[0] = parsed;
			return null;
		}
	}

	private static Outcome failed(Problem problem) {
		return failed(List.of(problem));
	}

	private static Outcome failed(List<Problem> problems) {
		return new Outcome(0, 0, List.copyOf(problems));
	}

	private Outcome store(Parsed parsed) {
		List<Problem> problems = new ArrayList<>(parsed.rowProblems);
		int[] counts = new int[2];
		try {
			tx.executeWithoutResult(status -> {
				int done = 0;
				for (Draft draft : parsed.drafts) {
					if (!draft.broken) {
						storeRow(draft, problems, counts);
					}
					if (++done % FLUSH_EVERY == 0) {
						// Keep the persistence context small: 5,000 managed projects would make every flush slow.
						// The search index documents are built now and written only when the transaction commits.
						entityManager.flush();
						Search.session(entityManager).indexingPlan().process();
						entityManager.clear();
					}
				}
				if (!problems.isEmpty()) {
					status.setRollbackOnly();
				}
			});
		}
		catch (RuntimeException ex) {
			if (problems.isEmpty()) {
				problems.add(Problem.file("io.error.storage"));
			}
		}
		if (!problems.isEmpty()) {
			problems.sort(java.util.Comparator.comparingInt((Problem p) -> sheetOrder(p.sheet()))
				.thenComparingInt(Problem::row));
			return failed(problems);
		}
		return new Outcome(counts[0], counts[1], List.of());
	}

	private static int sheetOrder(String sheet) {
		for (int i = 0; i < ProjectWorkbook.DATA_SHEETS.size(); i++) {
			if (ProjectWorkbook.DATA_SHEETS.get(i).name().equals(sheet)) {
				return i;
			}
		}
		return -1;
	}

	private void storeRow(Draft draft, List<Problem> problems, int[] counts) {
		Sheet sheet = ProjectWorkbook.PROJECT_SHEET;
		try {
			ProjectProfile profile = draft.profile();
			if (draft.isNew()) {
				service.create(profile);
				counts[0]++;
			}
			else {
				Project existing = projects.findByKeyIgnoreCase(draft.key)
					.orElseThrow(() -> new NotFoundException(draft.key));
				// The service checks again whether this user may see and change it.
				service.update(existing.getId(), draft.version, profile);
				counts[1]++;
			}
		}
		catch (InvalidInput ex) {
			for (InvalidInput.Problem p : ex.problems()) {
				problems.add(locate(draft, p));
			}
		}
		catch (StaleVersionException ex) {
			problems.add(draft.at(sheet, "version", "io.reason.stale", ex.currentVersion()));
		}
		catch (NotFoundException ex) {
			problems.add(draft.at(sheet, "key", "io.reason.unknownProject", draft.key));
		}
		catch (AccessDeniedException ex) {
			problems.add(draft.at(sheet, "leadUnitId", "io.reason.notYourUnit"));
		}
	}

	/** Maps a rule's field path ({@code title}, {@code costs[2].year}) to the cell it came from. */
	static Problem locate(Draft draft, InvalidInput.Problem p) {
		Matcher m = Pattern.compile("^(costs|efforts|onlineServices)\\[(\\d+)]\\.(\\w+)$").matcher(p.field());
		List<Object> args = p.args() == null ? List.of() : List.of(p.args());
		if (m.matches()) {
			int index = Integer.parseInt(m.group(2));
			Sheet sheet = switch (m.group(1)) {
				case "costs" -> ProjectWorkbook.COST_SHEET;
				case "efforts" -> ProjectWorkbook.EFFORT_SHEET;
				default -> ProjectWorkbook.SERVICE_SHEET;
			};
			List<Integer> rows = draft.linesOf(sheet);
			int row = index < rows.size() ? rows.get(index) : draft.row;
			String column = sheet.byField(m.group(3)).map(Column::header).orElse(null);
			return new Problem(sheet.name(), row, column, p.messageKey(), args);
		}
		String column = ProjectWorkbook.PROJECT_SHEET.byField(p.field()).map(Column::header).orElse(null);
		return new Problem(ProjectWorkbook.PROJECTS, draft.row, column, p.messageKey(), args);
	}

	static boolean isZip(byte[] bytes) {
		return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
	}

	static boolean isOle2(byte[] bytes) {
		return bytes.length >= 4 && (bytes[0] & 0xFF) == 0xD0 && (bytes[1] & 0xFF) == 0xCF
				&& (bytes[2] & 0xFF) == 0x11 && (bytes[3] & 0xFF) == 0xE0;
	}

	static boolean isZipBomb(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			String message = t.getMessage();
			if (message != null && (message.contains("Zip bomb") || message.contains("ZipSecureFile")
					|| message.contains("MAX_ENTRY_SIZE") || message.contains("max entry size"))) {
				return true;
			}
		}
		return false;
	}

	/** What the workbook holds after reading: problems with the file as a whole, with single cells, and the rows. */
	private static final class Parsed {

		final List<Problem> fileProblems = new ArrayList<>();
		final List<Problem> rowProblems = new ArrayList<>();
		final List<Draft> drafts = new ArrayList<>();
	}

	/** One project row with its plan lines and where each came from. */
	static final class Draft {

		final int row;
		String key;
		String ref;
		Long version;
		boolean broken;
		String title;
		String shortDescription;
		String problem;
		String expectedImpact;
		ProjectType type;
		UUID leadUnitId;
		Set<UUID> participatingUnits = new LinkedHashSet<>();
		String contactName;
		String contactEmail;
		LocalDate plannedStart;
		LocalDate plannedEnd;
		String fundingProgramme;
		BigDecimal fundingShare;
		Map<UUID, Contribution> goals = new LinkedHashMap<>();
		Set<UUID> bundles = new LinkedHashSet<>();
		Set<String> tags = new LinkedHashSet<>();
		boolean aiUsed;
		String aiPurpose;
		AiRiskClass aiRiskClass;
		Set<String> requires = new LinkedHashSet<>();
		boolean published;
		String publicTitle;
		String publicSummary;
		final List<ProjectProfile.CostPlan> costs = new ArrayList<>();
		final List<ProjectProfile.EffortPlan> efforts = new ArrayList<>();
		final List<ProjectProfile.OnlineService> services = new ArrayList<>();
		final Map<String, List<Integer>> lineRows = new HashMap<>();

		Draft(int row) {
			this.row = row;
		}

		boolean isNew() {
			return key == null;
		}

		List<Integer> linesOf(Sheet sheet) {
			return lineRows.computeIfAbsent(sheet.name(), s -> new ArrayList<>());
		}

		Problem at(Sheet sheet, String field, String messageKey, Object... args) {
			return new Problem(sheet.name(), row, sheet.column(field).header(), messageKey, List.of(args));
		}

		ProjectProfile profile() {
			return new ProjectProfile(title, shortDescription, problem, expectedImpact, type, leadUnitId,
					participatingUnits, contactName, contactEmail, plannedStart, plannedEnd, costs, efforts,
					fundingProgramme, fundingShare, goals, bundles, services, tags, aiUsed, aiPurpose, aiRiskClass,
					requires, published, publicTitle, publicSummary);
		}
	}

	/** Reads the sheets into drafts; every cell that cannot be understood becomes a problem, reading goes on. */
	private final class Reader {

		private final Workbook workbook;
		private final Parsed parsed = new Parsed();
		private final Map<String, UUID> unitCodes = new HashMap<>();
		private final Map<String, UUID> goalCodes = new HashMap<>();
		private final Map<String, UUID> bundleCodes = new HashMap<>();

		Reader(Workbook workbook) {
			this.workbook = workbook;
			units.tree().forEach(u -> unitCodes.put(u.code().toUpperCase(Locale.ROOT), u.id()));
			strategy.activeFields().forEach(f -> {
				f.goals().forEach(g -> goalCodes.put(g.code().toUpperCase(Locale.ROOT), g.id()));
				f.bundles().forEach(b -> bundleCodes.put(b.code().toUpperCase(Locale.ROOT), b.id()));
			});
		}

		Parsed read() {
			Map<Sheet, SheetCells> sheets = new LinkedHashMap<>();
			for (Sheet sheet : ProjectWorkbook.DATA_SHEETS) {
				org.apache.poi.ss.usermodel.Sheet s = workbook.getSheet(sheet.name());
				if (s == null) {
					parsed.fileProblems.add(Problem.file("io.error.sheetMissing", sheet.name()));
					continue;
				}
				SheetCells cells = new SheetCells(sheet, s, parsed.fileProblems);
				if (cells.checkHeaders()) {
					sheets.put(sheet, cells);
				}
				if (cells.dataRows() > ProjectWorkbook.MAX_ROWS) {
					parsed.fileProblems.add(
							Problem.file("io.error.tooManyRows", sheet.name(), ProjectWorkbook.MAX_ROWS));
				}
			}
			if (!parsed.fileProblems.isEmpty()) {
				return parsed;
			}
			Map<String, Draft> byRef = new HashMap<>();
			SheetCells projects = sheets.get(ProjectWorkbook.PROJECT_SHEET);
			for (Row row : projects.rows()) {
				Draft draft = projectRow(projects, row);
				if (draft.ref != null && byRef.putIfAbsent(draft.ref.toUpperCase(Locale.ROOT), draft) != null) {
					problem(projects, row, "key", "io.reason.duplicateKey", draft.ref);
					draft.broken = true;
				}
				parsed.drafts.add(draft);
			}
			if (parsed.drafts.isEmpty()) {
				parsed.fileProblems.add(Problem.file("io.error.noRows"));
				return parsed;
			}
			SheetCells costs = sheets.get(ProjectWorkbook.COST_SHEET);
			for (Row row : costs.rows()) {
				Draft draft = owner(costs, row, byRef);
				Integer year = whole(costs, row, "year");
				BigDecimal investment = decimal(costs, row, "investment");
				BigDecimal running = decimal(costs, row, "running");
				if (draft != null && year != null && costs.ok) {
					draft.costs.add(new ProjectProfile.CostPlan(year, zero(investment), zero(running)));
					draft.linesOf(ProjectWorkbook.COST_SHEET).add(row.getRowNum() + 1);
				}
				else if (draft != null) {
					draft.broken = true;
				}
			}
			SheetCells efforts = sheets.get(ProjectWorkbook.EFFORT_SHEET);
			for (Row row : efforts.rows()) {
				Draft draft = owner(efforts, row, byRef);
				UUID unit = unit(efforts, row, "unitId", true);
				Integer year = whole(efforts, row, "year");
				BigDecimal days = decimal(efforts, row, "personDays");
				if (draft != null && year != null && efforts.ok) {
					draft.efforts.add(new ProjectProfile.EffortPlan(unit, year, zero(days)));
					draft.linesOf(ProjectWorkbook.EFFORT_SHEET).add(row.getRowNum() + 1);
				}
				else if (draft != null) {
					draft.broken = true;
				}
			}
			SheetCells services = sheets.get(ProjectWorkbook.SERVICE_SHEET);
			for (Row row : services.rows()) {
				Draft draft = owner(services, row, byRef);
				String leika = services.text(row, "leikaKey");
				String name = services.text(row, "name");
				MaturityModel model = choice(services, row, "model", ProjectWorkbook.MODELS, MaturityModel.values());
				Integer current = whole(services, row, "currentLevel");
				Integer target = whole(services, row, "targetLevel");
				if (draft != null && services.ok) {
					draft.services.add(new ProjectProfile.OnlineService(leika, name == null ? "" : name, model,
							current == null ? 0 : current, target == null ? 0 : target));
					draft.linesOf(ProjectWorkbook.SERVICE_SHEET).add(row.getRowNum() + 1);
				}
				else if (draft != null) {
					draft.broken = true;
				}
			}
			return parsed;
		}

		private Draft projectRow(SheetCells cells, Row row) {
			cells.ok = true;
			Draft d = new Draft(row.getRowNum() + 1);
			String key = cells.text(row, "key");
			if (key != null) {
				d.ref = key;
				d.key = key.toUpperCase(Locale.ROOT).startsWith(ProjectWorkbook.NEW_PREFIX) ? null : key;
			}
			Integer version = whole(cells, row, "version");
			d.version = version == null ? null : version.longValue();
			if (d.key != null && version == null && cells.ok) {
				problem(cells, row, "version", "io.reason.versionMissing");
			}
			d.title = cells.text(row, "title");
			d.shortDescription = cells.text(row, "shortDescription");
			d.problem = cells.text(row, "problem");
			d.expectedImpact = cells.text(row, "expectedImpact");
			d.type = choice(cells, row, "type", ProjectWorkbook.TYPES, ProjectType.values());
			// The status column is exported for information; status changes only through the lifecycle.
			d.leadUnitId = unit(cells, row, "leadUnitId", false);
			for (String code : list(cells.text(row, "participatingUnits"))) {
				UUID unit = unitCodes.get(code.toUpperCase(Locale.ROOT));
				if (unit == null) {
					problem(cells, row, "participatingUnits", "io.reason.unknownUnit", code);
					break;
				}
				d.participatingUnits.add(unit);
			}
			d.contactName = cells.text(row, "contactName");
			d.contactEmail = cells.text(row, "contactEmail");
			d.plannedStart = date(cells, row, "plannedStart");
			d.plannedEnd = date(cells, row, "plannedEnd");
			d.fundingProgramme = cells.text(row, "fundingProgramme");
			d.fundingShare = decimal(cells, row, "fundingShare");
			for (String link : list(cells.text(row, "goals"))) {
				Matcher m = GOAL.matcher(link);
				UUID goal = m.matches() ? goalCodes.get(m.group(1).toUpperCase(Locale.ROOT)) : null;
				if (goal == null) {
					problem(cells, row, "goals", "io.reason.unknownGoal", m.matches() ? m.group(1) : link);
					break;
				}
				Contribution contribution = m.group(2) == null ? null
						: ProjectWorkbook.parse(ProjectWorkbook.CONTRIBUTIONS, m.group(2));
				if (contribution == null) {
					problem(cells, row, "goals", "io.reason.contribution", m.group(1),
							ProjectWorkbook.words(ProjectWorkbook.CONTRIBUTIONS, Contribution.values()));
					break;
				}
				d.goals.put(goal, contribution);
			}
			for (String code : list(cells.text(row, "bundles"))) {
				UUID bundle = bundleCodes.get(code.toUpperCase(Locale.ROOT));
				if (bundle == null) {
					problem(cells, row, "bundles", "io.reason.unknownBundle", code);
					break;
				}
				d.bundles.add(bundle);
			}
			d.tags.addAll(list(cells.text(row, "tags")));
			d.aiUsed = yesNo(cells, row, "aiUsed");
			d.aiPurpose = cells.text(row, "aiPurpose");
			d.aiRiskClass = choice(cells, row, "aiRiskClass", ProjectWorkbook.AI_RISKS, AiRiskClass.values());
			list(cells.text(row, "requires")).forEach(k -> d.requires.add(k.toUpperCase(Locale.ROOT)));
			d.published = yesNo(cells, row, "published");
			d.publicTitle = cells.text(row, "publicTitle");
			d.publicSummary = cells.text(row, "publicSummary");
			d.broken = !cells.ok;
			return d;
		}

		/** The project a plan line belongs to, by key or placeholder; null (and a problem) if there is none. */
		private Draft owner(SheetCells cells, Row row, Map<String, Draft> byRef) {
			cells.ok = true;
			String ref = cells.text(row, "key");
			if (ref == null) {
				problem(cells, row, "key", "validation.required");
				return null;
			}
			Draft draft = byRef.get(ref.toUpperCase(Locale.ROOT));
			if (draft == null) {
				problem(cells, row, "key", "io.reason.notOnProjectSheet", ref);
			}
			return draft;
		}

		private void problem(SheetCells cells, Row row, String field, String key, Object... args) {
			cells.ok = false;
			parsed.rowProblems.add(new Problem(cells.sheet.name(), row.getRowNum() + 1,
					cells.sheet.column(field).header(), key, List.of(args)));
		}

		private UUID unit(SheetCells cells, Row row, String field, boolean required) {
			String code = cells.text(row, field);
			if (code == null) {
				if (required) {
					problem(cells, row, field, "validation.required");
				}
				return null;
			}
			UUID unit = unitCodes.get(code.toUpperCase(Locale.ROOT));
			if (unit == null) {
				problem(cells, row, field, "io.reason.unknownUnit", code);
			}
			return unit;
		}

		private <E extends Enum<E>> E choice(SheetCells cells, Row row, String field, Map<E, String> labels,
				E[] values) {
			String text = cells.text(row, field);
			if (text == null) {
				return null;
			}
			E value = ProjectWorkbook.parse(labels, text);
			if (value == null) {
				problem(cells, row, field, "io.reason.choice", text, ProjectWorkbook.words(labels, values));
			}
			return value;
		}

		private boolean yesNo(SheetCells cells, Row row, String field) {
			String text = cells.text(row, field);
			if (text == null) {
				return false;
			}
			switch (text.toLowerCase(Locale.GERMAN)) {
				case "ja", "j", "x", "wahr", "true", "yes":
					return true;
				case "nein", "n", "falsch", "false", "no":
					return false;
				default:
					problem(cells, row, field, "io.reason.yesNo", text);
					return false;
			}
		}

		private Integer whole(SheetCells cells, Row row, String field) {
			BigDecimal value = decimal(cells, row, field);
			if (value == null) {
				return null;
			}
			try {
				return value.intValueExact();
			}
			catch (ArithmeticException ex) {
				problem(cells, row, field, "io.reason.wholeNumber", value.toPlainString());
				return null;
			}
		}

		private BigDecimal decimal(SheetCells cells, Row row, String field) {
			String text = cells.text(row, field);
			if (text == null) {
				return null;
			}
			BigDecimal value = number(text);
			if (value == null) {
				problem(cells, row, field, "io.reason.number", text);
			}
			return value;
		}

		private LocalDate date(SheetCells cells, Row row, String field) {
			String text = cells.text(row, field);
			if (text == null) {
				return null;
			}
			try {
				return text.contains(".") ? LocalDate.parse(text, GERMAN_DATE) : LocalDate.parse(text);
			}
			catch (DateTimeParseException ex) {
				problem(cells, row, field, "io.reason.date", text);
				return null;
			}
		}
	}

	private static BigDecimal zero(BigDecimal value) {
		return value == null ? BigDecimal.ZERO : value;
	}

	/** A number as typed: {@code 1234.5} as the cell value, or German {@code 1.234,5}; null if it is none. */
	static BigDecimal number(String text) {
		String t = text.replace(" ", "").replace("\u00A0", "").replace("€", "").replace("%", "");
		if (t.contains(",")) {
			t = t.replace(".", "").replace(',', '.');
		}
		else if (t.matches("\\d{1,3}(\\.\\d{3})+")) {
			t = t.replace(".", "");
		}
		try {
			return new BigDecimal(t);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** Comma or semicolon separated values, trimmed, without empty ones. */
	static List<String> list(String text) {
		if (text == null) {
			return List.of();
		}
		List<String> values = new ArrayList<>();
		for (String part : text.split("[,;\\n]")) {
			if (!part.isBlank()) {
				values.add(part.strip());
			}
		}
		return values;
	}

	/** One sheet with its header row checked and the column index of each field. */
	private static final class SheetCells {

		final Sheet sheet;
		final org.apache.poi.ss.usermodel.Sheet poi;
		final List<Problem> fileProblems;
		final Map<String, Integer> index = new HashMap<>();
		boolean ok = true;

		SheetCells(Sheet sheet, org.apache.poi.ss.usermodel.Sheet poi, List<Problem> fileProblems) {
			this.sheet = sheet;
			this.poi = poi;
			this.fileProblems = fileProblems;
		}

		boolean checkHeaders() {
			Row header = poi.getRow(0);
			Map<String, Column> known = new HashMap<>();
			sheet.columns().forEach(c -> known.put(normal(c.header()), c));
			boolean fine = true;
			if (header != null) {
				for (Cell cell : header) {
					String text = ProjectImport.text(cell);
					if (text == null) {
						continue;
					}
					Column column = known.get(normal(text));
					if (column == null) {
						fileProblems.add(Problem.file("io.error.unknownHeader", sheet.name(), text,
								String.join(", ", sheet.columns().stream().map(Column::header).toList())));
						fine = false;
					}
					else if (index.putIfAbsent(column.field(), cell.getColumnIndex()) != null) {
						fileProblems.add(Problem.file("io.error.duplicateHeader", sheet.name(), text));
						fine = false;
					}
				}
			}
			for (Column column : sheet.columns()) {
				if (!index.containsKey(column.field())) {
					fileProblems.add(Problem.file("io.error.missingHeader", sheet.name(), column.header()));
					fine = false;
				}
			}
			return fine;
		}

		int dataRows() {
			return Math.max(0, poi.getLastRowNum());
		}

		/** The non-empty rows below the header. */
		List<Row> rows() {
			List<Row> rows = new ArrayList<>();
			for (Row row : poi) {
				if (row.getRowNum() > 0 && !empty(row)) {
					rows.add(row);
				}
			}
			return rows;
		}

		private boolean empty(Row row) {
			for (Integer i : index.values()) {
				if (ProjectImport.text(row.getCell(i)) != null) {
					return false;
				}
			}
			return true;
		}

		String text(Row row, String field) {
			return ProjectImport.text(row.getCell(index.get(field)));
		}
	}

	private static String normal(String header) {
		return header.strip().replaceAll("\\s+", " ").toLowerCase(Locale.GERMAN);
	}

	/** A cell's value as text: numbers in plain notation, dates as ISO dates, booleans as ja/nein; null if blank. */
	static String text(Cell cell) {
		if (cell == null) {
			return null;
		}
		CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
		String text = switch (type) {
			case STRING -> cell.getStringCellValue();
			case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
					: new BigDecimal(Double.toString(cell.getNumericCellValue())).stripTrailingZeros().toPlainString();
			case BOOLEAN -> cell.getBooleanCellValue() ? ProjectWorkbook.YES : ProjectWorkbook.NO;
			default -> null;
		};
		return text == null || text.isBlank() ? null : text.strip();
	}
}
