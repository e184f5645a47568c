package de.leitstand.organization.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import de.leitstand.organization.OrgUnitDirectory;
import de.leitstand.organization.Role;
import de.leitstand.organization.internal.UserAccount;
import de.leitstand.organization.internal.UserAccounts;
import de.leitstand.shared.web.ConflictPage;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class UserAdminIntegrationTests {

	private static final String GOOD_PASSWORD = "Sonnenblume-Radweg-7";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	UserAccounts accounts;

	@Autowired
	OrgUnitDirectory directory;

	@Test
	void adminCreatesAProjectLeadWhoCanThenSignIn() throws Exception {
		mvc.perform(get("/admin/users/new").with(as("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Projektleitung")));
		String username = uniqueUsername();
		mvc.perform(newUser(username, GOOD_PASSWORD, jugendamt(), "PROJECT_LEAD", "READER"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/admin/users"));

		UserAccount account = accounts.findByUsernameIgnoreCase(username).orElseThrow();
		assertThat(account.getRoles()).containsExactlyInAnyOrder(Role.PROJECT_LEAD, Role.READER);
		assertThat(account.getDisplayName()).isEqualTo("Test Person");
		mvc.perform(formLogin("/login").user(username).password(GOOD_PASSWORD)).andExpect(authenticated());

		mvc.perform(get("/admin/users").with(as("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(username)))
			.andExpect(content().string(containsString("Projektleitung")))
			.andExpect(content().string(containsString("Jugendamt")));
	}

	@Test
	void weakPasswordsAreRejectedAndNeverEchoed() throws Exception {
		String username = uniqueUsername();
		mvc.perform(newUser(username, "kurz-123", jugendamt(), "READER"))
			.andExpect(status().isOk())
			.andExpect(view().name(UserAdminController.CREATE_FORM))
			.andExpect(content().string(containsString("id=\"password-error\"")))
			.andExpect(content().string(containsString("mindestens 12 Zeichen lang")))
			.andExpect(content().string(not(containsString("kurz-123"))))
			// the other input is kept
			.andExpect(content().string(containsString("value=\"" + username + "\"")));
		String containsUsername = "Geheim-" + username + "-2025";
		mvc.perform(newUser(username, containsUsername, jugendamt(), "READER"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("darf den Benutzernamen nicht enthalten")));
		assertThat(accounts.existsByUsernameIgnoreCase(username)).isFalse();
	}

	@Test
	void aProjectLeadNeedsAnOrgUnit() throws Exception {
		String username = uniqueUsername();
		mvc.perform(newUser(username, GOOD_PASSWORD, null, "PROJECT_LEAD"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"orgUnitId-error\"")))
			.andExpect(content().string(containsString("Eine Projektleitung braucht eine Organisationseinheit")));
		assertThat(accounts.existsByUsernameIgnoreCase(username)).isFalse();
	}

	@Test
	void fieldRulesAreCheckedBeforeAnythingIsStored() throws Exception {
		mvc.perform(newUser("Ab", GOOD_PASSWORD, jugendamt()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Der Benutzername muss 3 bis 60 Zeichen lang sein.")))
			.andExpect(content().string(containsString("Kleinbuchstaben")))
			.andExpect(content().string(containsString("Bitte wählen Sie mindestens eine Rolle aus.")));
		String username = uniqueUsername();
		mvc.perform(newUser(username, GOOD_PASSWORD, jugendamt(), "READER").param("displayName", "<script>x</script>")
			.param("email", "keine-adresse"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("reinen Text ohne HTML")))
			.andExpect(content().string(containsString("Bitte geben Sie eine gültige E-Mail-Adresse ein.")));
		mvc.perform(newUser(username, GOOD_PASSWORD, jugendamt(), "READER").param("displayName", "y".repeat(10_000)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Bitte geben Sie höchstens 200 Zeichen ein.")));
		assertThat(accounts.existsByUsernameIgnoreCase(username)).isFalse();
	}

	@Test
	void usernamesAreUnique() throws Exception {
		mvc.perform(newUser("lead", GOOD_PASSWORD, jugendamt(), "READER"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Der Benutzername lead ist bereits vergeben")));
	}

	@Test
	void roleChangesAreStoredAndShownInTheHistory() throws Exception {
		UUID id = createReader();
		mvc.perform(editUser(id, version(id), "EVALUATOR", "READER")).andExpect(status().is3xxRedirection());

		assertThat(accounts.findById(id).orElseThrow().getRoles()).containsExactlyInAnyOrder(Role.EVALUATOR,
				Role.READER);
		mvc.perform(get("/admin/users/{id}/edit", id).with(as("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Änderungsverlauf")))
			.andExpect(content().string(containsString("Bewertung (Fachgutachten), Lesezugriff")));
	}

	@Test
	void aStaleVersionShowsTheConflictPage() throws Exception {
		UUID id = createReader();
		long loaded = version(id);
		mvc.perform(editUser(id, loaded, "EVALUATOR")).andExpect(status().is3xxRedirection());
		mvc.perform(editUser(id, loaded, "BOARD"))
			.andExpect(status().isConflict())
			.andExpect(view().name(ConflictPage.VIEW));
		assertThat(accounts.findById(id).orElseThrow().getRoles()).containsExactly(Role.EVALUATOR);
	}

	@Test
	void anAdminCannotLockThemselvesOut() throws Exception {
		UserAccount admin = accounts.findByUsernameIgnoreCase("admin").orElseThrow();
		mvc.perform(post("/admin/users/{id}/edit", admin.getId()).with(as("admin")).with(csrf())
			.param("displayName", admin.getDisplayName())
			.param("roles", "READER")
			.param("enabled", "false")
			.param("version", Long.toString(admin.getVersion())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Sie können sich die Rolle Administration nicht selbst entziehen")))
			.andExpect(content().string(containsString("Sie können Ihr eigenes Konto nicht sperren.")));
		UserAccount unchanged = accounts.findByUsernameIgnoreCase("admin").orElseThrow();
		assertThat(unchanged.getRoles()).contains(Role.ADMIN);
		assertThat(unchanged.isEnabled()).isTrue();
	}

	@Test
	void anAdminSetsANewPassword() throws Exception {
		UUID id = createReader();
		String username = accounts.findById(id).orElseThrow().getUsername();
		mvc.perform(get("/admin/users/{id}/password", id).with(as("admin"))).andExpect(status().isOk());
		mvc.perform(post("/admin/users/{id}/password", id).with(as("admin")).with(csrf())
			.param("password", "Neues-Passwort-2025").param("passwordConfirmation", "Anderes-Passwort-2025"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Die beiden Passwörter stimmen nicht überein.")));
		mvc.perform(formLogin("/login").user(username).password("Neues-Passwort-2025")).andExpect(unauthenticated());

		mvc.perform(post("/admin/users/{id}/password", id).with(as("admin")).with(csrf())
			.param("password", "Neues-Passwort-2025").param("passwordConfirmation", "Neues-Passwort-2025"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(formLogin("/login").user(username).password("Neues-Passwort-2025")).andExpect(authenticated());
	}

	@Test
	void aProjectLeadIsTurnedAway() throws Exception {
		UUID someone = accounts.findByUsernameIgnoreCase("reader").orElseThrow().getId();
		mvc.perform(get("/admin/users").with(as("lead"))).andExpect(status().isForbidden());
		mvc.perform(get("/admin/users/{id}/edit", someone).with(as("lead"))).andExpect(status().isForbidden());
		mvc.perform(get("/admin/users/{id}/password", someone).with(as("lead"))).andExpect(status().isForbidden());
		String username = uniqueUsername();
		mvc.perform(newUser(username, GOOD_PASSWORD, jugendamt(), "ADMIN").with(as("lead")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/admin/users/{id}/password", someone).with(as("lead")).with(csrf())
			.param("password", GOOD_PASSWORD).param("passwordConfirmation", GOOD_PASSWORD))
			.andExpect(status().isForbidden());
		assertThat(accounts.existsByUsernameIgnoreCase(username)).isFalse();
	}

	private UUID createReader() throws Exception {
		String username = uniqueUsername();
		mvc.perform(newUser(username, GOOD_PASSWORD, null, "READER")).andExpect(status().is3xxRedirection());
		return accounts.findByUsernameIgnoreCase(username).orElseThrow().getId();
	}

	private MockHttpServletRequestBuilder newUser(String username, String password, UUID unit, String... roles) {
		MockHttpServletRequestBuilder request = post("/admin/users/new").with(as("admin")).with(csrf())
			.param("username", username)
			.param("displayName", "Test Person")
			.param("email", username + "@leitstand.example")
			.param("orgUnitId", unit == null ? "" : unit.toString())
			.param("password", password);
		return roles.length == 0 ? request : request.param("roles", roles);
	}

	private MockHttpServletRequestBuilder editUser(UUID id, long version, String... roles) {
		return post("/admin/users/{id}/edit", id).with(as("admin")).with(csrf())
			.param("displayName", "Test Person")
			.param("email", "")
			.param("roles", roles)
			.param("orgUnitId", "")
			.param("enabled", "true")
			.param("version", Long.toString(version));
	}

	private long version(UUID id) {
		return accounts.findById(id).orElseThrow().getVersion();
	}

	private UUID jugendamt() {
		return directory.findByCode("AMT-51").orElseThrow().id();
	}

	private RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	private static String uniqueUsername() {
		return "test." + UUID.randomUUID().toString().substring(0, 8);
	}
}
