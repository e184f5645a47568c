package de.leitstand.monitoring.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.leitstand.monitoring.MilestoneChanged;
import de.leitstand.monitoring.StatusReportSubmitted;
import de.leitstand.organization.LeitstandUser;
import de.leitstand.organization.NotificationKind;
import de.leitstand.organization.Notifier;
import de.leitstand.organization.Role;
import de.leitstand.portfolio.ProjectSnapshot;
import de.leitstand.shared.InvalidInput;
import de.leitstand.shared.NotFoundException;
import de.leitstand.shared.StaleVersionException;

/**
 * Reporting cycles, status reports, milestones, risks and issues. Checks who may do what: the portfolio office
 * opens and closes cycles; a project lead reports on the projects of their own office (the portfolio office may
 * too); every internal role reads.
 */
@Service
@Transactional
public class MonitoringService {

	public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

	/** The expected version of a report save that started without a draft (it will start one). */
	public static final long NEW_DRAFT = -1;

	private final ReportingCycles cycles;
	private final ReportSlots slots;
	private final StatusReports reports;
	private final Milestones milestones;
	private final Risks risks;
	private final Issues issues;
	private final ProjectCache projects;
	private final Notifier notifier;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	MonitoringService(ReportingCycles cycles, ReportSlots slots, StatusReports reports, Milestones milestones,
			Risks risks, Issues issues, ProjectCache projects, Notifier notifier, ApplicationEventPublisher events,
			Optional<Clock> clock) {
		this.cycles = cycles;
		this.slots = slots;
		this.reports = reports;
		this.milestones = milestones;
		this.risks = risks;
		this.issues = issues;
		this.projects = projects;
		this.notifier = notifier;
		this.events = events;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	public Instant now() {
		return clock.instant();
	}

	public LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZONE);
	}

	// --- cycles ---

	/** Opens a cycle: one expected report for every project in implementation; the leads of each office get a mail. */
	public ReportingCycle openCycle(String label, ReportingCycle.Cadence cadence, LocalDate periodEnd,
			LocalDate dueDate) {
		LeitstandUser user = requireManager();
		MonitoringRules.checkCycle(label, cadence, periodEnd, dueDate, today());
		ReportingCycle cycle = cycles.save(new ReportingCycle(label.strip(), cadence, periodEnd, dueDate,
				user.username(), now(), false));
		Map<UUID, List<String>> keysByUnit = new LinkedHashMap<>();
		for (ProjectSnapshot p : projects.inImplementation().values()) {
			slots.save(new ReportSlot(cycle.getId(), p.id(), p.key(), p.leadUnitId()));
			keysByUnit.computeIfAbsent(p.leadUnitId(), u -> new ArrayList<>()).add(p.key() + " " + p.title());
		}
		keysByUnit.forEach((unit, keys) -> notifier.notifyRole(Role.PROJECT_LEAD, unit, NotificationKind.REMINDER,
				Notifier.Mail.of("mail.reportRequested.subject", "report-requested", mailModel(cycle, keys),
						cycle.getLabel())));
		return cycle;
	}

	static Map<String, Object> mailModel(ReportingCycle cycle, List<String> projectLines) {
		Map<String, Object> model = new HashMap<>();
		model.put("cycleLabel", cycle.getLabel());
		model.put("dueDate", cycle.getDueDate());
		model.put("cycleId", cycle.getId().toString());
		model.put("projects", List.copyOf(projectLines));
		return model;
	}

	public void closeCycle(UUID cycleId, long version) {
		requireManager();
		ReportingCycle cycle = cycle(cycleId);
		if (cycle.getVersion() != version) {
			throw new StaleVersionException(cycle.getVersion());
		}
		cycle.close();
	}

	@Transactional(readOnly = true)
	public ReportingCycle cycle(UUID id) {
		requireReader();
		return cycles.findById(id).orElseThrow(() -> new NotFoundException("cycle " + id));
	}

	@Transactional(readOnly = true)
	public List<ReportingCycle> cycles() {
		requireReader();
		return cycles.findAllByOrderByPeriodEndDescOpenedAtDesc();
	}

	@Transactional(readOnly = true)
	public List<ReportSlot> slotsOf(UUID cycleId) {
		requireReader();
		return slots.findByCycleIdOrderByProjectKey(cycleId);
	}

	@Transactional(readOnly = true)
	public List<ReportSlot> slotsOfProject(UUID projectId) {
		requireReader();
		return slots.findByProjectId(projectId);
	}

	@Transactional(readOnly = true)
	public Map<UUID, StatusReport> currentReports(List<ReportSlot> of) {
		List<UUID> ids = of.stream().map(ReportSlot::getCurrentReportId).filter(java.util.Objects::nonNull).toList();
		Map<UUID, StatusReport> bySlot = new HashMap<>();
		reports.findByIdIn(ids).forEach(r -> bySlot.put(r.getSlotId(), r));
		return bySlot;
	}

	// --- reports ---

	@Transactional(readOnly = true)
	public ReportSlot slot(UUID cycleId, UUID projectId) {
		requireReader();
		return slots.findByCycleIdAndProjectId(cycleId, projectId)
			.orElseThrow(() -> new NotFoundException("no report expected for " + projectId + " in " + cycleId));
	}

	/** All versions of a project's report in a cycle, newest first. */
	@Transactional(readOnly = true)
	public List<StatusReport> versions(UUID slotId) {
		requireReader();
		return reports.findBySlotIdOrderByReportVersionDesc(slotId);
	}

	/**
	 * Saves the draft of a project's report in a cycle. Without a draft it starts one: version 1, or, after a
	 * submitted version, the correction n+1. No version check (API clients that send no version).
	 */
	public StatusReport saveDraft(UUID cycleId, ProjectSnapshot project, ReportContent content) {
		return saveDraft(cycleId, project, content, null);
	}

	/**
	 * Saves the draft, refusing to overwrite what someone else saved meanwhile: {@code expectedVersion} is the
	 * version of the draft the user edited, or {@link #NEW_DRAFT} if there was none when they started; a draft
	 * saved, started or submitted by someone else since then is a {@link StaleVersionException}. Null: no check.
	 * Two users starting the same draft at once: the database's unique report version lets one win, the other gets
	 * the conflict.
	 */
	public StatusReport saveDraft(UUID cycleId, ProjectSnapshot project, ReportContent content, Long expectedVersion) {
		requireReporter(project);
		if (cycleId == null) {
			throw InvalidInput.of("cycleId", "validation.required");
		}
		ReportingCycle cycle = cycles.findById(cycleId).orElseThrow(() -> new NotFoundException("cycle " + cycleId));
		if (cycle.isClosed()) {
			throw InvalidInput.of("cycle", "report.cycle.closed", cycle.getLabel());
		}
		MonitoringRules.check(content);
		ReportSlot slot = slots.findByCycleIdAndProjectId(cycleId, project.id())
			.orElseThrow(() -> InvalidInput.of("cycle", "report.notExpected", project.key(), cycle.getLabel()));
		List<StatusReport> versions = reports.findBySlotIdOrderByReportVersionDesc(slot.getId());
		StatusReport draft = !versions.isEmpty() && versions.get(0).isDraft() ? versions.get(0) : null;
		if (expectedVersion != null) {
			long current = draft == null ? NEW_DRAFT : draft.getVersion();
			if (current != expectedVersion) {
				throw new StaleVersionException(current);
			}
		}
		if (draft != null) {
			draft.update(content);
			return draft;
		}
		int next = versions.isEmpty() ? 1 : versions.get(0).getReportVersion() + 1;
		try {
			return reports.saveAndFlush(new StatusReport(slot, next, content, LeitstandUser.currentName(), now()));
		}
		catch (DataIntegrityViolationException startedMeanwhile) {
			// someone else started version n+1 at the same moment (unique slot and report version)
			throw new StaleVersionException(NEW_DRAFT);
		}
	}

	/**
	 * Saves and submits: the version is frozen and counts from now on. Others learn of it through
	 * {@link StatusReportSubmitted} (after commit): the public monitor shows the new progress, an escalation is
	 * mailed to the portfolio office.
	 */
	public StatusReport submit(UUID cycleId, ProjectSnapshot project, ReportContent content) {
		return submit(cycleId, project, content, null);
	}

	/** Saves (with the version check of {@link #saveDraft(UUID, ProjectSnapshot, ReportContent, Long)}) and submits. */
	public StatusReport submit(UUID cycleId, ProjectSnapshot project, ReportContent content, Long expectedVersion) {
		StatusReport draft = saveDraft(cycleId, project, content, expectedVersion);
		draft.submit(LeitstandUser.currentName(), now());
		ReportSlot slot = slots.findById(draft.getSlotId()).orElseThrow();
		slot.submitted(draft);
		events.publishEvent(new StatusReportSubmitted(project.id(), project.key(), cycleId, draft.getReportVersion(),
				draft.getProgressPercent(), draft.getDecisionNeeded() != null));
		return draft;
	}

	/** Starts a correction of the submitted version: a draft copy as version n+1. */
	public StatusReport correct(UUID cycleId, ProjectSnapshot project) {
		requireReporter(project);
		ReportingCycle cycle = cycles.findById(cycleId).orElseThrow(() -> new NotFoundException("cycle " + cycleId));
		if (cycle.isClosed()) {
			throw InvalidInput.of("cycle", "report.cycle.closed", cycle.getLabel());
		}
		ReportSlot slot = slot(cycleId, project.id());
		List<StatusReport> versions = reports.findBySlotIdOrderByReportVersionDesc(slot.getId());
		if (versions.isEmpty()) {
			throw new NotFoundException("no report to correct");
		}
		if (versions.get(0).isDraft()) {
			return versions.get(0);
		}
		return reports.save(versions.get(0).correction(slot, LeitstandUser.currentName(), now()));
	}

	public boolean isLate(ReportingCycle cycle, ReportSlot slot) {
		return slot.getFirstSubmittedAt() != null
				&& LocalDate.ofInstant(slot.getFirstSubmittedAt(), ZONE).isAfter(cycle.getDueDate());
	}

	public boolean isOverdue(ReportingCycle cycle, ReportSlot slot) {
		return slot.getCurrentReportId() == null && today().isAfter(cycle.getDueDate());
	}

	// --- milestones, risks, issues ---

	@Transactional(readOnly = true)
	public List<Milestone> milestonesOf(UUID projectId) {
		requireReader();
		return milestones.findByProjectIdOrderByPlanned(projectId);
	}

	@Transactional(readOnly = true)
	public Milestone milestone(UUID id) {
		requireReader();
		return milestones.findById(id).orElseThrow(() -> new NotFoundException("milestone " + id));
	}

	/** Creates ({@code id == null}) or changes a milestone; dependents see the new forecast at once. */
	public Milestone saveMilestone(ProjectSnapshot project, UUID id, Long version, String title, LocalDate planned,
			LocalDate forecast, LocalDate actual, boolean completion, boolean published) {
		requireReporter(project);
		MonitoringRules.checkMilestone(title, planned, forecast, actual, today());
		Milestone milestone;
		boolean wasPublished = false;
		if (id == null) {
			milestone = new Milestone(project.id());
		}
		else {
			milestone = milestones.findById(id).filter(m -> m.getProjectId().equals(project.id()))
				.orElseThrow(() -> new NotFoundException("milestone " + id));
			if (version != null && !version.equals(milestone.getVersion())) {
				throw new StaleVersionException(milestone.getVersion());
			}
			wasPublished = milestone.isPublished();
		}
		milestone.apply(title, planned, forecast, actual, completion, published);
		Milestone saved = milestones.save(milestone);
		events.publishEvent(new MilestoneChanged(project.id(), saved.getId(), published, wasPublished));
		return saved;
	}

	/** The rules of {@link #saveMilestone} alone: throws InvalidInput naming every broken one, stores nothing. */
	@Transactional(readOnly = true)
	public void checkMilestone(String title, LocalDate planned, LocalDate forecast, LocalDate actual) {
		MonitoringRules.checkMilestone(title, planned, forecast, actual, today());
	}

	/** The rules of {@link #addRisk} alone. */
	@Transactional(readOnly = true)
	public void checkRisk(String title, Integer probability, Integer impact, String owner, String mitigation) {
		MonitoringRules.checkRisk(title, probability, impact, owner, mitigation);
	}

	/** The rules of {@link #addIssue} alone. */
	@Transactional(readOnly = true)
	public void checkIssue(String title, String owner) {
		MonitoringRules.checkIssue(title, owner);
	}

	/** The rules of {@link #openCycle} alone. */
	@Transactional(readOnly = true)
	public void checkCycle(String label, ReportingCycle.Cadence cadence, LocalDate periodEnd, LocalDate dueDate) {
		MonitoringRules.checkCycle(label, cadence, periodEnd, dueDate, today());
	}

	@Transactional(readOnly = true)
	public List<Risk> risksOf(UUID projectId) {
		requireReader();
		return risks.findByProjectIdOrderByTitle(projectId);
	}

	public Risk addRisk(ProjectSnapshot project, String title, Integer probability, Integer impact, String owner,
			String mitigation) {
		requireReporter(project);
		MonitoringRules.checkRisk(title, probability, impact, owner, mitigation);
		return risks.save(new Risk(project.id(), title, probability, impact, owner, mitigation));
	}

	public void closeRisk(ProjectSnapshot project, UUID riskId) {
		requireReporter(project);
		risks.findById(riskId).filter(r -> r.getProjectId().equals(project.id()))
			.orElseThrow(() -> new NotFoundException("risk " + riskId)).close();
	}

	@Transactional(readOnly = true)
	public List<Issue> issuesOf(UUID projectId) {
		requireReader();
		return issues.findByProjectIdOrderByDue(projectId);
	}

	public Issue addIssue(ProjectSnapshot project, String title, String owner, LocalDate due) {
		requireReporter(project);
		MonitoringRules.checkIssue(title, owner);
		return issues.save(new Issue(project.id(), title, owner, due));
	}

	public void closeIssue(ProjectSnapshot project, UUID issueId) {
		requireReporter(project);
		issues.findById(issueId).filter(i -> i.getProjectId().equals(project.id()))
			.orElseThrow(() -> new NotFoundException("issue " + issueId)).close();
	}

	// --- who may ---

	public static boolean mayManageCycles() {
		return LeitstandUser.current().map(u -> u.has(Role.PORTFOLIO_MANAGER)).orElse(false);
	}

	public static boolean mayReport(ProjectSnapshot project) {
		return LeitstandUser.current()
			.map(u -> u.has(Role.PORTFOLIO_MANAGER) || (u.has(Role.PROJECT_LEAD) && u.actsFor(project.leadUnitId())))
			.orElse(false);
	}

	static LeitstandUser requireReader() {
		LeitstandUser user = LeitstandUser.current().orElseThrow(() -> new AccessDeniedException("not signed in"));
		if (user.roles().isEmpty()) {
			throw new AccessDeniedException("no role");
		}
		return user;
	}

	private static LeitstandUser requireManager() {
		LeitstandUser user = requireReader();
		if (!user.has(Role.PORTFOLIO_MANAGER)) {
			throw new AccessDeniedException("only the portfolio office manages reporting cycles");
		}
		return user;
	}

	private static void requireReporter(ProjectSnapshot project) {
		requireReader();
		if (!mayReport(project)) {
			throw new AccessDeniedException("may not report on " + project.key());
		}
	}
}
