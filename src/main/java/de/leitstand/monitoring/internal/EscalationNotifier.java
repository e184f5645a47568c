package de.leitstand.monitoring.internal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import de.leitstand.monitoring.MilestoneChanged;
import de.leitstand.monitoring.StatusReportSubmitted;
import de.leitstand.organization.NotificationKind;
import de.leitstand.organization.Notifier;
import de.leitstand.organization.Role;
import de.leitstand.portfolio.ProjectChanged;
import de.leitstand.portfolio.ProjectSnapshot;

/**
 * Tells the portfolio office by e-mail (kind {@link NotificationKind#ESCALATION}) what needs its attention: a
 * submitted status report that asks for a decision or escalation, and a project that has just become "gefährdet
 * durch Abhängigkeit". Mails go out only after the change committed. Each endangered project is mailed once
 * (remembered in {@code monitoring_dependency_alert}) and again only after it had recovered in between; a corrected
 * report is mailed again only if its escalation text changed.
 */
@Component
class EscalationNotifier {

	private static final Logger log = LoggerFactory.getLogger(EscalationNotifier.class);

	private final DependencyAnalysis dependencies;
	private final ProjectCache projects;
	private final ReportingCycles cycles;
	private final ReportSlots slots;
	private final StatusReports reports;
	private final Notifier notifier;
	private final JdbcTemplate jdbc;
	private final MonitoringService service;
	private final TransactionTemplate newTransaction;

