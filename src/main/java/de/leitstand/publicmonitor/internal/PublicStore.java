package de.leitstand.publicmonitor.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import de.leitstand.portfolio.AiRiskClass;
import de.leitstand.portfolio.ProjectStatus;

/** The read model's tables (public_*), written only by {@link PublicMonitorUpdater}. */
@Repository
class PublicStore {

	private static final int BATCH_SIZE = 500;

	private final JdbcClient jdbc;
	private final JdbcTemplate jdbcTemplate;

	PublicStore(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
	}

	/** Fingerprint of every project in the read model. */
	Map<UUID, String> fingerprints() {
		Map<UUID, String> result = new HashMap<>();
		jdbc.sql("select id, content_hash from public_project")
			.query(rs -> {
				result.put(rs.getObject(1, UUID.class), rs.getString(2));
			});
		return result;
	}

	String fingerprint(UUID id) {
		return jdbc.sql("select content_hash from public_project where id = ?").param(id).query(String.class)
			.optional().orElse(null);
	}

	/** A projected project with the fingerprint of its public fields. */
	record Entry(PublicProject project, String fingerprint) {
	}

	/** Adds new projects with their goals and milestones, in JDBC batches. */
	void insert(List<Entry> entries, Instant at) {
		Timestamp now = Timestamp.from(at);
		batch("""
				insert into public_project (id, project_key, title, summary, status, planned_start, planned_end,
				    office_code, office_name, ai_used, ai_purpose, ai_risk_class, progress, published_at, updated_at,
				    content_hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", entries, e -> {
			PublicProject p = e.project();
			return new Object[] { p.id(), p.key(), p.title(), p.summary(), p.status().name(), p.plannedStart(),
					p.plannedEnd(), p.officeCode(), p.officeName(), p.aiUsed(), p.aiPurpose(),
					p.aiRiskClass() == null ? null : p.aiRiskClass().name(), p.progress(), now, now, e.fingerprint() };
		});
		children(entries.stream().map(Entry::project).toList());
	}

	/** Overwrites known projects and replaces their goals and milestones, in JDBC batches. */
	void update(List<Entry> entries, Instant at) {
		Timestamp now = Timestamp.from(at);
		batch("""
				update public_project set project_key = ?, title = ?, summary = ?, status = ?, planned_start = ?,
				    planned_end = ?, office_code = ?, office_name = ?, ai_used = ?, ai_purpose = ?, ai_risk_class = ?,
				    progress = ?, updated_at = ?, content_hash = ? where id = ?""", entries, e -> {
			PublicProject p = e.project();
			return new Object[] { p.key(), p.title(), p.summary(), p.status().name(), p.plannedStart(),
					p.plannedEnd(), p.officeCode(), p.officeName(), p.aiUsed(), p.aiPurpose(),
					p.aiRiskClass() == null ? null : p.aiRiskClass().name(), p.progress(), now, e.fingerprint(),
					p.id() };
		});
		List<UUID> ids = entries.stream().map(e -> e.project().id()).toList();
		batch("delete from public_project_goal where project_id = ?", ids, id -> new Object[] { id });
		batch("delete from public_milestone where project_id = ?", ids, id -> new Object[] { id });
		children(entries.stream().map(Entry::project).toList());
	}

	private void children(List<PublicProject> projects) {
		List<Object[]> goals = new ArrayList<>();
		List<Object[]> milestones = new ArrayList<>();
		for (PublicProject p : projects) {
			for (int i = 0; i < p.goals().size(); i++) {
				PublicProject.Goal g = p.goals().get(i);
				goals.add(new Object[] { p.id(), i, g.code(), g.title(), g.fieldNumber(), g.fieldName() });
			}
			for (int i = 0; i < p.milestones().size(); i++) {
				PublicProject.Milestone m = p.milestones().get(i);
				milestones.add(new Object[] { p.id(), i, m.title(), m.planned(), m.forecast(), m.actual() });
			}
		}
		batch("""
				insert into public_project_goal (project_id, position, goal_code, goal_title, field_number,
				    field_name) values (?, ?, ?, ?, ?, ?)""", goals, row -> row);
		batch("""
				insert into public_milestone (project_id, position, title, planned, forecast, actual)
				values (?, ?, ?, ?, ?, ?)""", milestones, row -> row);
	}

	/** Removes projects and every trace of them, their feed entries included. */
	void delete(List<UUID> ids) {
		for (String table : List.of("public_change", "public_project_goal", "public_milestone")) {
			batch("delete from " + table + " where project_id = ?", ids, id -> new Object[] { id });
		}
		batch("delete from public_project where id = ?", ids, id -> new Object[] { id });
	}

	/** Adds a feed entry of this kind per project. */
	void addChanges(List<PublicProject> projects, String kind, Instant at) {
		Timestamp now = Timestamp.from(at);
		batch("""
				insert into public_change (id, project_id, project_key, kind, title, summary, changed_at)
				values (?, ?, ?, ?, ?, ?, ?)""", projects,
				p -> new Object[] { UUID.randomUUID(), p.id(), p.key(), kind, p.title(), p.summary(), now });
	}

	/**
	 * One statement per row, sent in batches: at the first build of 10,000 projects these are some 40,000 rows,
	 * and a round trip each was most of the writing time.
	 */
	private <T> void batch(String sql, List<T> items, Function<T, Object[]> row) {
		for (int from = 0; from < items.size(); from += BATCH_SIZE) {
			List<Object[]> rows = items.subList(from, Math.min(items.size(), from + BATCH_SIZE)).stream()
				.map(row)
				.toList();
			jdbcTemplate.batchUpdate(sql, rows);
		}
	}

	/** Keeps the feed table small: only the newest entries are ever shown. */
	void pruneChanges(int keep) {
		List<Timestamp> cut = jdbc.sql("select changed_at from public_change order by changed_at desc offset ? rows fetch next 1 rows only")
			.param(keep).query(Timestamp.class).list();
		if (!cut.isEmpty()) {
			jdbc.sql("delete from public_change where changed_at < ?").param(cut.get(0)).update();
		}
	}

	List<PublicProject.Change> changes(int limit) {
		return jdbc.sql("""
				select id, project_key, kind, title, summary, changed_at from public_change
				order by changed_at desc, project_key fetch first ? rows only""")
			.param(limit)
			.query((rs, n) -> new PublicProject.Change(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()))
			.list();
	}

	/** The whole read model, ordered by project key. */
	List<PublicProject> all() {
		Map<UUID, List<PublicProject.Goal>> goals = new HashMap<>();
		jdbc.sql("select project_id, goal_code, goal_title, field_number, field_name from public_project_goal order by project_id, position")
			.query(rs -> {
				goals.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
					.add(new PublicProject.Goal(rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5)));
			});
		Map<UUID, List<PublicProject.Milestone>> milestones = new HashMap<>();
		jdbc.sql("select project_id, title, planned, forecast, actual from public_milestone order by project_id, position")
			.query(rs -> {
				milestones.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
					.add(new PublicProject.Milestone(rs.getString(2), rs.getObject(3, LocalDate.class),
							rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class)));
			});
		return jdbc.sql("""
				select id, project_key, title, summary, status, planned_start, planned_end, office_code, office_name,
				    ai_used, ai_purpose, ai_risk_class, progress, published_at, updated_at
				from public_project order by project_key""")
			.query((rs, n) -> {
				UUID id = rs.getObject(1, UUID.class);
				String risk = rs.getString(12);
				int percent = rs.getInt(13);
				Integer progress = rs.wasNull() ? null : percent;
				return new PublicProject(id, rs.getString(2), rs.getString(3), rs.getString(4),
						ProjectStatus.valueOf(rs.getString(5)), rs.getObject(6, LocalDate.class),
						rs.getObject(7, LocalDate.class), rs.getString(8), rs.getString(9), rs.getBoolean(10),
						rs.getString(11), risk == null ? null : AiRiskClass.valueOf(risk),
						progress, rs.getTimestamp(14).toInstant(),
						rs.getTimestamp(15).toInstant(), goals.get(id), milestones.get(id));
			})
			.list();
	}
}
