package de.leitstand.reporting.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import de.leitstand.monitoring.KpiAchievement.FieldStatus;
import de.leitstand.monitoring.KpiAchievement.KpiStatus;
import de.leitstand.monitoring.TrafficLight;

/**
 * Everything the council report (Gemeinderatsbericht) of one reporting cycle shows, gathered once so that the PDF
 * and the XLSX show the same figures. Nothing in here depends on the time of generation: the same data gives the
 * same document.
 */
public record CouncilReport(UUID cycleId, String city, String cycleLabel, LocalDate periodEnd, int expected,
		int submitted, List<LightCount> lights, List<ProjectLine> projects, List<FieldSection> fields,
		List<BudgetYear> budget, BudgetYear budgetTotal, List<ProjectLine> escalations, List<FieldStatus> achievement,
		List<KpiStatus> kpis) {

	public record LightCount(TrafficLight light, long count) {
	}

	public record ProjectLine(String key, String title, String office, TrafficLight overall, TrafficLight scope,
			TrafficLight time, TrafficLight cost, TrafficLight risk, int progressPercent, String decisionNeeded,
			boolean late) {
	}

	public record FieldSection(String label, List<ProjectLine> projects) {
	}

	/** Planned (investment + running) against actual costs of the reported projects in one year (EUR). */
	public record BudgetYear(int year, BigDecimal plan, BigDecimal actual) {

		public BigDecimal deviation() {
			return actual.subtract(plan);
		}
	}
}