	EscalationNotifier(DependencyAnalysis dependencies, ProjectCache projects, ReportingCycles cycles,
			ReportSlots slots, StatusReports reports, Notifier notifier, JdbcTemplate jdbc, MonitoringService service,
			PlatformTransactionManager transactions) {
		this.dependencies = dependencies;
		this.projects = projects;
		this.cycles = cycles;
		this.slots = slots;
		this.reports = reports;
		this.notifier = notifier;
		this.jdbc = jdbc;
		this.service = service;
		this.newTransaction = new TransactionTemplate(transactions);
		this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	// --- decision or escalation needed ---

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(StatusReportSubmitted event) {
		if (!event.decisionNeeded()) {
			return;
		}
		Notifier.Mail mail = newTransaction.execute(s -> decisionMail(event));
		if (mail != null) {
			notifier.notifyRole(Role.PORTFOLIO_MANAGER, null, NotificationKind.ESCALATION, mail);
		}
	}

	private Notifier.Mail decisionMail(StatusReportSubmitted event) {
		ReportSlot slot = slots.findByCycleIdAndProjectId(event.cycleId(), event.projectId()).orElse(null);
		ReportingCycle cycle = cycles.findById(event.cycleId()).orElse(null);
		if (slot == null || cycle == null) {
			return null;
		}
		List<StatusReport> versions = reports.findBySlotIdOrderByReportVersionDesc(slot.getId());
		StatusReport current = versions.stream().filter(r -> r.getReportVersion() == event.reportVersion())
			.findFirst().orElse(null);
		if (current == null || current.getDecisionNeeded() == null) {
			return null;
		}
		boolean alreadyAsked = versions.stream()
			.filter(r -> r.getReportVersion() < current.getReportVersion() && !r.isDraft())
			.findFirst()
			.map(previous -> Objects.equals(previous.getDecisionNeeded(), current.getDecisionNeeded()))
			.orElse(false);
		if (alreadyAsked) {
			return null;
		}
		String title = projects.find(event.projectId()).map(ProjectSnapshot::title).orElse("");
		Map<String, Object> model = new HashMap<>();
		model.put("projectKey", event.projectKey());
		model.put("projectTitle", title);
		model.put("cycleLabel", cycle.getLabel());
		model.put("cycleId", cycle.getId().toString());
		model.put("decision", current.getDecisionNeeded());
		model.put("overall", current.getOverall().name());
		model.put("submittedBy", current.getSubmittedBy());
		return Notifier.Mail.of("mail.escalationDecision.subject", "escalation-decision", model, event.projectKey(),
				title);
	}

	// --- gefährdet durch Abhängigkeit ---

	@EventListener
	void on(MilestoneChanged event) {
		checkAfterCommit(false);
	}

	@EventListener
	void on(ProjectChanged event) {
		// A changed plan, status or prerequisite list; the cache of projects must not answer with the old one.
		checkAfterCommit(true);
	}

	/**
	 * Runs {@link #checkDependencies()} once after the current transaction committed, however many changes it made
	 * (an import of many projects is one check, not one per project); at once without a transaction.
	 */
	private void checkAfterCommit(boolean projectsChanged) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			if (projectsChanged) {
				projects.invalidate();
			}
			checkDependencies();
			return;
		}
		Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
		if (pending != null) {
			pending.projectsChanged |= projectsChanged;
			return;
		}
		Pending registered = new Pending(projectsChanged);
		TransactionSynchronizationManager.bindResource(this, registered);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				if (registered.projectsChanged) {
					projects.invalidate();
				}
				try {
					checkDependencies();
				}
				catch (RuntimeException ex) {
					// The change itself is committed; a failed alert must not turn it into an error page.
					log.warn("Could not check dependencies for alerts: {}", ex.toString());
				}
			}

			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(EscalationNotifier.this);
			}
		});
	}

	private static final class Pending {

		boolean projectsChanged;

		Pending(boolean projectsChanged) {
			this.projectsChanged = projectsChanged;
		}
	}

	/** A project that has just become endangered, with its chains ("P-0003 ← P-0002 ← P-0001"). */
	record Alert(ProjectSnapshot dependent, List<String> chains, List<DependencyAnalysis.Edge> lateEdges) {
	}

	/**
	 * Compares the endangered projects with those the portfolio office was told about: mails the new ones, forgets
	 * the recovered ones. Returns how many projects were newly reported.
	 */
	int checkDependencies() {
		List<Alert> alerts;
		try {
			alerts = newTransaction.execute(s -> recordChanges());
		}
		catch (DataIntegrityViolationException ex) {
			// Another node recorded (and mails) the same project at the same moment.
			return 0;
		}
		for (Alert alert : alerts) {
			Map<String, Object> model = new HashMap<>();
			model.put("projectKey", alert.dependent().key());
			model.put("projectTitle", alert.dependent().title());
			model.put("chains", alert.chains());
			model.put("edges", alert.lateEdges().stream()
				.map(e -> new EdgeLine(e.prerequisite().key(), e.prerequisite().title(), e.neededBy(), e.expected()))
				.toList());
			notifier.notifyRole(Role.PORTFOLIO_MANAGER, null, NotificationKind.ESCALATION,
					Notifier.Mail.of("mail.dependencyRisk.subject", "dependency-risk", model, alert.dependent().key(),
							alert.dependent().title()));
		}
		return alerts.size();
	}

	/** A late prerequisite as the mail shows it. */
	public record EdgeLine(String key, String title, java.time.LocalDate neededBy, java.time.LocalDate expected) {
	}

	private List<Alert> recordChanges() {
		DependencyAnalysis.Graph graph = dependencies.graph();
		Map<UUID, String> known = new LinkedHashMap<>();
		jdbc.query("select dependent_id, chain from monitoring_dependency_alert",
				rs -> {
					known.put(rs.getObject(1, UUID.class), rs.getString(2));
				});
		Set<UUID> endangered = graph.chains().keySet();
		for (UUID id : known.keySet()) {
			if (!endangered.contains(id)) {
				jdbc.update("delete from monitoring_dependency_alert where dependent_id = ?", id);
			}
		}
		List<Alert> fresh = new ArrayList<>();
		for (Map.Entry<UUID, List<List<ProjectSnapshot>>> entry : graph.chains().entrySet()) {
			if (known.containsKey(entry.getKey())) {
				continue;
			}
			List<String> chains = entry.getValue().stream()
				.map(chain -> chain.stream().map(ProjectSnapshot::key).collect(Collectors.joining(" ← ")))
				.toList();
			String text = String.join("; ", chains);
			jdbc.update("insert into monitoring_dependency_alert (dependent_id, chain, notified_at) values (?, ?, ?)",
					entry.getKey(), text.length() > 2000 ? text.substring(0, 2000) : text,
					Timestamp.from(service.now()));
			ProjectSnapshot dependent = entry.getValue().get(0).get(0);
			List<DependencyAnalysis.Edge> late = graph.edges().stream()
				.filter(DependencyAnalysis.Edge::late)
				.filter(e -> entry.getValue().stream().anyMatch(chain -> chain.contains(e.dependent())
						&& chain.contains(e.prerequisite())))
				.toList();
			fresh.add(new Alert(dependent, chains, late));
		}
		return fresh;
	}
}
