package de.leitstand.monitoring.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.envers.Audited;

/**
 * A milestone (Meilenstein) with planned, forecast and actual dates. The completion milestone's forecast stands for
 * the project's end when other projects depend on it.
 */
@Entity
@Table(name = "monitoring_milestone")
@Audited
public class Milestone {

	@Id
	private UUID id;

	@Column(name = "project_id", nullable = false)
	private UUID projectId;

	@Column(nullable = false, length = 300)
	private String title;

	@Column(name = "planned_date", nullable = false)
	private LocalDate planned;

	@Column(name = "forecast_date")
	private LocalDate forecast;

	@Column(name = "actual_date")
	private LocalDate actual;

	@Column(nullable = false)
	private boolean completion;

	@Column(nullable = false)
	private boolean published;

	@Version
	private Long version;

	protected Milestone() {
	}

	public Milestone(UUID projectId) {
		this.id = UUID.randomUUID();
		this.projectId = projectId;
	}

	void apply(String title, LocalDate planned, LocalDate forecast, LocalDate actual, boolean completion,
			boolean published) {
		this.title = title.strip();
		this.planned = planned;
		this.forecast = forecast;
		this.actual = actual;
		this.completion = completion;
		this.published = published;
	}

	/** Actual, else forecast, else planned date. */
	public LocalDate expected() {
		return actual != null ? actual : forecast != null ? forecast : planned;
	}

	/** Days late (positive) or early (negative): (actual or forecast) minus plan. */
	public long slippageDays() {
		return ChronoUnit.DAYS.between(planned, expected());
	}

	public boolean isDone() {
		return actual != null;
	}

	public boolean isOverdue(LocalDate today) {
		return actual == null && expected().isBefore(today);
	}

	public UUID getId() {
		return id;
	}

	public UUID getProjectId() {
		return projectId;
	}

	public String getTitle() {
		return title;
	}

	public LocalDate getPlanned() {
		return planned;
	}

	public LocalDate getForecast() {
		return forecast;
	}

	public LocalDate getActual() {
		return actual;
	}

	public boolean isCompletion() {
		return completion;
	}

	public boolean isPublished() {
		return published;
	}

	public Long getVersion() {
		return version;
	}
}
