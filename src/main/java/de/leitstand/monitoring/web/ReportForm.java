package de.leitstand.monitoring.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import de.leitstand.monitoring.TrafficLight;
import de.leitstand.monitoring.internal.ReportContent;

/** The status report form; actual costs as one amount per budget year. */
public class ReportForm {

	private TrafficLight overall;
	private TrafficLight scope;
	private TrafficLight time;
	private TrafficLight cost;
	private TrafficLight risk;
	private Integer progressPercent;
	private String summary;
	private String achievements;
	private String nextSteps;
	private String decisionNeeded;
	private List<Integer> costYears = new ArrayList<>();
	private List<BigDecimal> costAmounts = new ArrayList<>();

	static ReportForm of(ReportContent c, List<Integer> years) {
		ReportForm f = new ReportForm();
		if (c != null) {
			f.overall = c.overall();
			f.scope = c.scope();
			f.time = c.time();
			f.cost = c.cost();
			f.risk = c.risk();
			f.progressPercent = c.progressPercent();
			f.summary = c.summary();
			f.achievements = c.achievements();
			f.nextSteps = c.nextSteps();
			f.decisionNeeded = c.decisionNeeded();
		}
		for (Integer y : years) {
			f.costYears.add(y);
			f.costAmounts.add(c == null || c.actualCosts() == null ? null : c.actualCosts().get(y));
		}
		return f;
	}

	ReportContent content() {
		Map<Integer, BigDecimal> costs = new TreeMap<>();
		for (int i = 0; i < costYears.size(); i++) {
			BigDecimal amount = i < costAmounts.size() ? costAmounts.get(i) : null;
			if (costYears.get(i) != null && amount != null) {
				costs.put(costYears.get(i), amount);
			}
		}
		return new ReportContent(overall, scope, time, cost, risk, progressPercent, summary, achievements, nextSteps,
				decisionNeeded, costs);
	}

	public TrafficLight getOverall() { return overall; }
	public void setOverall(TrafficLight v) { overall = v; }
	public TrafficLight getScope() { return scope; }
	public void setScope(TrafficLight v) { scope = v; }
	public TrafficLight getTime() { return time; }
	public void setTime(TrafficLight v) { time = v; }
	public TrafficLight getCost() { return cost; }
	public void setCost(TrafficLight v) { cost = v; }
	public TrafficLight getRisk() { return risk; }
	public void setRisk(TrafficLight v) { risk = v; }
	public Integer getProgressPercent() { return progressPercent; }
	public void setProgressPercent(Integer v) { progressPercent = v; }
	public String getSummary() { return summary; }
	public void setSummary(String v) { summary = v; }
	public String getAchievements() { return achievements; }
	public void setAchievements(String v) { achievements = v; }
	public String getNextSteps() { return nextSteps; }
	public void setNextSteps(String v) { nextSteps = v; }
	public String getDecisionNeeded() { return decisionNeeded; }
	public void setDecisionNeeded(String v) { decisionNeeded = v; }
	public List<Integer> getCostYears() { return costYears; }
	public void setCostYears(List<Integer> v) { costYears = v; }
	public List<BigDecimal> getCostAmounts() { return costAmounts; }
	public void setCostAmounts(List<BigDecimal> v) { costAmounts = v; }
}
