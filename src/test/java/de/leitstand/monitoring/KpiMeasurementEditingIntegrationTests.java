package de.leitstand.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import com.jayway.jsonpath.JsonPath;

import de.leitstand.monitoring.internal.kpi.KpiMeasurement;
import de.leitstand.monitoring.internal.kpi.KpiMeasurements;
import de.leitstand.monitoring.internal.kpi.KpiService;
import de.leitstand.monitoring.internal.kpi.KpiService.KpiRef;
import de.leitstand.shared.audit.AuditRevision;

/**
 * Correcting and deleting KPI measurements, in the pages and the API: the same rules as a new value, a version
 * check instead of overwriting someone else's correction, German messages, only the portfolio office (and admins),
 * and every step in the audit trail. Each test works on measurements it created (unique source texts).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class KpiMeasurementEditingIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	KpiService kpis;

	@Autowired
	KpiMeasurements measurements;

	@Autowired
	UserDetailsService users;

	@Autowired
	EntityManager entityManager;

	@Autowired
	TransactionTemplate tx;

	@Test
	void thePortfolioOfficeCorrectsAndDeletesAMeasurementInThePagesWithVersionCheckAndAuditTrail() throws Exception {
		KpiRef kpi = percentKpi();
		String source = "Test " + UUID.randomUUID();
		UUID id = create(kpi, "55,5", source);
		String page = "/kpis/" + kpi.kpi().id() + "/measurements/" + id;

		// The KPI page links to it; the form shows the stored value in German notation with its version.
		assertThat(html(get("/kpis/{id}", kpi.kpi().id()), "portfolio").select("a[href$='" + id + "']")).hasSize(1);
		Document form = html(get(page), "portfolio");
		assertThat(form.getElementById("value").val()).isEqualTo("55,5");
		assertThat(form.getElementById("version").val()).isEqualTo("0");
		// A reader sees the value and its history, but no form.
		Document readOnly = html(get(page), "reader");
		assertThat(readOnly.select("form[action$='" + id + "']")).isEmpty();
		assertThat(readOnly.text()).contains("55,5 %", "Messwerte erfasst das Strategie- und Portfoliobüro.");

		// Bad input: named at its field in German, nothing changed.
		Document bad = html422(post(page).with(csrf()).param("version", "0").param("measuredOn", "2026-03-31")
			.param("value", "viel").param("unit", "Tage").param("source", source), "portfolio");
		assertThat(bad.getElementById("value-error").text()).endsWith("„viel“ ist keine Zahl. Bitte geben Sie eine Zahl ein, z. B. 42 oder 3,5.");
		assertThat(bad.getElementById("unit-error").text()).endsWith("Die Einheit „Tage“ passt nicht zur Kennzahl (erwartet: %).");
		assertThat(bad.getElementById("value").val()).isEqualTo("viel");
		assertThat(value(id)).isEqualByComparingTo("55.5");

		// A correction.
		mvc.perform(post(page).with(as("portfolio")).with(csrf()).param("version", "0").param("measuredOn", "2026-03-31")
			.param("value", "61,25").param("unit", "%").param("source", source))
			.andExpect(status().is3xxRedirection()).andExpect(flash().attribute("success", "kpi.measurement.changed"));
		assertThat(value(id)).isEqualByComparingTo("61.25");

		// Someone else still holds version 0: the conflict page, with their input kept, overwrites nothing.
		String conflict = mvc.perform(post(page).with(as("admin")).with(csrf()).param("version", "0")
			.param("measuredOn", "2026-03-31").param("value", "70").param("unit", "%").param("source", source))
			.andExpect(status().isConflict()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(conflict).contains("Jemand anderes hat diesen Datensatz geändert", "61,25", "value=\"70\"");
		assertThat(value(id)).isEqualByComparingTo("61.25");

		// Others may neither correct nor delete.
		for (String user : List.of("lead", "reader", "board", "evaluator")) {
			mvc.perform(post(page).with(as(user)).with(csrf()).param("version", "1").param("measuredOn", "2026-03-31")
				.param("value", "1").param("unit", "%")).andExpect(status().isForbidden());
			mvc.perform(post(page + "/delete").with(as(user)).with(csrf()).param("version", "1"))
				.andExpect(status().isForbidden());
		}

		// Deleting from a stale page is refused with a message; from the current one it works.
		Document stale = Jsoup.parse(mvc.perform(post(page + "/delete").with(as("portfolio")).with(csrf())
			.param("version", "0")).andExpect(status().isConflict()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
		assertThat(stale.select("[role=alert]").text()).contains("Jemand hat diesen Messwert geändert");
		assertThat(measurements.findById(id)).isPresent();
		mvc.perform(post(page + "/delete").with(as("portfolio")).with(csrf()).param("version", "1"))
			.andExpect(status().is3xxRedirection()).andExpect(flash().attribute("success", "kpi.measurement.deleted"));
		assertThat(measurements.findById(id)).isEmpty();
		mvc.perform(get(page).with(as("portfolio"))).andExpect(status().isNotFound());

		// The audit trail has all three steps, each with who did it; the deletion keeps the last value.
		List<Object[]> revisions = revisions(id);
		assertThat(revisions).extracting(r -> r[2]).containsExactly(RevisionType.ADD, RevisionType.MOD, RevisionType.DEL);
		assertThat(revisions).extracting(r -> ((AuditRevision) r[1]).getUsername())
			.containsExactly("portfolio", "portfolio", "portfolio");
		assertThat(((KpiMeasurement) revisions.get(1)[0]).getValue()).isEqualByComparingTo("61.25");
		assertThat(((KpiMeasurement) revisions.get(2)[0]).getValue()).isEqualByComparingTo("61.25");
	}

	@Test
	void theApiCorrectsAndDeletesWithIfMatchOrVersionAndAnswersWithProblemDetails() throws Exception {
		KpiRef kpi = percentKpi();
		String source = "Test " + UUID.randomUUID();
		UUID id = create(kpi, "40", source);
		String url = "/api/v1/kpis/" + kpi.kpi().id() + "/measurements/" + id;
		String body = "{\"measuredOn\": \"2026-02-28\", \"value\": \"%s\", \"unit\": \"%%\", \"source\": \"" + source + "\"}";

		mvc.perform(put(url).with(as("portfolio")).header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON)
			.content(body.formatted("42,5")))
			.andExpect(status().isOk()).andExpect(header().string("ETag", "\"1\""))
			.andExpect(jsonPath("$.value").value(42.5)).andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.measuredOn").value("2026-02-28"));
		// Stale: 412 with If-Match, 409 with a version in the body; no version at all: 428.
		mvc.perform(put(url).with(as("portfolio")).header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON)
			.content(body.formatted("1"))).andExpect(status().isPreconditionFailed());
		mvc.perform(put(url).with(as("portfolio")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"measuredOn\": \"2026-02-28\", \"value\": \"1\", \"unit\": \"%\", \"version\": 0}"))
			.andExpect(status().isConflict()).andExpect(jsonPath("$.currentVersion").value(1));
		mvc.perform(put(url).with(as("portfolio")).contentType(MediaType.APPLICATION_JSON).content(body.formatted("1")))
			.andExpect(status().isPreconditionRequired());
		// Invalid: 422 naming the field in German, nothing stored.
		mvc.perform(put(url).with(as("portfolio")).header("If-Match", "\"1\"").contentType(MediaType.APPLICATION_JSON)
			.content(body.formatted("140")))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("value"))
			.andExpect(jsonPath("$.errors[0].message").value("Ein Prozentwert muss zwischen 0 und 100 liegen."));
		mvc.perform(put(url).with(as("lead")).header("If-Match", "\"1\"").contentType(MediaType.APPLICATION_JSON)
			.content(body.formatted("1"))).andExpect(status().isForbidden());
		assertThat(value(id)).isEqualByComparingTo("42.5");

		mvc.perform(delete(url).with(as("lead")).header("If-Match", "\"1\"")).andExpect(status().isForbidden());
		mvc.perform(delete(url).with(as("portfolio")).header("If-Match", "\"0\"")).andExpect(status().isPreconditionFailed());
		mvc.perform(delete(url).with(as("portfolio"))).andExpect(status().isPreconditionRequired());
		mvc.perform(delete(url).with(as("portfolio")).header("If-Match", "\"1\"")).andExpect(status().isNoContent());
		assertThat(measurements.findById(id)).isEmpty();
		mvc.perform(delete(url).with(as("portfolio")).header("If-Match", "\"1\"")).andExpect(status().isNotFound());
		assertThat(mvc.perform(get("/api/v1/kpis/{id}/measurements", kpi.kpi().id()).with(as("reader")))
			.andReturn().getResponse().getContentAsString()).doesNotContain(id.toString());
		assertThat(revisions(id)).extracting(r -> r[2]).containsExactly(RevisionType.ADD, RevisionType.MOD, RevisionType.DEL);
	}

	// --- helpers ---

	private UUID create(KpiRef kpi, String value, String source) throws Exception {
		String json = mvc.perform(post("/api/v1/kpis/{id}/measurements", kpi.kpi().id()).with(as("portfolio"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"measuredOn\": \"2026-03-31\", \"value\": \"%s\", \"unit\": \"%%\", \"source\": \"%s\"}"
				.formatted(value, source)))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.version").value(0)).andReturn().getResponse()
			.getContentAsString();
		return UUID.fromString(JsonPath.read(json, "$.id"));
	}

	private BigDecimal value(UUID id) {
		return measurements.findById(id).orElseThrow().getValue();
	}

	@SuppressWarnings("unchecked")
	private List<Object[]> revisions(UUID id) {
		return tx.execute(s -> AuditReaderFactory.get(entityManager).createQuery()
			.forRevisionsOfEntity(KpiMeasurement.class, false, true)
			.add(AuditEntity.id().eq(id))
			.addOrder(AuditEntity.revisionNumber().asc())
			.getResultList());
	}

	private KpiRef percentKpi() {
		return kpis.kpis().stream().filter(r -> r.kpi().unit().equals("%")).findFirst().orElseThrow();
	}

	private Document html(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			String user) throws Exception {
		return Jsoup.parse(mvc.perform(request.with(as(user))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
	}

	private Document html422(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			String user) throws Exception {
		return Jsoup.parse(mvc.perform(request.with(as(user))).andExpect(status().isUnprocessableContent()).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	private RequestPostProcessor as(String user) {
		return SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(user));
	}
}
