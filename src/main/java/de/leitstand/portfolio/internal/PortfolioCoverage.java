package de.leitstand.portfolio.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.leitstand.organization.LeitstandUser;
import de.leitstand.portfolio.ProjectStatus;
import de.leitstand.strategy.StrategyCatalog;
import de.leitstand.strategy.StrategyCatalog.FieldSummary;
import de.leitstand.strategy.StrategyCatalog.GoalSummary;

/**
 * How well the portfolio covers the strategy: goals no project serves, projects that serve no goal, and money
 * and effort per field of action and year. Rejected and cancelled projects are left out. A project serving goals
 * in several fields counts towards each field with an equal share, so the totals add up to the portfolio's.
 */
@Service
@Transactional(readOnly = true)
public class PortfolioCoverage {

	private static final Set<ProjectStatus> LEFT_OUT = Set.of(ProjectStatus.REJECTED, ProjectStatus.CANCELLED);

	private final EntityManager em;
	private final StrategyCatalog strategy;
	private final ProjectPolicy policy;

	PortfolioCoverage(EntityManager em, StrategyCatalog strategy, ProjectPolicy policy) {
		this.em = em;
		this.strategy = strategy;
		this.policy = policy;
	}

	/** A query over the projects the signed-in user may see (ideas of other offices count nowhere). */
	private <T> TypedQuery<T> query(String jpql, Class<T> type) {
		String where = " p.status not in :out and " + policy.readable("p");
		return policy.bind(em.createQuery(jpql.replace(" :where", where), type), LeitstandUser.current().orElse(null))
			.setParameter("out", LEFT_OUT);
	}

	public record Coverage(List<GoalSummary> goalsWithoutProjects, List<Unlinked> projectsWithoutGoals,
			List<Integer> years, List<FieldRow> fields, FieldRow unassigned) {
	}

	public record Unlinked(UUID id, String key, String title, ProjectStatus status) {
	}

	/** Money (EUR) and effort (person-days) of one field of action per year. */
	public record FieldRow(UUID fieldId, String label, Map<Integer, BigDecimal> money, Map<Integer, BigDecimal> days,
			BigDecimal totalMoney, BigDecimal totalDays) {
	}

	public Coverage coverage() {
		List<FieldSummary> fields = strategy.activeFields();
		Map<UUID, Set<UUID>> fieldsOfProject = new HashMap<>();
		Set<UUID> servedGoals = new HashSet<>();
		for (Object[] row : query(
				"select p.id, g.goalId, g.fieldId from Project p join p.goalLinks g where :where", Object[].class)
			.getResultList()) {
			servedGoals.add((UUID) row[1]);
			fieldsOfProject.computeIfAbsent((UUID) row[0], k -> new HashSet<>()).add((UUID) row[2]);
		}
		List<GoalSummary> unserved = new ArrayList<>();
		fields.forEach(f -> f.goals().stream().filter(g -> !servedGoals.contains(g.id())).forEach(unserved::add));

		List<Unlinked> unlinked = query(
				"select p from Project p where :where and p.goalLinks is empty order by p.key", Project.class)
			.getResultList().stream()
			.map(p -> new Unlinked(p.getId(), p.getKey(), p.getTitle(), p.getStatus())).toList();

		Map<UUID, Map<Integer, BigDecimal>> money = new HashMap<>();
		Map<UUID, Map<Integer, BigDecimal>> days = new HashMap<>();
		Set<Integer> years = new TreeSet<>();
		UUID none = new UUID(0, 0);
		for (Object[] row : query(
				"select p.id, c.year, c.investment, c.running from Project p join p.costs c where :where",
				Object[].class).getResultList()) {
			int year = (Integer) row[1];
			years.add(year);
			BigDecimal amount = ((BigDecimal) row[2]).add((BigDecimal) row[3]);
			spread(money, fieldsOfProject.getOrDefault((UUID) row[0], Set.of(none)), year, amount);
		}
		for (Object[] row : query(
				"select p.id, e.year, e.personDays from Project p join p.efforts e where :where", Object[].class)
			.getResultList()) {
			int year = (Integer) row[1];
			years.add(year);
			spread(days, fieldsOfProject.getOrDefault((UUID) row[0], Set.of(none)), year, (BigDecimal) row[2]);
		}
		List<FieldRow> rows = fields.stream()
			.map(f -> row(f.id(), f.number() + " " + f.name(), money, days))
			.toList();
		return new Coverage(unserved, unlinked, List.copyOf(years), rows, row(none, "", money, days));
	}

	private static void spread(Map<UUID, Map<Integer, BigDecimal>> target, Set<UUID> fieldIds, int year,
			BigDecimal amount) {
		BigDecimal share = amount.divide(BigDecimal.valueOf(fieldIds.size()), 2, RoundingMode.HALF_UP);
		for (UUID field : fieldIds) {
			target.computeIfAbsent(field, k -> new TreeMap<>()).merge(year, share, BigDecimal::add);
		}
	}

	private static FieldRow row(UUID fieldId, String label, Map<UUID, Map<Integer, BigDecimal>> money,
			Map<UUID, Map<Integer, BigDecimal>> days) {
		Map<Integer, BigDecimal> m = money.getOrDefault(fieldId, Map.of());
		Map<Integer, BigDecimal> d = days.getOrDefault(fieldId, Map.of());
		return new FieldRow(fieldId, label, m, d, m.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add),
				d.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
	}
}
