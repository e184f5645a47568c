package de.leitstand.reporting.internal;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import de.leitstand.monitoring.KpiAchievement.FieldStatus;
import de.leitstand.monitoring.KpiAchievement.KpiStatus;
import de.leitstand.monitoring.KpiAchievement.Point;
import de.leitstand.monitoring.TrafficLight;
import de.leitstand.reporting.internal.CouncilReport.BudgetYear;
import de.leitstand.reporting.internal.CouncilReport.LightCount;
import de.leitstand.reporting.internal.CouncilReport.ProjectLine;

/**
 * The council report as PDF (Thymeleaf XHTML → OpenHTMLtoPDF) and as XLSX (POI). Both are deterministic: dates in
 * the documents come from the cycle's end, never from the clock, and the PDF's ID and the XLSX's zip entry times are
 * fixed, so the same data gives byte-identical files.
 */
@Component
public class CouncilDocuments {

	static final String PDF_TEMPLATE = "reporting/council-pdf";
	static final String PRODUCER = "Leitstand";

	private final ITemplateEngine templates;
	private final MessageSource messages;

	CouncilDocuments(ITemplateEngine templates, MessageSource messages) {
		this.templates = templates;
		this.messages = messages;
	}

	public byte[] pdf(CouncilReport report) {
		Context context = new Context(Locale.GERMAN);
		context.setVariable("report", report);
		context.setVariable("charts", charts(report));
		String html = templates.process(PDF_TEMPLATE, context);
		Calendar when = calendar(report.periodEnd());
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.withHtmlContent(html, null);
			builder.withProducer(PRODUCER);
			try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
				renderer.layout();
				PDDocument document = renderer.createPDFKeepOpen();
				PDDocumentInformation info = document.getDocumentInformation();
				info.setCreationDate(when);
				info.setModificationDate(when);
				info.setProducer(PRODUCER);
				info.setCreator(PRODUCER);
				info.setTitle(message("report.council.docTitle", report.cycleLabel()));
				// PDFBox derives the trailer ID from the clock unless one is set; derive it from the content instead.
				byte[] id = digest(report.cycleId() + "|" + report.cycleLabel() + "|" + html);
				COSArray ids = new COSArray();
				ids.add(new COSString(id));
				ids.add(new COSString(id));
				document.getDocument().getTrailer().setItem(COSName.ID, ids);
				document.save(out);
				document.close();
			}
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The static charts as PNG data URIs: lights, budget, achievement per field, one line per KPI. */
	Map<String, Object> charts(CouncilReport report) {
		Map<String, Object> charts = new HashMap<>();
		List<ChartPainter.Bar> lights = new ArrayList<>();
		long maxCount = 1;
		for (LightCount l : report.lights()) {
			lights.add(new ChartPainter.Bar(message("report.light." + l.light()), (double) l.count(), lightColour(l.light())));
			maxCount = Math.max(maxCount, l.count());
		}
		charts.put("lights", ChartPainter.bars(lights, 300, 170, Math.ceil(maxCount / 4.0) * 4, ""));
		List<String> years = new ArrayList<>();
		List<double[]> money = new ArrayList<>();
		double maxMoney = 1;
		for (BudgetYear b : report.budget()) {
			double plan = b.plan().doubleValue() / 1000, actual = b.actual().doubleValue() / 1000;
			years.add(String.valueOf(b.year()));
			money.add(new double[] { plan, actual });
			maxMoney = Math.max(maxMoney, Math.max(plan, actual));
		}
		charts.put("budget", ChartPainter.groupedBars(years, money,
				List.of(message("report.chart.plan"), message("report.chart.actual")),
				List.of(ChartPainter.BAR, ChartPainter.FORECAST), niceMax(maxMoney), message("report.chart.thousandEuro"),
				480, 190));
		List<ChartPainter.Bar> fields = new ArrayList<>();
		for (FieldStatus f : report.achievement()) {
			fields.add(new ChartPainter.Bar(message("report.chart.fieldShort", String.valueOf(f.number())),
					f.achievementPercent(), ChartPainter.BAR));
		}
		charts.put("fields", ChartPainter.percentBars(fields, 300, 170));
		Map<UUID, String> kpis = new HashMap<>();
		for (KpiStatus k : report.kpis()) {
			kpis.put(k.kpiId(), ChartPainter.kpiLine(k.baselineDate(), k.baselineValue().doubleValue(),
					k.measurements().stream().map(Point::date).toList(),
					k.measurements().stream().map(p -> p.value().doubleValue()).toList(), k.targetDate(),
					k.targetValue().doubleValue(), k.forecastAtTarget(), 300, 150));
		}
		charts.put("kpis", kpis);
		return charts;
	}

	private static double niceMax(double max) {
		double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
		for (double step : new double[] { 1, 2, 2.5, 5, 10 }) {
			if (step * magnitude >= max) {
				return step * magnitude;
			}
		}
		return 10 * magnitude;
	}

	private static Color lightColour(TrafficLight light) {
		return switch (light) {
			case GREEN -> new Color(0x2e, 0x7d, 0x32);
			case YELLOW -> new Color(0xe0, 0xa0, 0x00);
			case RED -> new Color(0xc6, 0x28, 0x28);
		};
	}

	// --- XLSX ---

