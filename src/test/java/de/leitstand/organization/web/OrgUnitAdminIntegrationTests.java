package de.leitstand.organization.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import de.leitstand.organization.OrgUnitDirectory;
import de.leitstand.organization.OrgUnitView;
import de.leitstand.organization.internal.OrgUnitAdministration;
import de.leitstand.shared.web.ConflictPage;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class OrgUnitAdminIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	OrgUnitDirectory directory;

	@Autowired
	OrgUnitAdministration administration;

	@AfterEach
	void clearContext() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void adminCreatesAUnitBeneathAReferat() throws Exception {
		mvc.perform(get("/admin/org-units/new").with(as("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("REF-AKR")));
		String code = uniqueCode("AMT");
		mvc.perform(unitForm(post("/admin/org-units/new"), code, "Amt für Tests", "AMT", referat()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/admin/org-units"))
			.andExpect(flash().attribute("successMessage", containsString(code)));

		OrgUnitView created = directory.findByCode(code).orElseThrow();
		assertThat(created.name()).isEqualTo("Amt für Tests");
		assertThat(created.parentId()).isEqualTo(referat());
		assertThat(created.depth()).isEqualTo(1);

		mvc.perform(get("/admin/org-units").with(as("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(code)))
			.andExpect(content().string(containsString("Amt für Tests")));
	}

	@Test
	void emptyNameIsRejectedAtTheFieldAndNothingIsStored() throws Exception {
		String code = uniqueCode("AMT");
		mvc.perform(unitForm(post("/admin/org-units/new"), code, "", "AMT", referat()))
			.andExpect(status().isOk())
			.andExpect(view().name(OrgUnitAdminController.FORM))
			.andExpect(content().string(containsString("id=\"name-error\"")))
			.andExpect(content().string(containsString("Bitte füllen Sie dieses Feld aus.")))
			// the rest of the input is kept
			.andExpect(content().string(containsString("value=\"" + code + "\"")));
		assertThat(directory.findByCode(code)).isEmpty();
	}

	@Test
	void overlongInputIsRejected() throws Exception {
		String code = uniqueCode("AMT");
		mvc.perform(unitForm(post("/admin/org-units/new"), code, "x".repeat(10_000), "AMT", referat()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Bitte geben Sie höchstens 200 Zeichen ein.")));
		assertThat(directory.findByCode(code)).isEmpty();
	}

	@Test
	void markupIsRejected() throws Exception {
		String code = uniqueCode("AMT");
		mvc.perform(unitForm(post("/admin/org-units/new"), code, "<script>alert(1)</script>", "AMT", referat()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("reinen Text ohne HTML")))
			.andExpect(content().string(not(containsString("<script>alert(1)"))));
		assertThat(directory.findByCode(code)).isEmpty();
	}

	@Test
	void codesAreUniqueRegardlessOfCase() throws Exception {
		String code = uniqueCode("AMT");
		create(code, "AMT", referat());
		String sameInLowerCase = code.toLowerCase();
		mvc.perform(unitForm(post("/admin/org-units/new"), sameInLowerCase, "Zweites Amt", "AMT", referat()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"code-error\"")))
			.andExpect(content().string(containsString("Das Kürzel ist bereits vergeben")));
		assertThat(directory.tree()).filteredOn(u -> u.code().equalsIgnoreCase(code)).hasSize(1);
	}

	@Test
	void hierarchyRulesAreEnforced() throws Exception {
		String referatCode = uniqueCode("REF");
		mvc.perform(unitForm(post("/admin/org-units/new"), referatCode, "Referat mit Eltern", "REFERAT", referat()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Ein Referat steht ganz oben")));
		String abteilungCode = uniqueCode("ABT");
		mvc.perform(unitForm(post("/admin/org-units/new"), abteilungCode, "Abteilung ohne Eltern", "ABTEILUNG", null))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Eine Abteilung gehört immer zu einer übergeordneten Einheit")));
		assertThat(directory.findByCode(referatCode)).isEmpty();
		assertThat(directory.findByCode(abteilungCode)).isEmpty();
	}

	@Test
	void aUnitCannotBePlacedBeneathItselfOrItsDescendants() throws Exception {
		String amt = uniqueCode("AMT");
		UUID amtId = create(amt, "AMT", referat());
		String abteilung = uniqueCode("ABT");
		UUID abteilungId = create(abteilung, "ABTEILUNG", amtId);

		mvc.perform(unitForm(post("/admin/org-units/{id}/edit", amtId), amt, "Amt " + amt, "AMT", abteilungId)
			.param("version", Long.toString(version(amtId))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"parentId-error\"")))
			.andExpect(content().string(containsString(
					"Die Einheit " + abteilung + " liegt unterhalb dieser Einheit")));
		mvc.perform(unitForm(post("/admin/org-units/{id}/edit", amtId), amt, "Amt " + amt, "AMT", amtId)
			.param("version", Long.toString(version(amtId))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("nicht sich selbst übergeordnet")));

		assertThat(directory.find(amtId).orElseThrow().parentId()).isEqualTo(referat());
	}

	@Test
	void aStaleVersionShowsTheConflictPageAndKeepsTheOtherChange() throws Exception {
		String code = uniqueCode("AMT");
		UUID id = create(code, "AMT", referat());
		long loaded = version(id);

		mvc.perform(unitForm(post("/admin/org-units/{id}/edit", id), code, "Erste Änderung", "AMT", referat())
			.param("version", Long.toString(loaded)))
			.andExpect(status().is3xxRedirection());
		mvc.perform(unitForm(post("/admin/org-units/{id}/edit", id), code, "Zweite Änderung", "AMT", referat())
			.param("version", Long.toString(loaded)))
			.andExpect(status().isConflict())
			.andExpect(view().name(ConflictPage.VIEW))
			.andExpect(content().string(containsString("Erste Änderung")))
			.andExpect(content().string(containsString("Zweite Änderung")));

		assertThat(directory.find(id).orElseThrow().name()).isEqualTo("Erste Änderung");

		// "Save my version" on the conflict page resends the input with the current version.
		mvc.perform(unitForm(post("/admin/org-units/{id}/edit", id), code, "Zweite Änderung", "AMT", referat())
			.param("version", Long.toString(version(id))))
			.andExpect(status().is3xxRedirection());
		assertThat(directory.find(id).orElseThrow().name()).isEqualTo("Zweite Änderung");
	}

	@Test
	void theEditPageShowsTheChangeHistory() throws Exception {
		String code = uniqueCode("AMT");
		UUID id = create(code, "AMT", referat());
		mvc.perform(unitForm(post("/admin/org-units/{id}/edit", id), code, "Umbenanntes Amt", "AMT", referat())
			.param("version", Long.toString(version(id)))).andExpect(status().is3xxRedirection());

		mvc.perform(get("/admin/org-units/{id}/edit", id).with(as("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Änderungsverlauf")))
			.andExpect(content().string(containsString("Amt " + code)))
			.andExpect(content().string(containsString("Umbenanntes Amt")))
			.andExpect(content().string(containsString("geändert")));
	}

	@Test
	void aProjectLeadIsTurnedAwayOnEveryAdminPage() throws Exception {
		mvc.perform(get("/admin/org-units").with(as("lead"))).andExpect(status().isForbidden());
		mvc.perform(get("/admin/org-units/new").with(as("lead"))).andExpect(status().isForbidden());
		mvc.perform(get("/admin/org-units/{id}/edit", referat()).with(as("lead"))).andExpect(status().isForbidden());
		String code = uniqueCode("AMT");
		mvc.perform(post("/admin/org-units/new").with(as("lead")).with(csrf())
			.param("code", code).param("name", "Amt der Projektleitung").param("unitType", "AMT")
			.param("parentId", referat().toString()).param("version", "0"))
			.andExpect(status().isForbidden());
		assertThat(directory.findByCode(code)).isEmpty();
	}

	@Test
	void theServiceRefusesNonAdminsToo() {
		UserDetails lead = users.loadUserByUsername("lead");
		SecurityContextHolder.getContext().setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(lead, null, lead.getAuthorities()));
		assertThatThrownBy(() -> administration.tree()).isInstanceOf(AccessDeniedException.class);
	}

	private UUID create(String code, String type, UUID parent) throws Exception {
		mvc.perform(unitForm(post("/admin/org-units/new"), code, "Amt " + code, type, parent))
			.andExpect(status().is3xxRedirection());
		return directory.findByCode(code).orElseThrow().id();
	}

	private MockHttpServletRequestBuilder unitForm(MockHttpServletRequestBuilder request, String code, String name,
			String type, UUID parent) {
		return request.with(as("admin")).with(csrf())
			.param("code", code)
			.param("name", name)
			.param("shortName", "")
			.param("unitType", type)
			.param("parentId", parent == null ? "" : parent.toString())
			.param("active", "true");
	}

	private long version(UUID id) {
		return administration(() -> administration.formFor(id).getVersion());
	}

	private <T> T administration(java.util.function.Supplier<T> call) {
		UserDetails admin = users.loadUserByUsername("admin");
		SecurityContextHolder.getContext().setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
		try {
			return call.get();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private UUID referat() {
		return directory.findByCode("REF-AKR").orElseThrow().id();
	}

	private RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	static String uniqueCode(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}
}
