package de.leitstand.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import de.leitstand.monitoring.internal.kpi.KpiMeasurements;
import de.leitstand.monitoring.internal.kpi.KpiService;
import de.leitstand.monitoring.internal.kpi.KpiService.KpiRef;

/**
 * KPI measurements as their users meet them: entry with its rules (unit, date, range), import all-or-nothing,
 * the achievement pages and API, and who may enter. Rows are told apart by a unique source text, so runs against a
 * shared database do not interfere.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class KpiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	KpiService kpis;

	@Autowired
	KpiMeasurements measurements;

	@Autowired
	UserDetailsService users;

	RequestPostProcessor as(String user) {
		return SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(user));
	}

	KpiRef percentKpi() {
		return kpis.kpis().stream().filter(r -> r.kpi().unit().equals("%")).findFirst().orElseThrow();
	}

	KpiRef daysKpi() {
		return kpis.kpis().stream().filter(r -> r.kpi().unit().equals("Tage")).findFirst().orElseThrow();
	}

	long stored(String source) {
		return measurements.findAll().stream().filter(m -> source.equals(m.getSource())).count();
	}

	static String unique() {
		return "Test " + UUID.randomUUID();
	}

	@Test
	void thePortfolioOfficeEntersAMeasurementAndSeesItWithTheVerdict() throws Exception {
		KpiRef kpi = percentKpi();
		String source = unique();
		mvc.perform(post("/kpis/{id}", kpi.kpi().id()).with(as("portfolio")).with(csrf())
			.param("measuredOn", "2026-03-31").param("value", "55,5").param("unit", "%").param("source", source))
			.andExpect(status().is3xxRedirection());
		assertThat(stored(source)).isEqualTo(1);
		String html = mvc.perform(get("/kpis/{id}", kpi.kpi().id()).with(as("reader")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(html).contains(source, "55,5 %", "31.03.2026", "Verlauf und Prognose")
			.containsAnyOf("Ziel wird voraussichtlich erreicht", "Ziel wird voraussichtlich verfehlt");
	}

	@Test
	void aValueInTheWrongUnitIsRejectedWithAClearMessageAndNothingIsStored() throws Exception {
		KpiRef kpi = percentKpi();
		String source = unique();
		String html = mvc.perform(post("/kpis/{id}", kpi.kpi().id()).with(as("portfolio")).with(csrf())
			.param("measuredOn", "2026-03-31").param("value", "12").param("unit", "Tage").param("source", source))
			.andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
		assertThat(html).contains("Die Einheit „Tage“ passt nicht zur Kennzahl (erwartet: %).");
		assertThat(stored(source)).isZero();
	}

	@Test
	void futureDatesDatesBeforeTheBaselineAndPercentagesAbove100AreRejected() throws Exception {
		KpiRef kpi = percentKpi();
		String source = unique();
		String future = LocalDate.now().plusDays(10).toString();
		String html = mvc.perform(post("/kpis/{id}", kpi.kpi().id()).with(as("portfolio")).with(csrf())
			.param("measuredOn", future).param("value", "140").param("unit", "%").param("source", source))
			.andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
		assertThat(html).contains("Das Datum darf nicht in der Zukunft liegen.",
				"Ein Prozentwert muss zwischen 0 und 100 liegen.");
		html = mvc.perform(post("/kpis/{id}", kpi.kpi().id()).with(as("portfolio")).with(csrf())
			.param("measuredOn", kpi.kpi().baselineDate().minusDays(1).toString()).param("value", "40")
			.param("unit", "%").param("source", source))
			.andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
		assertThat(html).contains("Das Datum darf nicht vor dem Datum des Ausgangswerts");
		html = mvc.perform(post("/kpis/{id}", kpi.kpi().id()).with(as("portfolio")).with(csrf())
			.param("measuredOn", "2026-01-31").param("value", "viel").param("unit", "%").param("source", source))
			.andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
		assertThat(html).contains("„viel“ ist keine Zahl.");
		assertThat(stored(source)).isZero();
	}

	@Test
	void onlyThePortfolioOfficeAndAdminsEnterEverybodyReads() throws Exception {
		KpiRef kpi = percentKpi();
		String source = unique();
		for (String user : new String[] { "reader", "lead", "board", "evaluator" }) {
			mvc.perform(post("/kpis/{id}", kpi.kpi().id()).with(as(user)).with(csrf()).param("measuredOn", "2026-01-31")
				.param("value", "40").param("unit", "%").param("source", source)).andExpect(status().isForbidden());
			mvc.perform(get("/kpis/{id}", kpi.kpi().id()).with(as(user))).andExpect(status().isOk());
			mvc.perform(get("/strategy/achievement").with(as(user))).andExpect(status().isOk());
		}
		mvc.perform(get("/kpis/import").with(as("reader"))).andExpect(status().isForbidden());
		assertThat(stored(source)).isZero();
		mvc.perform(post("/kpis/{id}", kpi.kpi().id()).with(as("admin")).with(csrf()).param("measuredOn", "2026-01-31")
			.param("value", "40").param("unit", "%").param("source", source)).andExpect(status().is3xxRedirection());
		assertThat(stored(source)).isEqualTo(1);
	}

	@Test
	void anImportStoresAllRowsOrNoneAndNamesRowColumnAndReason() throws Exception {
		KpiRef pct = percentKpi();
		KpiRef days = daysKpi();
		String source = unique();
		String bad = "KPI;Datum;Wert;Einheit;Quelle\n"
				+ pct.goal().code() + " " + pct.kpi().name() + ";30.06.2026;50;%;" + source + "\n"
				+ days.kpi().id() + ";2026-06-30;12;%;" + source + "\n"
				+ "Z9.9 Gibt es nicht;2026-06-30;1;%;" + source + "\n";
		String html = mvc.perform(multipart("/kpis/import")
			.file(new MockMultipartFile("file", "werte.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8)))
			.with(as("portfolio")).with(csrf()))
			.andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
		assertThat(html).contains("Zeile 3, Einheit: Die Einheit „%“ passt nicht zur Kennzahl (erwartet: Tage).",
				"Zeile 4, KPI: Kennzahl „Z9.9 Gibt es nicht“ ist in der aktiven Strategie nicht bekannt.");
		assertThat(stored(source)).isZero();

		String good = "KPI,Datum,Wert,Einheit,Quelle\n"
				+ pct.goal().code() + " " + pct.kpi().name() + ",30.06.2026,50,%," + source + "\n"
				+ days.kpi().id() + ",2026-06-30,12,Tage," + source + "\n";
		mvc.perform(multipart("/kpis/import")
			.file(new MockMultipartFile("file", "werte.csv", "text/csv", good.getBytes(StandardCharsets.UTF_8)))
			.with(as("portfolio")).with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(stored(source)).isEqualTo(2);
	}

	@Test
	void anXlsxImportIsReadFromTheFirstSheet() throws Exception {
		KpiRef pct = percentKpi();
		String source = unique();
		byte[] xlsx;
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			var sheet = wb.createSheet("Messwerte");
			String[] header = { "KPI", "Datum", "Wert", "Einheit", "Quelle" };
			var row = sheet.createRow(0);
			for (int i = 0; i < header.length; i++) {
				row.createCell(i).setCellValue(header[i]);
			}
			row = sheet.createRow(1);
			row.createCell(0).setCellValue(pct.kpi().id().toString());
			row.createCell(1).setCellValue("2026-05-31");
			row.createCell(2).setCellValue(61.5);
			row.createCell(3).setCellValue("%");
			row.createCell(4).setCellValue(source);
			wb.write(out);
			xlsx = out.toByteArray();
		}
		mvc.perform(multipart("/kpis/import").file(new MockMultipartFile("file", "werte.xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx))
			.with(as("portfolio")).with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(stored(source)).isEqualTo(1);
	}

	@Test
	void theDashboardDrillsDownFromFieldsToGoalsToKpis() throws Exception {
		String html = mvc.perform(get("/strategy/achievement").with(as("reader"))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(html).contains("Zielerreichung je Handlungsfeld", "data-kpi-chart=\"bar\"", "/js/kpi-charts.js");
		var field = kpis.fields().get(0);
		html = mvc.perform(get("/strategy/achievement/fields/{id}", field.fieldId()).with(as("reader")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(html).contains(field.goals().get(0).code(), "/kpis/" + field.goals().get(0).kpis().get(0).kpiId());
	}

	@Test
	void theApiListsKpisAndRecordsMeasurementsWithProblemDetails() throws Exception {
		KpiRef kpi = percentKpi();
		String source = unique();
		mvc.perform(get("/api/v1/kpis").with(as("reader"))).andExpect(status().isOk())
			.andExpect(jsonPath("$[0].verdict").exists());
		mvc.perform(get("/api/v1/achievement").with(as("reader"))).andExpect(status().isOk())
			.andExpect(jsonPath("$[0].goals").isArray());
		mvc.perform(post("/api/v1/kpis/{id}/measurements", kpi.kpi().id()).with(as("portfolio"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"measuredOn\":\"2026-02-28\",\"value\":\"3\",\"unit\":\"Tage\",\"source\":\"" + source + "\"}"))
			.andExpect(status().is(422))
			.andExpect(header().string("Content-Type", "application/problem+json"))
			.andExpect(jsonPath("$.errors[0].field").value("unit"))
			.andExpect(jsonPath("$.errors[0].message").value("Die Einheit „Tage“ passt nicht zur Kennzahl (erwartet: %)."));
		mvc.perform(post("/api/v1/kpis/{id}/measurements", kpi.kpi().id()).with(as("reader"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"measuredOn\":\"2026-02-28\",\"value\":\"30\",\"unit\":\"%\",\"source\":\"" + source + "\"}"))
			.andExpect(status().isForbidden());
		assertThat(stored(source)).isZero();
		mvc.perform(post("/api/v1/kpis/{id}/measurements", kpi.kpi().id()).with(as("portfolio"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"measuredOn\":\"2026-02-28\",\"value\":30.5,\"unit\":\"%\",\"source\":\"" + source + "\"}"))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.value").value(30.5));
		mvc.perform(get("/api/v1/kpis/{id}/measurements", kpi.kpi().id()).with(as("reader")))
			.andExpect(status().isOk()).andExpect(jsonPath("$[?(@.source == '" + source + "')]").exists());
		assertThat(stored(source)).isEqualTo(1);
	}
}
