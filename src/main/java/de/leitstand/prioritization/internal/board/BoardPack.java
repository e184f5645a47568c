package de.leitstand.prioritization.internal.board;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Comparator;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import de.leitstand.organization.OrgUnitDirectory;
import de.leitstand.organization.OrgUnitView;
import de.leitstand.portfolio.ProjectDirectory;
import de.leitstand.portfolio.ProjectSnapshot;
import de.leitstand.strategy.StrategyCatalog;

/**
 * The board pack (Sitzungsunterlage) of one meeting as PDF: cover, agenda, a profile summary per proposal and, once
 * the meeting is closed, its decisions with their hashes. Rendered from the Thymeleaf template
 * {@code board/pack.html} by OpenHTMLtoPDF. Every date in the file comes from the meeting, so the same meeting data
 * gives the same document byte for byte.
 */
@Component
public class BoardPack {

	private final BoardService board;
	private final ProjectDirectory projects;
	private final OrgUnitDirectory units;
	private final StrategyCatalog strategy;
	private final SpringTemplateEngine templates;

	BoardPack(BoardService board, ProjectDirectory projects, OrgUnitDirectory units, StrategyCatalog strategy,
			SpringTemplateEngine templates) {
		this.board = board;
		this.projects = projects;
		this.units = units;
		this.strategy = strategy;
		this.templates = templates;
	}

	public record Proposal(AgendaItem item, ProjectSnapshot project, String office, List<CostRow> costs,
			List<String> goals) {
	}

	public record CostRow(String year, String investment, String running) {
	}

	@Transactional(readOnly = true)
	public byte[] render(UUID meetingId, Locale locale) {
		BoardMeeting meeting = board.meeting(meetingId);
		List<AgendaItem> agenda = board.agenda(meetingId);
		Map<UUID, ProjectSnapshot> byId = projects
			.findAll(agenda.stream().map(AgendaItem::getProjectId).filter(java.util.Objects::nonNull).toList())
			.stream().collect(Collectors.toMap(ProjectSnapshot::id, Function.identity()));
		Map<UUID, String> offices = units.tree().stream()
			.collect(Collectors.toMap(OrgUnitView::id, u -> u.code() + " " + u.name()));
		NumberFormat money = NumberFormat.getIntegerInstance(Locale.GERMANY);
		List<Proposal> proposals = new ArrayList<>();
		for (AgendaItem item : agenda) {
			ProjectSnapshot p = item.getProjectId() == null ? null : byId.get(item.getProjectId());
			if (p == null) {
				continue;
			}
			List<CostRow> costs = p.costs().stream().sorted(Comparator.comparingInt(c -> c.year()))
				.map(c -> new CostRow(Integer.toString(c.year()), money.format(c.investment()),
						money.format(c.running())))
				.toList();
			List<String> goals = p.goals().keySet().stream().map(strategy::goal).flatMap(java.util.Optional::stream)
				.sorted(Comparator.comparing(StrategyCatalog.GoalSummary::code))
				.map(g -> g.code() + " " + g.title()).toList();
			proposals.add(new Proposal(item, p, offices.getOrDefault(p.leadUnitId(), ""), costs, goals));
		}
		List<Decision> decisions = meeting.isClosed() ? board.decisionsOf(meetingId) : List.of();
		Map<String, AgendaItem> itemsById = agenda.stream()
			.collect(Collectors.toMap(i -> i.getId().toString(), Function.identity()));
		BigDecimal total = proposals.stream().flatMap(p -> p.project().costs().stream())
			.map(c -> c.investment().add(c.running())).reduce(BigDecimal.ZERO, BigDecimal::add);

		Context context = new Context(locale);
		context.setVariable("meeting", meeting);
		context.setVariable("meetingDate", BoardDates.text(meeting.getScheduledAt()));
		context.setVariable("closedAt", BoardDates.text(meeting.getClosedAt()));
		context.setVariable("agenda", agenda);
		context.setVariable("proposals", proposals);
		context.setVariable("decisions", decisions);
		// The check value of this meeting: its newest sealed decision, to be kept outside Leitstand
		context.setVariable("checkValue", decisions.stream().filter(d -> d.getChainSequence() != null)
			.max(java.util.Comparator.comparing(Decision::getChainSequence))
			.map(d -> new DecisionChain.Anchor(d.getChainSequence(), d.getHash()).toString()).orElse(null));
		context.setVariable("itemsById", itemsById);
		context.setVariable("totalCost", money.format(total));
		context.setVariable("decidedAt", decisions.stream().collect(Collectors.toMap(d -> d.getId().toString(),
				d -> BoardDates.text(d.getDecidedAt()))));
		String html = templates.process("board/pack", context);
		return pdf(html, meeting);
	}

	private static byte[] pdf(String html, BoardMeeting meeting) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PdfRendererBuilder builder = new PdfRendererBuilder();
		builder.useFastMode();
		builder.withHtmlContent(html, null);
		builder.withProducer("Leitstand");
		try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
			PDDocument document = renderer.createPDFKeepOpen();
			// No "now" anywhere: the document's dates and ID derive from the meeting.
			Calendar date = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
			date.setTimeInMillis((meeting.isClosed() ? meeting.getClosedAt() : meeting.getCreatedAt()).toEpochMilli());
			PDDocumentInformation info = document.getDocumentInformation();
			info.setTitle(meeting.getTitle());
			info.setProducer("Leitstand");
			info.setCreator("Leitstand");
			info.setCreationDate(date);
			info.setModificationDate(date);
			document.setDocumentId(UUID.nameUUIDFromBytes(
					(meeting.getId() + "/" + meeting.getVersion()).getBytes(StandardCharsets.UTF_8))
				.getMostSignificantBits());
			document.save(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}
}
