package de.leitstand.organization.internal;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import org.hibernate.envers.RelationTargetAuditMode;

import de.leitstand.organization.LeitstandUser;
import de.leitstand.organization.Role;
import de.leitstand.shared.audit.Labelled;

@Entity
@Table(name = "user_account")
@Audited
public class UserAccount implements Labelled {

	@Id
	private UUID id;

	@Column(nullable = false, length = 60)
	private String username;

	@Column(name = "display_name", nullable = false, length = 200)
	private String displayName;

	@Column(length = 200)
	private String email;

	@NotAudited
	@Column(name = "password_hash", length = 100)
	private String passwordHash;

	@Column(nullable = false)
	private boolean enabled = true;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "org_unit_id")
	@Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
	private OrgUnit orgUnit;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "user_account_role", joinColumns = @JoinColumn(name = "user_id"))
	@Column(name = "role", length = 30)
	@Enumerated(EnumType.STRING)
	private Set<Role> roles = EnumSet.noneOf(Role.class);

	@Column(name = "mail_locale", length = 10)
	private String mailLocale;

	@Version
	private Long version;

	protected UserAccount() {
	}

	public UserAccount(String username, String displayName, String email, String passwordHash, Set<Role> roles,
			OrgUnit orgUnit) {
		this.id = UUID.randomUUID();
		this.username = username;
		this.passwordHash = passwordHash;
		update(displayName, email, roles, orgUnit, true);
	}

	public void update(String displayName, String email, Set<Role> roles, OrgUnit orgUnit, boolean enabled) {
		this.displayName = displayName;
		this.email = email == null || email.isBlank() ? null : email;
		this.roles.clear();
		this.roles.addAll(roles);
		this.orgUnit = orgUnit;
		this.enabled = enabled;
	}

	/** Whether the account signs in with a local password (accounts from single sign-on have none). */
	public boolean hasPassword() {
		return passwordHash != null;
	}

	public void changePasswordHash(String passwordHash) {
		this.passwordHash = passwordHash;
	}

	public LeitstandUser toUser() {
		return new LeitstandUser(id, username, displayName, passwordHash, enabled, roles,
				orgUnit == null ? null : orgUnit.getId());
	}

	@Override
	public String label() {
		return username;
	}

	/** Language for e-mails ("de" or "en"); German if not chosen. */
	public String getMailLocale() {
		return mailLocale == null ? "de" : mailLocale;
	}

	public void setMailLocale(String mailLocale) {
		this.mailLocale = mailLocale;
	}

	public UUID getId() {
		return id;
	}

	public String getUsername() {
		return username;
	}

	public String getDisplayName() {
		return displayName;
	}

	public String getEmail() {
		return email;
	}

	public boolean isEnabled() {
		return enabled;
	}

	public OrgUnit getOrgUnit() {
		return orgUnit;
	}

	public Set<Role> getRoles() {
		return roles;
	}

	/** Null until first saved (so Spring Data persists instead of merging); then the optimistic-lock version. */
	public Long getVersion() {
		return version;
	}
}
