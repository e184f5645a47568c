package de.leitstand.monitoring.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.envers.Audited;

import de.leitstand.monitoring.TrafficLight;
import de.leitstand.shared.RuleViolation;

/**
 * One version of a project's status report in a cycle. A draft can be edited; submitting freezes it. A correction
 * is a new version (a draft copy of the latest submitted one); the latest submitted version counts.
 */
@Entity
@Table(name = "monitoring_report")
@Audited
public class StatusReport {

	public enum State {
		DRAFT, SUBMITTED
	}

	@Id
	private UUID id;

	@Column(name = "slot_id", nullable = false)
	private UUID slotId;

	@Column(name = "cycle_id", nullable = false)
	private UUID cycleId;

	@Column(name = "project_id", nullable = false)
	private UUID projectId;

	@Column(name = "report_version", nullable = false)
	private int reportVersion;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private State state = State.DRAFT;

	@Enumerated(EnumType.STRING)
	@Column(name = "overall_light", nullable = false, length = 10)
	private TrafficLight overall;

	@Enumerated(EnumType.STRING)
	@Column(name = "scope_light", nullable = false, length = 10)
	private TrafficLight scope;

	@Enumerated(EnumType.STRING)
	@Column(name = "time_light", nullable = false, length = 10)
	private TrafficLight time;

	@Enumerated(EnumType.STRING)
	@Column(name = "cost_light", nullable = false, length = 10)
	private TrafficLight cost;

	@Enumerated(EnumType.STRING)
	@Column(name = "risk_light", nullable = false, length = 10)
	private TrafficLight risk;

	@Column(name = "progress_percent", nullable = false)
	private int progressPercent;

	@Column(nullable = false, length = 4000)
	private String summary;

	@Column(length = 4000)
	private String achievements;

	@Column(name = "next_steps", length = 4000)
	private String nextSteps;

	@Column(name = "decision_needed", length = 4000)
	private String decisionNeeded;

	@ElementCollection
	@CollectionTable(name = "monitoring_report_cost", joinColumns = @JoinColumn(name = "report_id"))
	private Set<ActualCost> actualCosts = new LinkedHashSet<>();

	@Column(name = "created_by", nullable = false, length = 100)
	private String createdBy;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "submitted_by", length = 100)
	private String submittedBy;

	@Column(name = "submitted_at")
	private Instant submittedAt;

	@Version
	private Long version;

	protected StatusReport() {
	}

	StatusReport(ReportSlot slot, int reportVersion, ReportContent content, String by, Instant now) {
		this.id = UUID.randomUUID();
		this.slotId = slot.getId();
		this.cycleId = slot.getCycleId();
		this.projectId = slot.getProjectId();
		this.reportVersion = reportVersion;
		this.createdBy = by;
		this.createdAt = now;
		apply(content);
	}

	/** A correction: version n+1 as a draft with the content of this submitted version. */
	StatusReport correction(ReportSlot slot, String by, Instant now) {
		return new StatusReport(slot, reportVersion + 1, content(), by, now);
	}

	void update(ReportContent content) {
		requireDraft();
		apply(content);
	}

	void submit(String by, Instant now) {
		requireDraft();
		this.state = State.SUBMITTED;
		this.submittedBy = by;
		this.submittedAt = now;
	}

	private void requireDraft() {
		if (state != State.DRAFT) {
			throw new RuleViolation("report.frozen", null);
		}
	}

	private void apply(ReportContent c) {
		this.overall = c.overall();
		this.scope = c.scope();
		this.time = c.time();
		this.cost = c.cost();
		this.risk = c.risk();
		this.progressPercent = c.progressPercent();
		this.summary = c.summary().strip();
		this.achievements = blankToNull(c.achievements());
		this.nextSteps = blankToNull(c.nextSteps());
		this.decisionNeeded = blankToNull(c.decisionNeeded());
		this.actualCosts.clear();
		if (c.actualCosts() != null) {
			c.actualCosts().forEach((year, amount) -> {
				if (amount != null) {
					actualCosts.add(new ActualCost(year, amount));
				}
			});
		}
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	public ReportContent content() {
		return new ReportContent(overall, scope, time, cost, risk, progressPercent, summary, achievements, nextSteps,
				decisionNeeded, getActualCostsByYear());
	}

	public Map<Integer, BigDecimal> getActualCostsByYear() {
		Map<Integer, BigDecimal> byYear = new TreeMap<>();
		actualCosts.forEach(c -> byYear.put(c.year(), c.amount()));
		return byYear;
	}

	public List<ActualCost> getActualCosts() {
		return actualCosts.stream().sorted(Comparator.comparingInt(ActualCost::year)).toList();
	}

	public boolean isDraft() {
		return state == State.DRAFT;
	}

	public UUID getId() {
		return id;
	}

	public UUID getSlotId() {
		return slotId;
	}

	public UUID getCycleId() {
		return cycleId;
	}

	public UUID getProjectId() {
		return projectId;
	}

	public int getReportVersion() {
		return reportVersion;
	}

	public State getState() {
		return state;
	}

	public TrafficLight getOverall() {
		return overall;
	}

	public TrafficLight getScope() {
		return scope;
	}

	public TrafficLight getTime() {
		return time;
	}

	public TrafficLight getCost() {
		return cost;
	}

	public TrafficLight getRisk() {
		return risk;
	}

	public int getProgressPercent() {
		return progressPercent;
	}

	public String getSummary() {
		return summary;
	}

	public String getAchievements() {
		return achievements;
	}

	public String getNextSteps() {
		return nextSteps;
	}

	public String getDecisionNeeded() {
		return decisionNeeded;
	}

	public String getCreatedBy() {
		return createdBy;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public String getSubmittedBy() {
		return submittedBy;
	}

	public Instant getSubmittedAt() {
		return submittedAt;
	}

	public Long getVersion() {
		return version;
	}
}
