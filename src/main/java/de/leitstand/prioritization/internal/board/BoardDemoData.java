package de.leitstand.prioritization.internal.board;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import de.leitstand.portfolio.ProjectDirectory;
import de.leitstand.portfolio.ProjectSnapshot;
import de.leitstand.portfolio.ProjectStatus;
import de.leitstand.shared.DemoMode;

/**
 * Demo mode: one closed past meeting with sealed decisions on example proposals and one planned meeting with an
 * agenda of proposals in review; created once, both labelled as example data (Beispieldaten).
 */
@Component
@Order(30)
class BoardDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(BoardDemoData.class);
	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private final DemoMode demo;
	private final BoardMeetings meetings;
	private final BoardService board;
	private final ProjectDirectory projects;
	private final TransactionTemplate tx;

	BoardDemoData(DemoMode demo, BoardMeetings meetings, BoardService board, ProjectDirectory projects,
			TransactionTemplate tx) {
		this.demo = demo;
		this.meetings = meetings;
		this.board = board;
		this.projects = projects;
		this.tx = tx;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!demo.isEnabled() || meetings.existsByExampleDataTrue()) {
			return;
		}
		List<ProjectSnapshot> inReview = projects.asSystem().inStatus(Set.of(ProjectStatus.IN_REVIEW)).stream()
			.filter(ProjectSnapshot::exampleData).toList();
		if (inReview.size() < 6) {
			return;
		}
		tx.executeWithoutResult(s -> create(inReview));
		log.info("Created the demo board meetings (example data)");
	}

	private void create(List<ProjectSnapshot> inReview) {
		BoardMeeting past = board.scheduleExample(new BoardService.MeetingInput(
				"Digitalisierungsboard 3/2026 (Beispieldaten)",
				LocalDateTime.of(2026, 10, 14, 14, 0).atZone(BERLIN).toInstant(), 120, "Rathaus, Großer Sitzungssaal"));
		past.open();
		Outcome[] outcomes = { Outcome.APPROVED, Outcome.APPROVED_WITH_CONDITIONS, Outcome.DEFERRED };
		String[] rationales = { "Hoher Beitrag zu den strategischen Zielen, Finanzierung im Doppelhaushalt gesichert.",
				"Fachlich überzeugend; Datenschutz-Folgenabschätzung steht noch aus.",
				"Abhängigkeit von der Plattformentscheidung; erneute Vorlage im nächsten Quartal." };
		for (int i = 0; i < outcomes.length; i++) {
			AgendaItem item = board.add(past, new BoardService.ItemInput(ItemType.PROPOSAL, inReview.get(i).id(), null,
					null, null));
			board.record(past,
					new BoardService.DecisionInput(item.getId(), outcomes[i], rationales[i],
							outcomes[i] == Outcome.APPROVED_WITH_CONDITIONS
									? "Datenschutz-Folgenabschätzung vor Projektstart vorlegen." : null,
							null),
					"board", past.getScheduledAt().plusSeconds(600L * (i + 1)));
		}
		board.close(past, "board");

		BoardMeeting next = board.scheduleExample(new BoardService.MeetingInput(
				"Digitalisierungsboard 1/2027 (Beispieldaten)",
				LocalDateTime.of(2027, 1, 20, 14, 0).atZone(BERLIN).toInstant(), 120, "Rathaus, Großer Sitzungssaal"));
		for (int i = 3; i < 6; i++) {
			board.add(next, new BoardService.ItemInput(ItemType.PROPOSAL, inReview.get(i).id(), null, null, null));
		}
		board.add(next, new BoardService.ItemInput(ItemType.NOTE, null, null,
				"Bericht des Portfoliomanagements zum Stand der Umsetzung", null));
	}
}
