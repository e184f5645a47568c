package de.leitstand.organization.internal;

import java.util.EnumSet;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.leitstand.organization.LeitstandUser;
import de.leitstand.organization.NotificationKind;
import de.leitstand.shared.NotFoundException;

/** The signed-in user's own e-mail settings (read by {@link MailNotifier} when it sends). */
@Service
@Transactional
@PreAuthorize("isAuthenticated()")
public class NotificationSettings {

	private final UserAccounts accounts;
	private final NotificationPreferences preferences;

	NotificationSettings(UserAccounts accounts, NotificationPreferences preferences) {
		this.accounts = accounts;
		this.preferences = preferences;
	}

	@Transactional(readOnly = true)
	public NotificationSettingsForm mine() {
		UserAccount account = account();
		NotificationSettingsForm form = new NotificationSettingsForm();
		EnumSet<NotificationKind> wanted = EnumSet.allOf(NotificationKind.class);
		for (NotificationPreference preference : preferences.findAllByUserId(account.getId())) {
			if (!preference.isEnabled()) {
				wanted.remove(preference.getKind());
			}
		}
		form.setKinds(wanted);
		form.setMailLocale(account.getMailLocale());
		return form;
	}

	/** Whether the signed-in user has an e-mail address at all (otherwise no mail reaches them). */
	@Transactional(readOnly = true)
	public boolean hasEmail() {
		return account().getEmail() != null;
	}

	public void save(NotificationSettingsForm form) {
		UserAccount account = account();
		for (NotificationKind kind : NotificationKind.values()) {
			boolean wanted = form.getKinds().contains(kind);
			var key = new NotificationPreference.Key(account.getId(), kind);
			var existing = preferences.findById(key);
			if (existing.isPresent()) {
				existing.get().setEnabled(wanted);
			}
			else if (!wanted) {
				preferences.save(new NotificationPreference(account.getId(), kind, false));
			}
		}
		if (!form.getMailLocale().equals(account.getMailLocale())) {
			account.setMailLocale(form.getMailLocale());
		}
	}

	private UserAccount account() {
		LeitstandUser user = LeitstandUser.current().orElseThrow(() -> new AccessDeniedException("not signed in"));
		return accounts.findById(user.id()).orElseThrow(() -> new NotFoundException("user account"));
	}
}
