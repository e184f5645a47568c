package de.leitstand.monitoring.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import de.leitstand.organization.NotificationKind;
import de.leitstand.organization.Notifier;
import de.leitstand.organization.Role;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Reminds the leads of each office of reports not yet submitted: once when the due date is {@code days} days
 * away (or nearer), once when it has passed. Runs every morning on one node of the cluster (ShedLock);
 * {@link #remind(LocalDate)} is the job itself.
 */
@Component
public class ReminderJob {

	private final ReportingCycles cycles;
	private final ReportSlots slots;
	private final Notifier notifier;
	private final MonitoringService service;
	private final int days;
	private final TransactionTemplate transaction;

	ReminderJob(ReportingCycles cycles, ReportSlots slots, Notifier notifier, MonitoringService service,
			@Value("${leitstand.monitoring.reminder-days:3}") int days, PlatformTransactionManager transactions) {
		this.cycles = cycles;
		this.slots = slots;
		this.notifier = notifier;
		this.service = service;
		this.days = days;
		this.transaction = new TransactionTemplate(transactions);
	}

	public record Result(int reminders, int overdue) {
	}

	@Scheduled(cron = "${leitstand.monitoring.reminder-cron:0 0 7 * * *}", zone = "Europe/Berlin")
	@SchedulerLock(name = "monitoring-reminders", lockAtMostFor = "PT30M")
	public void run() {
		// A call of remind() from here would bypass its @Transactional proxy: the slots' "sent" marks were never
		// stored, and every run mailed the same reminders again. The transaction commits inside the lock.
		transaction.executeWithoutResult(status -> remind(service.today()));
	}

	@Transactional
	public Result remind(LocalDate today) {
		int reminders = 0;
		int overdue = 0;
		for (ReportingCycle cycle : cycles.findByClosedFalse()) {
			boolean isOverdue = today.isAfter(cycle.getDueDate());
			boolean isSoon = !isOverdue && !today.isBefore(cycle.getDueDate().minusDays(days));
			if (!isOverdue && !isSoon) {
				continue;
			}
			Map<UUID, List<ReportSlot>> pendingByUnit = new LinkedHashMap<>();
			for (ReportSlot slot : slots.findByCycleIdOrderByProjectKey(cycle.getId())) {
				boolean pending = slot.getCurrentReportId() == null
						&& (isOverdue ? slot.getOverdueSentAt() == null : slot.getReminderSentAt() == null);
				if (pending) {
					pendingByUnit.computeIfAbsent(slot.getLeadUnitId(), u -> new ArrayList<>()).add(slot);
				}
			}
			for (Map.Entry<UUID, List<ReportSlot>> entry : pendingByUnit.entrySet()) {
				List<String> keys = entry.getValue().stream().map(ReportSlot::getProjectKey).toList();
				Map<String, Object> model = MonitoringService.mailModel(cycle, keys);
				model.put("days", String.valueOf(java.time.temporal.ChronoUnit.DAYS.between(today, cycle.getDueDate())));
				Notifier.Mail mail = isOverdue
						? Notifier.Mail.of("mail.reportOverdue.subject", "report-overdue", model, cycle.getLabel())
						: Notifier.Mail.of("mail.reportReminder.subject", "report-reminder", model, cycle.getLabel());
				notifier.notifyRole(Role.PROJECT_LEAD, entry.getKey(), NotificationKind.REMINDER, mail);
				for (ReportSlot slot : entry.getValue()) {
					if (isOverdue) {
						slot.overdueSent(service.now());
						overdue++;
					}
					else {
						slot.reminderSent(service.now());
						reminders++;
					}
				}
			}
		}
		return new Result(reminders, overdue);
	}
}