	public byte[] xlsx(CouncilReport report) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Date when = Date.from(report.periodEnd().atStartOfDay(ZoneOffset.UTC).toInstant());
			var core = workbook.getProperties().getCoreProperties();
			core.setCreated(Optional.of(when));
			core.setModified(Optional.of(when));
			core.setCreator(PRODUCER);
			core.setTitle(message("report.council.docTitle", report.cycleLabel()));
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);

			Sheet overview = workbook.createSheet(message("report.sheet.overview"));
			int r = 0;
			row(overview, r++, bold, message("report.council.title"));
			row(overview, r++, null, report.city());
			row(overview, r++, null, message("report.council.cycle", report.cycleLabel()));
			row(overview, r++, null, message("report.council.asOf", report.periodEnd().format(
					java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"))));
			r++;
			row(overview, r++, bold, message("report.col.light"), message("report.col.count"));
			for (LightCount l : report.lights()) {
				row(overview, r++, null, message("report.light." + l.light()), l.count());
			}
			r++;
			row(overview, r++, bold, message("report.summary.reportsShort"), message("report.col.count"));
			row(overview, r++, null, message("report.summary.expected"), report.expected());
			row(overview, r++, null, message("report.summary.submitted"), report.submitted());
			row(overview, r++, null, message("report.summary.escalations"), report.escalations().size());
			r++;
			row(overview, r++, bold, message("achievement.col.field"), message("achievement.col.percent"));
			for (FieldStatus f : report.achievement()) {
				row(overview, r++, null, f.number() + " " + f.name(), f.achievementPercent());
			}
			overview.setColumnWidth(0, 60 * 256);
			overview.setColumnWidth(1, 16 * 256);

			Sheet projects = workbook.createSheet(message("report.sheet.projects"));
			row(projects, 0, bold, message("report.col.key"), message("report.col.title"), message("report.col.office"),
					message("report.col.overall"), message("report.col.scope"), message("report.col.time"),
					message("report.col.cost"), message("report.col.risk"), message("report.col.progress"),
					message("report.col.decision"));
			r = 1;
			for (ProjectLine p : report.projects()) {
				row(projects, r++, null, p.key(), p.title(), p.office(), light(p.overall()), light(p.scope()),
						light(p.time()), light(p.cost()), light(p.risk()), p.progressPercent(), p.decisionNeeded());
			}
			projects.setColumnWidth(1, 50 * 256);

			Sheet budget = workbook.createSheet(message("report.sheet.budget"));
			row(budget, 0, bold, message("report.col.year"), message("report.col.plan"), message("report.col.actual"),
					message("report.col.deviation"));
			r = 1;
			for (BudgetYear b : report.budget()) {
				row(budget, r++, null, b.year(), b.plan(), b.actual(), b.deviation());
			}
			row(budget, r, bold, message("report.col.total"), report.budgetTotal().plan(), report.budgetTotal().actual(),
					report.budgetTotal().deviation());

			Sheet kpis = workbook.createSheet(message("report.sheet.kpis"));
			row(kpis, 0, bold, message("report.col.goal"), message("achievement.col.kpi"), message("field.unit"),
					message("achievement.col.baseline"), message("report.col.baselineDate"),
					message("achievement.col.latest"), message("report.col.latestDate"), message("achievement.col.target"),
					message("report.col.targetDate"), message("achievement.col.forecast"),
					message("achievement.col.percent"), message("achievement.col.verdict"));
			r = 1;
			for (KpiStatus k : report.kpis()) {
				row(kpis, r++, null, k.goalCode(), k.name(), k.unit(), k.baselineValue(), k.baselineDate().toString(),
						k.latest() == null ? null : k.latest().value(),
						k.latest() == null ? null : k.latest().date().toString(), k.targetValue(),
						k.targetDate().toString(), k.forecastAtTarget(), k.achievementPercent(),
						message("achievement.verdict." + k.verdict()));
			}
			kpis.setColumnWidth(1, 50 * 256);
			workbook.write(out);
			return fixedZipTimes(out.toByteArray(), report.periodEnd());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String light(TrafficLight light) {
		return light == null ? "" : message("report.light." + light);
	}

	private static void row(Sheet sheet, int index, CellStyle style, Object... values) {
		Row row = sheet.createRow(index);
		for (int i = 0; i < values.length; i++) {
			Object v = values[i];
			var cell = row.createCell(i);
			if (v instanceof Number n) {
				cell.setCellValue(n instanceof BigDecimal b ? b.doubleValue() : n.doubleValue());
			}
			else if (v != null) {
				cell.setCellValue(String.valueOf(v));
			}
			if (style != null) {
				cell.setCellStyle(style);
			}
		}
	}

	/** Rewrites the zip with every entry dated at the cycle's end, so two runs give the same bytes. */
	static byte[] fixedZipTimes(byte[] zip, LocalDate day) throws IOException {
		long time = day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
				ZipOutputStream zipOut = new ZipOutputStream(out)) {
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				ZipEntry copy = new ZipEntry(entry.getName());
				copy.setTime(time);
				zipOut.putNextEntry(copy);
				in.transferTo(zipOut);
				zipOut.closeEntry();
			}
		}
		return out.toByteArray();
	}

	private static Calendar calendar(LocalDate day) {
		GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.GERMANY);
		calendar.clear();
		calendar.set(day.getYear(), day.getMonthValue() - 1, day.getDayOfMonth(), 0, 0, 0);
		return calendar;
	}

	private static byte[] digest(String text) {
		try {
			return MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String message(String key, Object... args) {
		return messages.getMessage(key, args.length == 0 ? null : args, Locale.GERMAN);
	}
}
