package de.leitstand.prioritization.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import de.leitstand.portfolio.ProjectDirectory;
import de.leitstand.portfolio.ProjectSnapshot;
import de.leitstand.prioritization.internal.board.AgendaItems;
import de.leitstand.prioritization.internal.board.Decision;
import de.leitstand.prioritization.internal.board.Decisions;

/** The board pack: a PDF with cover, agenda, proposal summaries and sealed decisions, the same bytes every time. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class BoardPackIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	ProjectDirectory projects;

	@Autowired
	AgendaItems items;

	@Autowired
	Decisions decisions;

	BoardTestSupport board;

	@BeforeEach
	void setUp() {
		board = new BoardTestSupport(mvc, users, projects);
	}

	@Test
	void thePackListsAgendaProposalsAndSealedDecisionsAndIsReproducible() throws Exception {
		String marker = BoardTestSupport.unique();
		ProjectSnapshot first = board.project("Digitales Fundbüro " + marker, true);
		ProjectSnapshot second = board.project("Onlinezugang Wohngeld " + marker, true);
		UUID meeting = board.meeting("Board " + marker);
		board.addProposal(meeting, first);
		board.addProposal(meeting, second);
		mvc.perform(post("/board/meetings/{id}/items", meeting).with(board.as("portfolio")).with(csrf())
			.param("itemType", "SCENARIO").param("itemTitle", "Szenario Haushalt 2027 " + marker))
			.andExpect(status().is3xxRedirection());
		board.open(meeting);
		mvc.perform(post("/board/meetings/{id}/decisions", meeting).with(board.as("board")).with(csrf())
			.param("itemId", items.findByMeetingIdOrderByPosition(meeting).get(0).getId().toString())
			.param("outcome", "REJECTED").param("rationale", "Doppelt zum Landesportal"))
			.andExpect(status().is3xxRedirection());
		board.close(meeting);

		byte[] pdf = mvc.perform(get("/board/meetings/{id}/pack.pdf", meeting).with(board.as("reader")))
			.andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/pdf"))
			.andReturn().getResponse().getContentAsByteArray();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
			assertThat(text).contains("Board " + marker, "Tagesordnung", first.key(), second.key(),
					"Szenario Haushalt 2027 " + marker, "Doppelt zum Landesportal", "abgelehnt", "SHA-256",
					"AMT-51", "Bewertungsergebnisse");
			assertThat(document.getDocumentInformation().getProducer()).isEqualTo("Leitstand");
			// the check value to keep outside Leitstand: number and hash of the meeting's newest sealed decision
			Decision sealed = decisions.findByItemId(items.findByMeetingIdOrderByPosition(meeting).get(0).getId())
				.get(0);
			assertThat(text).contains("Prüfwert der Beschlusskette",
					"#" + sealed.getChainSequence() + " " + sealed.getHash());
		}
		byte[] again = mvc.perform(get("/board/meetings/{id}/pack.pdf", meeting).with(board.as("board")))
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(again).as("same meeting, same document").isEqualTo(pdf);
		Path out = Path.of("target", "board-pack-sample.pdf");
		Files.createDirectories(out.getParent());
		Files.write(out, pdf);
	}
}
