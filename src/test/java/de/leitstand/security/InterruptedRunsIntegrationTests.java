package de.leitstand.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import de.leitstand.prioritization.internal.scenario.InterruptedRuns;

/**
 * The recovery half of crash safety, in process and so on H2 and PostgreSQL: a run left RUNNING by a process that
 * is gone (heartbeat minutes old) is marked interrupted, without a result, and shown so in German; a run whose
 * node is alive (fresh heartbeat) is left alone. {@code CrashSafetyIntegrationTests} kills a real process.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class InterruptedRunsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	InterruptedRuns interrupted;

	@Autowired
	UserDetailsService users;

	UUID gone = UUID.randomUUID();
	UUID alive = UUID.randomUUID();

	@AfterEach
	void removeTheLiveOne() {
		jdbc.update("delete from prioritization_optimization_run where id = ?", alive);
	}

	@Test
	void aRunWhoseProcessIsGoneIsMarkedInterruptedAndALiveOneIsNot() throws Exception {
		UUID scenario = jdbc.queryForObject("select id from prioritization_scenario where example_data = true "
				+ "order by name fetch first 1 rows only", UUID.class);
		Instant now = Instant.now();
		insert(gone, scenario, now.minus(20, ChronoUnit.MINUTES), now.minus(10, ChronoUnit.MINUTES), "node-that-died");
		insert(alive, scenario, now.minus(2, ChronoUnit.MINUTES), now, "node-still-working");

		interrupted.markStale();

		assertThat(jdbc.queryForMap("select status, result_json, objective from prioritization_optimization_run "
				+ "where id = ?", gone)).containsEntry("status", "INTERRUPTED").containsEntry("result_json", null)
			.containsEntry("objective", null);
		assertThat(jdbc.queryForObject("select finished_at from prioritization_optimization_run where id = ?",
				Timestamp.class, gone)).isNotNull();
		assertThat(jdbc.queryForObject("select count(*) from prioritization_optimization_run_aud where id = ? "
				+ "and status = 'INTERRUPTED'", Long.class, gone)).as("in the history").isEqualTo(1);
		assertThat(jdbc.queryForObject("select status from prioritization_optimization_run where id = ?",
				String.class, alive)).isEqualTo("RUNNING");

		String page = mvc.perform(get("/scenarios/" + scenario).with(user(users.loadUserByUsername("portfolio"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("Abgebrochen (Neustart des Servers) – bitte erneut starten");
		String run = mvc.perform(get("/scenarios/" + scenario + "/runs/" + gone)
			.with(user(users.loadUserByUsername("board"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(run).contains("Es wurde kein Ergebnis gespeichert.").doesNotContain("Die Optimierung läuft.")
			.doesNotContain("Erneut optimieren");
		String api = mvc.perform(get("/api/v1/scenarios/" + scenario + "/runs/" + gone)
			.with(httpBasic("reader", "leitstand-demo")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(api).contains("\"status\":\"INTERRUPTED\"").doesNotContain("objective");
	}

	void insert(UUID id, UUID scenario, Instant started, Instant heartbeat, String node) {
		jdbc.update("insert into prioritization_optimization_run (id, scenario_id, status, started_by, started_at, "
				+ "heartbeat_at, instance_id, version) values (?, ?, 'RUNNING', 'portfolio', ?, ?, ?, 0)", id, scenario,
				Timestamp.from(started), Timestamp.from(heartbeat), node);
	}
}
