package de.leitstand.portfolio.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;


import de.leitstand.portfolio.AiRiskClass;
import de.leitstand.portfolio.Contribution;
import de.leitstand.portfolio.MaturityModel;
import de.leitstand.portfolio.ProjectStatus;
import de.leitstand.portfolio.ProjectType;

/**
 * The layout of the portfolio workbook that export, template and import share: sheet names, column headers and
 * the German words for enum values. It is a file format, not UI text: a file exported by a user with English
 * pages must still import, so the headers and values are fixed German here instead of in the message bundles.
 */
public final class ProjectWorkbook {

	public static final String PROJECTS = "Projekte";
	public static final String COSTS = "Kosten";
	public static final String EFFORTS = "Aufwand";
	public static final String SERVICES = "Online-Dienste";
	public static final String NOTES = "Hinweise";

	/** Largest upload the import reads (the multipart limit is higher so that we can answer politely). */
	public static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

	/** Most project rows in one file, and most projects in one export. */
	public static final int MAX_ROWS = 20_000;

	/** Prefix of a placeholder key that lets the plan sheets refer to a project that the import creates. */
	public static final String NEW_PREFIX = "NEU-";

	/** A column: its header in the file and the profile field it holds (as named in {@code Problem.field}). */
	public record Column(String header, String field) {
	}

	/** A sheet and its columns in file order. */
	public record Sheet(String name, List<Column> columns) {

		public Optional<Column> byField(String field) {
			return columns.stream().filter(c -> c.field().equals(field)).findFirst();
		}

		public Column column(String field) {
			return byField(field).orElseThrow();
		}
	}

	public static final Sheet PROJECT_SHEET = new Sheet(PROJECTS, List.of(new Column("Schlüssel", "key"),
			new Column("Version", "version"), new Column("Titel", "title"),
			new Column("Kurzbeschreibung", "shortDescription"), new Column("Problem", "problem"),
			new Column("Erwartete Wirkung", "expectedImpact"), new Column("Typ", "type"),
			new Column("Status", "status"), new Column("Federführung", "leadUnitId"),
			new Column("Beteiligte Ämter", "participatingUnits"), new Column("Kontakt", "contactName"),
			new Column("E-Mail", "contactEmail"), new Column("Start", "plannedStart"),
			new Column("Ende", "plannedEnd"), new Column("Förderprogramm", "fundingProgramme"),
			new Column("Förderquote %", "fundingShare"), new Column("Ziele", "goals"),
			new Column("Maßnahmenbündel", "bundles"), new Column("Schlagworte", "tags"),
			new Column("KI-Einsatz", "aiUsed"), new Column("KI-Zweck", "aiPurpose"),
			new Column("KI-Risikoklasse", "aiRiskClass"), new Column("Abhängigkeiten", "requires"),
			new Column("Veröffentlicht", "published"), new Column("Öffentlicher Titel", "publicTitle"),
			new Column("Öffentliche Zusammenfassung", "publicSummary")));

	public static final Sheet COST_SHEET = new Sheet(COSTS, List.of(new Column("Schlüssel", "key"),
			new Column("Jahr", "year"), new Column("Investition EUR", "investment"),
			new Column("Betrieb EUR", "running")));

	public static final Sheet EFFORT_SHEET = new Sheet(EFFORTS, List.of(new Column("Schlüssel", "key"),
			new Column("Org-Einheit", "unitId"), new Column("Jahr", "year"),
			new Column("Personentage", "personDays")));

	public static final Sheet SERVICE_SHEET = new Sheet(SERVICES, List.of(new Column("Schlüssel", "key"),
			new Column("LeiKa", "leikaKey"), new Column("Name", "name"), new Column("Modell", "model"),
			new Column("Reifegrad aktuell", "currentLevel"), new Column("Reifegrad Ziel", "targetLevel")));

	public static final List<Sheet> DATA_SHEETS = List.of(PROJECT_SHEET, COST_SHEET, EFFORT_SHEET, SERVICE_SHEET);

	public static final Map<ProjectType, String> TYPES = Map.of(ProjectType.PROJECT, "Projekt",
			ProjectType.CONTINUOUS_TASK, "Daueraufgabe", ProjectType.QUICK_WIN, "Quick Win");

	public static final Map<ProjectStatus, String> STATUSES = Map.of(ProjectStatus.IDEA, "Idee",
			ProjectStatus.SUBMITTED, "Eingereicht", ProjectStatus.IN_REVIEW, "In Bewertung", ProjectStatus.APPROVED,
			"Genehmigt", ProjectStatus.DEFERRED, "Zurückgestellt", ProjectStatus.REJECTED, "Abgelehnt",
			ProjectStatus.IN_IMPLEMENTATION, "In Umsetzung", ProjectStatus.COMPLETED, "Abgeschlossen",
			ProjectStatus.CANCELLED, "Abgebrochen");

	public static final Map<Contribution, String> CONTRIBUTIONS = Map.of(Contribution.HIGH, "hoch",
			Contribution.MEDIUM, "mittel", Contribution.LOW, "gering");

	public static final Map<AiRiskClass, String> AI_RISKS = Map.of(AiRiskClass.MINIMAL, "minimal",
			AiRiskClass.LIMITED, "begrenzt", AiRiskClass.HIGH, "hoch", AiRiskClass.UNACCEPTABLE, "unannehmbar");

	public static final Map<MaturityModel, String> MODELS = Map.of(MaturityModel.OZG_2017, "OZG 2017",
			MaturityModel.MODEL_2025, "Modell 2025");

	public static final String YES = "ja";
	public static final String NO = "nein";

	private ProjectWorkbook() {
	}

	/** The enum value a cell names: its German word or its code, ignoring case; null if none matches. */
	public static <E extends Enum<E>> E parse(Map<E, String> labels, String text) {
		String wanted = text.strip().toLowerCase(Locale.GERMAN);
		for (Map.Entry<E, String> e : labels.entrySet()) {
			if (e.getValue().toLowerCase(Locale.GERMAN).equals(wanted)
					|| e.getKey().name().toLowerCase(Locale.ROOT).equals(wanted)) {
				return e.getKey();
			}
		}
		return null;
	}

	/** The German words of an enum in declaration order, for the notes sheet and messages. */
	public static <E extends Enum<E>> String words(Map<E, String> labels, E[] values) {
		return String.join(", ", java.util.Arrays.stream(values).map(labels::get).toList());
	}

	/**
	 * Text as a CSV cell that a spreadsheet shows as text: a leading {@code = + - @}, tab or carriage return would
	 * make Excel or LibreOffice evaluate it as a formula (CSV injection), so such text gets a leading apostrophe.
	 */
	public static String csvSafe(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		char first = text.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
				? "'" + text : text;
	}
}
