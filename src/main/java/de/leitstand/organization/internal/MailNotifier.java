package de.leitstand.organization.internal;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

import de.leitstand.organization.NotificationKind;
import de.leitstand.organization.Notifier;
import de.leitstand.organization.Role;

/**
 * Sends mails through the configured SMTP server ({@code spring.mail.*}, see docs). Without a mail server
 * nothing is sent and the attempt is logged, so a demo without SMTP still works.
 */
@Service
@Transactional(readOnly = true)
class MailNotifier implements Notifier {

	private static final Logger log = LoggerFactory.getLogger(MailNotifier.class);

	private final UserAccounts accounts;
	private final NotificationPreferences preferences;
	private final ObjectProvider<JavaMailSender> sender;
	private final SpringTemplateEngine templates;
	private final MessageSource messages;
	private final String from;
	private final String baseUrl;

	MailNotifier(UserAccounts accounts, NotificationPreferences preferences, ObjectProvider<JavaMailSender> sender,
			SpringTemplateEngine templates, MessageSource messages,
			@Value("${leitstand.mail.from:leitstand@localhost}") String from,
			@Value("${leitstand.base-url:http://localhost:8080}") String baseUrl) {
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.accounts = accounts;
		this.preferences = preferences;
		this.sender = sender;
		this.templates = templates;
		this.messages = messages;
		this.from = from;
	}

	@Override
	public boolean notify(String username, NotificationKind kind, Mail mail) {
		return accounts.findByUsernameIgnoreCase(username).map(a -> send(a, kind, mail)).orElse(false);
	}

	@Override
	public int notifyRole(Role role, UUID orgUnitId, NotificationKind kind, Mail mail) {
		int sent = 0;
		for (UserAccount account : accounts.findAll()) {
			if (account.isEnabled() && account.getRoles().contains(role)
					&& (orgUnitId == null || (account.getOrgUnit() != null
							&& orgUnitId.equals(account.getOrgUnit().getId())))
					&& send(account, kind, mail)) {
				sent++;
			}
		}
		return sent;
	}

	boolean wants(UserAccount account, NotificationKind kind) {
		return preferences.findById(new NotificationPreference.Key(account.getId(), kind))
			.map(NotificationPreference::isEnabled).orElse(true);
	}

	private boolean send(UserAccount account, NotificationKind kind, Mail mail) {
		if (!account.isEnabled() || account.getEmail() == null || !wants(account, kind)) {
			return false;
		}
		JavaMailSender mailSender = sender.getIfAvailable();
		Locale locale = Locale.forLanguageTag(account.getMailLocale());
		String subject = messages.getMessage(mail.subjectKey(), mail.subjectArgs(), locale);
		if (mailSender == null) {
			log.info("No mail server configured; not sending '{}' to {}", subject, account.getUsername());
			return false;
		}
		Context context = new Context(locale);
		context.setVariables(Map.copyOf(mail.model()));
		context.setVariable("recipient", account.getDisplayName());
		context.setVariable("baseUrl", baseUrl);
		String body = templates.process("mail/" + mail.template(), context);
		try {
			MimeMessage message = mailSender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
			helper.setFrom(from);
			helper.setTo(account.getEmail());
			helper.setSubject(subject);
			helper.setText(body, true);
			for (Attachment attachment : mail.attachments()) {
				helper.addAttachment(attachment.filename(), new ByteArrayResource(attachment.content()),
						attachment.contentType());
			}
			mailSender.send(message);
			return true;
		}
		catch (MailException | jakarta.mail.MessagingException ex) {
			// A mail that cannot be delivered must not undo the business change that caused it.
			log.warn("Could not send '{}' to {}: {}", subject, account.getUsername(), ex.getMessage());
			return false;
		}
	}
}
