package de.leitstand.prioritization.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import de.leitstand.portfolio.ProjectDirectory;
import de.leitstand.portfolio.ProjectSnapshot;
import de.leitstand.prioritization.internal.board.AgendaItems;

/**
 * Invitations and decision notices reach real mailboxes (GreenMail SMTP): the board member gets the invitation
 * with a calendar entry that parses, the lead office hears of the decision on its project.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class BoardMailIntegrationTests {

	static final int PORT = freePort();

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> PORT);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	ProjectDirectory projects;

	@Autowired
	AgendaItems items;

	BoardTestSupport board;

	@BeforeEach
	void setUp() {
		board = new BoardTestSupport(mvc, users, projects);
	}

	@Test
	void boardMembersGetAnInvitationWithACalendarEntryAndTheLeadOfficeHearsOfTheDecision() throws Exception {
		String marker = BoardTestSupport.unique();
		ProjectSnapshot project = board.project("Digitale Elternbriefe " + marker, true);
		UUID meeting = board.meeting("Board " + marker);
		board.addProposal(meeting, project);

		String page = mvc.perform(post("/board/meetings/{id}/invitation", meeting).with(board.as("portfolio"))
			.with(csrf())).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		assertThat(page).isEqualTo("/board/meetings/" + meeting);

		MimeMessage invitation = Arrays.stream(mail.getReceivedMessagesForDomain("board@leitstand.example"))
			.filter(m -> subject(m).contains(marker)).findFirst().orElseThrow();
		assertThat(subject(invitation)).isEqualTo("Einladung: Board " + marker);
		String calendar = null;
		String html = null;
		Multipart parts = (Multipart) invitation.getContent();
		for (int i = 0; i < parts.getCount(); i++) {
			BodyPart part = parts.getBodyPart(i);
			if (part.isMimeType("text/calendar")) {
				try (InputStream in = part.getInputStream()) {
					calendar = new String(in.readAllBytes(), StandardCharsets.UTF_8);
				}
			}
			else {
				html = text(part);
			}
		}
		assertThat(html).contains("Board " + marker, "10.03.2027 14:00", "Rathaus, Raum 101", project.key());
		assertThat(calendar).isNotNull();
		Map<String, String> event = ICalendarTests.parse(calendar);
		assertThat(event).containsEntry("UID", meeting + "@leitstand").containsEntry("DTSTART", "20270310T130000Z")
			.containsEntry("DTEND", "20270310T143000Z");
		assertThat(ICalendarTests.unescape(event.get("SUMMARY"))).isEqualTo("Board " + marker);
		assertThat(ICalendarTests.unescape(event.get("LOCATION"))).isEqualTo("Rathaus, Raum 101");

		board.open(meeting);
		mvc.perform(post("/board/meetings/{id}/decisions", meeting).with(board.as("board")).with(csrf())
			.param("itemId", items.findByMeetingIdOrderByPosition(meeting).get(0).getId().toString())
			.param("outcome", "APPROVED").param("rationale", "Entlastet die Kitas " + marker))
			.andExpect(status().is3xxRedirection());
		MimeMessage notice = Arrays.stream(mail.getReceivedMessagesForDomain("lead@leitstand.example"))
			.filter(m -> subject(m).contains(project.key())).findFirst().orElseThrow();
		assertThat(subject(notice)).isEqualTo("Beschluss des Digitalisierungsboards zu " + project.key());
		assertThat(text(notice)).contains("freigegeben", "Entlastet die Kitas " + marker);
		// lead2 (another office) hears nothing of it.
		assertThat(Arrays.stream(mail.getReceivedMessagesForDomain("lead2@leitstand.example"))
			.noneMatch(m -> subject(m).contains(project.key()))).isTrue();
		mvc.perform(get("/board/meetings/{id}", meeting).with(board.as("portfolio"))).andExpect(status().isOk());
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String text(jakarta.mail.Part part) throws Exception {
		Object content = part.getContent();
		if (content instanceof String s) {
			return s;
		}
		if (content instanceof Multipart multi) {
			StringBuilder all = new StringBuilder();
			for (int i = 0; i < multi.getCount(); i++) {
				all.append(text(multi.getBodyPart(i)));
			}
			return all.toString();
		}
		return "";
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
