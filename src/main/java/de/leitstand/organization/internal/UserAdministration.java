package de.leitstand.organization.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.leitstand.organization.LeitstandUser;
import de.leitstand.organization.Role;
import de.leitstand.organization.SecurityEvents;
import de.leitstand.organization.SecurityEvents.SecurityEventType;
import de.leitstand.shared.NotFoundException;
import de.leitstand.shared.RuleViolation;
import de.leitstand.shared.audit.ChangeHistory;

/**
 * Creates and changes user accounts for administrators. Guards the rules that a form cannot check alone: unique
 * usernames, the password policy, a lead's org unit, and that nobody locks themselves out of administration.
 */
@Service
@Transactional
@PreAuthorize("hasRole('ADMIN')")
public class UserAdministration {

	private final UserAccounts accounts;
	private final OrgUnits units;
	private final PasswordEncoder encoder;
	private final ChangeHistory history;
	private final SecurityEvents securityEvents;

	UserAdministration(UserAccounts accounts, OrgUnits units, PasswordEncoder encoder, ChangeHistory history,
			SecurityEvents securityEvents) {
		this.securityEvents = securityEvents;
		this.accounts = accounts;
		this.units = units;
		this.encoder = encoder;
		this.history = history;
	}

	@Transactional(readOnly = true)
	public List<UserAccountRow> list() {
		return accounts.findAllByOrderByUsernameAsc().stream()
			.map(a -> new UserAccountRow(a.getId(), a.getUsername(), a.getDisplayName(), Set.copyOf(a.getRoles()),
					a.getOrgUnit() == null ? null : a.getOrgUnit().getCode() + " " + a.getOrgUnit().getName(),
					a.isEnabled()))
			.toList();
	}

	@Transactional(readOnly = true)
	public String username(UUID id) {
		return load(id).getUsername();
	}

	@Transactional(readOnly = true)
	public UserAccountForm formFor(UUID id) {
		return UserAccountForm.of(load(id));
	}

	@Transactional(readOnly = true)
	public List<ChangeHistory.Revision> history(UUID id) {
		return history.of(UserAccount.class, load(id).getId());
	}

	public UUID create(NewUserAccountForm form) {
		List<RuleViolation> violations = new ArrayList<>();
		String username = form.getUsername().trim();
		if (accounts.existsByUsernameIgnoreCase(username)) {
			violations.add(new RuleViolation("admin.user.username.taken", "username", username));
		}
		PasswordPolicy.check(username, form.getPassword())
			.ifPresent(key -> violations.add(new RuleViolation(key, "password", PasswordPolicy.MIN_LENGTH)));
		OrgUnit unit = checkRoleRules(form.getRoles(), form.getOrgUnitId(), violations);
		FormRejected.throwIfAny(violations);
		UserAccount account = new UserAccount(username, form.getDisplayName().trim(), trim(form.getEmail()),
				encoder.encode(form.getPassword()), EnumSet.copyOf(form.getRoles()), unit);
		UUID id = accounts.save(account).getId();
		securityEvents.record(SecurityEventType.ROLE_CHANGE, username,
				"created with roles " + new java.util.TreeSet<>(form.getRoles()) + " by " + LeitstandUser.currentName());
		return id;
	}

	/** @throws StaleVersion if the account was saved by someone else since the form was loaded */
	public void update(UUID id, UserAccountForm form) {
		UserAccount account = load(id);
		if (account.getVersion() != form.getVersion()) {
			throw new StaleVersion(account.getVersion());
		}
		List<RuleViolation> violations = new ArrayList<>();
		OrgUnit unit = checkRoleRules(form.getRoles(), form.getOrgUnitId(), violations);
		if (account.getUsername().equalsIgnoreCase(LeitstandUser.currentName())) {
			if (account.getRoles().contains(Role.ADMIN) && !form.getRoles().contains(Role.ADMIN)) {
				violations.add(new RuleViolation("admin.user.ownAdminRole", "roles"));
			}
			if (!form.isEnabled()) {
				violations.add(new RuleViolation("admin.user.ownAccountDisabled", "enabled"));
			}
		}
		FormRejected.throwIfAny(violations);
		Set<Role> before = EnumSet.noneOf(Role.class);
		before.addAll(account.getRoles());
		boolean wasEnabled = account.isEnabled();
		account.update(form.getDisplayName().trim(), trim(form.getEmail()), EnumSet.copyOf(form.getRoles()), unit,
				form.isEnabled());
		if (!before.equals(account.getRoles()) || wasEnabled != account.isEnabled()) {
			securityEvents.record(SecurityEventType.ROLE_CHANGE, account.getUsername(),
					new java.util.TreeSet<>(before) + (wasEnabled ? "" : " (locked)") + " -> "
							+ new java.util.TreeSet<>(account.getRoles()) + (account.isEnabled() ? "" : " (locked)")
							+ " by " + LeitstandUser.currentName());
		}
		accounts.flush();
	}

	public void setPassword(UUID id, PasswordForm form) {
		UserAccount account = load(id);
		List<RuleViolation> violations = new ArrayList<>();
		PasswordPolicy.check(account.getUsername(), form.getPassword())
			.ifPresent(key -> violations.add(new RuleViolation(key, "password", PasswordPolicy.MIN_LENGTH)));
		if (!form.getPassword().equals(form.getPasswordConfirmation())) {
			violations.add(new RuleViolation("admin.password.mismatch", "passwordConfirmation"));
		}
		FormRejected.throwIfAny(violations);
		account.changePasswordHash(encoder.encode(form.getPassword()));
	}

	private OrgUnit checkRoleRules(Set<Role> roles, UUID orgUnitId, List<RuleViolation> violations) {
		if (roles == null || roles.isEmpty()) {
			violations.add(new RuleViolation("admin.validation.roles.required", "roles"));
		}
		OrgUnit unit = null;
		if (orgUnitId != null) {
			unit = units.findById(orgUnitId).orElse(null);
			if (unit == null) {
				violations.add(new RuleViolation("admin.user.orgUnit.unknown", "orgUnitId"));
			}
		}
		else if (roles != null && roles.contains(Role.PROJECT_LEAD)) {
			violations.add(new RuleViolation("admin.user.orgUnit.requiredForLead", "orgUnitId"));
		}
		return unit;
	}

	private UserAccount load(UUID id) {
		return accounts.findById(id).orElseThrow(() -> new NotFoundException("user account " + id));
	}

	private static String trim(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}
}
