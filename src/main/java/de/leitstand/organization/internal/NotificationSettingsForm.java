package de.leitstand.organization.internal;

import java.util.EnumSet;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import de.leitstand.organization.NotificationKind;

/** Which kinds of e-mail a user wants, and in which language. */
public class NotificationSettingsForm {

	private Set<NotificationKind> kinds = EnumSet.noneOf(NotificationKind.class);

	@NotBlank(message = "{validation.required}")
	@Pattern(regexp = "de|en", message = "{account.notifications.locale.invalid}")
	private String mailLocale = "de";

	public Set<NotificationKind> getKinds() {
		return kinds;
	}

	public void setKinds(Set<NotificationKind> kinds) {
		this.kinds = kinds == null ? EnumSet.noneOf(NotificationKind.class) : kinds;
	}

	public String getMailLocale() {
		return mailLocale;
	}

	public void setMailLocale(String mailLocale) {
		this.mailLocale = mailLocale;
	}
}
