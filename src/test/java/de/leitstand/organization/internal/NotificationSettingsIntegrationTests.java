package de.leitstand.organization.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

import de.leitstand.organization.NotificationKind;
import de.leitstand.organization.Notifier;
import de.leitstand.organization.Role;

/**
 * The per-user e-mail settings against a real SMTP server (GreenMail): a kind switched off on the settings page is
 * not sent, a kind left on is sent in the chosen language with the shared mail layout.
 */
@SpringBootTest(properties = "leitstand.base-url=https://leitstand.example")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class NotificationSettingsIntegrationTests {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	UserAccounts accounts;

	@Autowired
	Notifier notifier;

	@Test
	void aKindSwitchedOffIsNotSentAndTheOthersComeInTheChosenLanguage() throws Exception {
		String name = "mail-" + UUID.randomUUID().toString().substring(0, 8);
		UserAccount account = accounts.save(new UserAccount(name, "Mara Mail", name + "@leitstand.example", null,
				Set.of(Role.READER), null));

		mvc.perform(get("/account/notifications").with(user(account.toUser())))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("E-Mail-Benachrichtigungen")));
		mvc.perform(post("/account/notifications").with(user(account.toUser()))
			.with(csrf())
			.param("kinds", "DECISION", "INVITATION")
			.param("mailLocale", "en")).andExpect(status().is3xxRedirection());

		Notifier.Mail mail = Notifier.Mail.of("account.notifications.title", "ops-test", Map.of("text", "Hallo"));
		assertThat(notifier.notify(name, NotificationKind.REMINDER, mail)).isFalse();
		assertThat(notifier.notify(name, NotificationKind.ESCALATION, mail)).isFalse();
		assertThat(notifier.notify(name, NotificationKind.DECISION, mail)).isTrue();

		MimeMessage[] received = smtp.getReceivedMessagesForDomain(name + "@leitstand.example");
		assertThat(received).hasSize(1);
		assertThat(received[0].getSubject()).isEqualTo("E-mail notifications");
		String body = GreenMailUtil.getBody(received[0]);
		assertThat(body).contains("Dear Mara Mail").contains("https://leitstand.example/account/notifications")
			.contains("Change e-mail settings");

		assertThat(accounts.findById(account.getId()).orElseThrow().getMailLocale()).isEqualTo("en");
	}

	@Test
	void anUnknownLanguageIsRejectedAtTheField() throws Exception {
		String name = "mail-" + UUID.randomUUID().toString().substring(0, 8);
		UserAccount account = accounts.save(new UserAccount(name, "Max Mail", null, null, Set.of(Role.READER), null));
		mvc.perform(post("/account/notifications").with(user(account.toUser()))
			.with(csrf())
			.param("kinds", "DECISION")
			.param("mailLocale", "fr"))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("Bitte wählen Sie Deutsch oder Englisch.")));
		assertThat(accounts.findById(account.getId()).orElseThrow().getMailLocale()).isEqualTo("de");
	}
}
