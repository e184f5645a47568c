package de.leitstand.monitoring.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.leitstand.monitoring.MonitoringFacts;

/** What other modules may know of monitoring: cycles with the counting reports, and milestones. */
@Service
@Transactional(readOnly = true)
class JpaMonitoringFacts implements MonitoringFacts {

	/** Ids per IN list: well below the bind-parameter limits of H2 and PostgreSQL. */
	private static final int CHUNK = 500;

	private final ReportingCycles cycles;
	private final ReportSlots slots;
	private final StatusReports reports;
	private final Milestones milestones;

	JpaMonitoringFacts(ReportingCycles cycles, ReportSlots slots, StatusReports reports, Milestones milestones) {
		this.cycles = cycles;
		this.slots = slots;
		this.reports = reports;
		this.milestones = milestones;
	}

	@Override
	public List<CycleSummary> cycles() {
		return cycles.findAllByOrderByPeriodEndDescOpenedAtDesc().stream().map(this::summary).toList();
	}

	private CycleSummary summary(ReportingCycle c) {
		return new CycleSummary(c.getId(), c.getLabel(), c.getPeriodEnd(), c.getDueDate(), c.isClosed(),
				(int) slots.countByCycleId(c.getId()), (int) slots.countByCycleIdAndCurrentReportIdIsNotNull(c.getId()));
	}

	@Override
	public Optional<CycleReport> cycle(UUID cycleId) {
		return cycles.findById(cycleId).map(c -> {
			List<ReportSlot> all = slots.findByCycleIdOrderByProjectKey(cycleId);
			Map<UUID, StatusReport> byId = new java.util.HashMap<>();
			reports.findByIdIn(all.stream().map(ReportSlot::getCurrentReportId).filter(java.util.Objects::nonNull).toList())
				.forEach(r -> byId.put(r.getId(), r));
			List<ReportView> views = all.stream().filter(s -> s.getCurrentReportId() != null).map(s -> {
				StatusReport r = byId.get(s.getCurrentReportId());
				boolean late = s.getFirstSubmittedAt() != null && java.time.LocalDate
					.ofInstant(s.getFirstSubmittedAt(), MonitoringService.ZONE).isAfter(c.getDueDate());
				return new ReportView(s.getProjectId(), s.getProjectKey(), r.getOverall(), r.getScope(), r.getTime(),
						r.getCost(), r.getRisk(), r.getProgressPercent(), r.getSummary(), r.getAchievements(),
						r.getNextSteps(), r.getDecisionNeeded(), r.getActualCostsByYear(), r.getSubmittedAt(), late,
						r.getReportVersion());
			}).toList();
			List<UUID> missing = all.stream().filter(s -> s.getCurrentReportId() == null).map(ReportSlot::getProjectId)
				.toList();
			return new CycleReport(summary(c), views, missing);
		});
	}

	@Override
	public OptionalInt latestProgress(UUID projectId) {
		// The same order as cycles(): the newest period first, then the latest opened.
		Map<UUID, ReportSlot> reported = new java.util.HashMap<>();
		slots.findByProjectId(projectId).stream().filter(s -> s.getCurrentReportId() != null)
			.forEach(s -> reported.put(s.getCycleId(), s));
		if (reported.isEmpty()) {
			return OptionalInt.empty();
		}
		return cycles.findAllById(reported.keySet()).stream()
			.sorted(java.util.Comparator.comparing(ReportingCycle::getPeriodEnd)
				.thenComparing(ReportingCycle::getOpenedAt).reversed())
			.findFirst()
			.flatMap(c -> reports.findById(reported.get(c.getId()).getCurrentReportId()))
			.map(r -> OptionalInt.of(Math.max(0, Math.min(100, r.getProgressPercent()))))
			.orElse(OptionalInt.empty());
	}

	@Override
	public List<MilestoneView> milestonesOf(UUID projectId) {
		return milestones.findByProjectIdOrderByPlanned(projectId).stream().map(JpaMonitoringFacts::view).toList();
	}

	@Override
	public Map<UUID, List<MilestoneView>> milestonesOf(Collection<UUID> projectIds) {
		List<UUID> ids = List.copyOf(new java.util.LinkedHashSet<>(projectIds));
		Map<UUID, List<MilestoneView>> result = new java.util.HashMap<>();
		for (int from = 0; from < ids.size(); from += CHUNK) {
			milestones.findByProjectIdIn(ids.subList(from, Math.min(ids.size(), from + CHUNK))).stream()
				.sorted(java.util.Comparator.comparing(Milestone::getPlanned))
				.forEach(m -> result.computeIfAbsent(m.getProjectId(), k -> new java.util.ArrayList<>()).add(view(m)));
		}
		return result;
	}

	private static MilestoneView view(Milestone m) {
		return new MilestoneView(m.getId(), m.getProjectId(), m.getTitle(), m.getPlanned(), m.getForecast(),
				m.getActual(), m.slippageDays(), m.isPublished());
	}
}
