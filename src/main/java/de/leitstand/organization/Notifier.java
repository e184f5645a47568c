package de.leitstand.organization;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sends e-mail to users in their language, if they want that kind of mail and have an address. Other modules
 * use it for reminders, decisions, escalations and invitations; the text comes from a Thymeleaf template
 * {@code templates/mail/<template>.html} and the message bundles.
 */
public interface Notifier {

	/**
	 * Mails one user. Returns whether a mail was handed to the mail server (false if the user opted out, has no
	 * address, or no mail server is configured).
	 */
	boolean notify(String username, NotificationKind kind, Mail mail);

	/** Mails every enabled user with the role, limited to an org unit if {@code orgUnitId} is not null. */
	int notifyRole(Role role, UUID orgUnitId, NotificationKind kind, Mail mail);

	/**
	 * One mail: subject message key and arguments, template name, model, attachments (e.g. an iCalendar file).
	 */
	record Mail(String subjectKey, Object[] subjectArgs, String template, Map<String, Object> model,
			List<Attachment> attachments) {

		public static Mail of(String subjectKey, String template, Map<String, Object> model, Object... subjectArgs) {
			return new Mail(subjectKey, subjectArgs, template, model, List.of());
		}

		public Mail with(Attachment attachment) {
			List<Attachment> all = new java.util.ArrayList<>(attachments);
			all.add(attachment);
			return new Mail(subjectKey, subjectArgs, template, model, all);
		}
	}

	record Attachment(String filename, String contentType, byte[] content) {
	}
}
