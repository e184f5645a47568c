package de.leitstand.strategy.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import de.leitstand.shared.validation.PlainText;
import de.leitstand.strategy.KpiDirection;
import de.leitstand.strategy.internal.FieldOfAction;
import de.leitstand.strategy.internal.Kpi;
import de.leitstand.strategy.internal.MeasureBundle;
import de.leitstand.strategy.internal.StrategicGoal;
import de.leitstand.strategy.internal.Strategy;

/**
 * Form-backing beans of the strategy house. Each carries the version it was loaded with, so a save over someone
 * else's change is caught and shown, never silently applied.
 */
final class StrategyForms {

	private StrategyForms() {
	}

	static class StrategyForm {

		@NotBlank(message = "{validation.required}")
		@Size(max = 200, message = "{validation.size.max}")
		@PlainText
		private String title;

		@NotBlank(message = "{validation.required}")
		@Size(max = 500, message = "{validation.size.max}")
		@PlainText
		private String vision;

		@NotBlank(message = "{validation.required}")
		@Size(max = 2000, message = "{validation.size.max}")
		@PlainText
		private String mission;

		@Size(max = 500, message = "{validation.size.max}")
		@PlainText
		private String crossCutting;

		@NotNull(message = "{validation.required}")
		private LocalDate validFrom;

		private LocalDate validTo;

		private long version;

		static StrategyForm of(Strategy s) {
			StrategyForm f = new StrategyForm();
			f.title = s.getTitle();
			f.vision = s.getVision();
			f.mission = s.getMission();
			f.crossCutting = s.getCrossCutting();
			f.validFrom = s.getValidFrom();
			f.validTo = s.getValidTo();
			f.version = s.getVersion();
			return f;
		}

		public String getTitle() {
			return title;
		}

		public void setTitle(String title) {
			this.title = title;
		}

		public String getVision() {
			return vision;
		}

		public void setVision(String vision) {
			this.vision = vision;
		}

		public String getMission() {
			return mission;
		}

		public void setMission(String mission) {
			this.mission = mission;
		}

		public String getCrossCutting() {
			return crossCutting;
		}

		public void setCrossCutting(String crossCutting) {
			this.crossCutting = crossCutting;
		}

		public LocalDate getValidFrom() {
			return validFrom;
		}

		public void setValidFrom(LocalDate validFrom) {
			this.validFrom = validFrom;
		}

		public LocalDate getValidTo() {
			return validTo;
		}

		public void setValidTo(LocalDate validTo) {
			this.validTo = validTo;
		}

		public long getVersion() {
			return version;
		}

		public void setVersion(long version) {
			this.version = version;
		}
	}

	static class CopyForm {

		@NotBlank(message = "{validation.required}")
		@Size(max = 200, message = "{validation.size.max}")
		@PlainText
		private String newTitle;

		public String getNewTitle() {
			return newTitle;
		}

		public void setNewTitle(String newTitle) {
			this.newTitle = newTitle;
		}
	}

	static class FieldForm {

		@NotNull(message = "{validation.required}")
		@Min(value = 1, message = "{validation.range}")
		@Max(value = 20, message = "{validation.range}")
		private Integer number;

		@NotBlank(message = "{validation.required}")
		@Size(max = 200, message = "{validation.size.max}")
		@PlainText
		private String name;

		@Size(max = 2000, message = "{validation.size.max}")
		@PlainText
		private String description;

		private long version;

		static FieldForm of(FieldOfAction field) {
			FieldForm f = new FieldForm();
			f.number = field.getNumber();
			f.name = field.getName();
			f.description = field.getDescription();
			f.version = field.getVersion();
			return f;
		}

		public Integer getNumber() {
			return number;
		}

		public void setNumber(Integer number) {
			this.number = number;
		}

		public String getName() {
			return name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getDescription() {
			return description;
		}

		public void setDescription(String description) {
			this.description = description;
		}

		public long getVersion() {
			return version;
		}

		public void setVersion(long version) {
			this.version = version;
		}
	}

	static class GoalForm {

		@NotBlank(message = "{validation.required}")
		@Size(max = 30, message = "{validation.size.max}")
		@Pattern(regexp = "[\\p{L}0-9._-]*", message = "{validation.code}")
		private String code;

		@NotBlank(message = "{validation.required}")
		@Size(max = 300, message = "{validation.size.max}")
		@PlainText
		private String title;

		@Size(max = 4000, message = "{validation.size.max}")
		@PlainText
		private String description;

		private long version;

		static GoalForm of(StrategicGoal goal) {
			GoalForm f = new GoalForm();
			f.code = goal.getCode();
			f.title = goal.getTitle();
			f.description = goal.getDescription();
			f.version = goal.getVersion();
			return f;
		}

		public String getCode() {
			return code;
		}

		public void setCode(String code) {
			this.code = code;
		}

		public String getTitle() {
			return title;
		}

		public void setTitle(String title) {
			this.title = title;
		}

		public String getDescription() {
			return description;
		}

		public void setDescription(String description) {
			this.description = description;
		}

		public long getVersion() {
			return version;
		}

		public void setVersion(long version) {
			this.version = version;
		}
	}

	static class KpiForm {

		@NotBlank(message = "{validation.required}")
		@Size(max = 300, message = "{validation.size.max}")
		@PlainText
		private String name;

		@NotBlank(message = "{validation.required}")
		@Size(max = 40, message = "{validation.size.max}")
		@PlainText
		private String unit;

		@NotNull(message = "{validation.required}")
		@DecimalMin(value = "-1000000000000", message = "{validation.number.range}")
		@DecimalMax(value = "1000000000000", message = "{validation.number.range}")
		private BigDecimal baselineValue;

		@NotNull(message = "{validation.required}")
		private LocalDate baselineDate;

		@NotNull(message = "{validation.required}")
		@DecimalMin(value = "-1000000000000", message = "{validation.number.range}")
		@DecimalMax(value = "1000000000000", message = "{validation.number.range}")
		private BigDecimal targetValue;

		@NotNull(message = "{validation.required}")
		private LocalDate targetDate;

		@NotNull(message = "{validation.required}")
		private KpiDirection direction = KpiDirection.HIGHER_IS_BETTER;

		private long version;

		static KpiForm of(Kpi kpi) {
			KpiForm f = new KpiForm();
			f.name = kpi.getName();
			f.unit = kpi.getUnit();
			f.baselineValue = kpi.getBaselineValue().stripTrailingZeros();
			f.baselineDate = kpi.getBaselineDate();
			f.targetValue = kpi.getTargetValue().stripTrailingZeros();
			f.targetDate = kpi.getTargetDate();
			f.direction = kpi.getDirection();
			f.version = kpi.getVersion();
			return f;
		}

		public String getName() {
			return name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getUnit() {
			return unit;
		}

		public void setUnit(String unit) {
			this.unit = unit;
		}

		public BigDecimal getBaselineValue() {
			return baselineValue;
		}

		public void setBaselineValue(BigDecimal baselineValue) {
			this.baselineValue = baselineValue;
		}

		public LocalDate getBaselineDate() {
			return baselineDate;
		}

		public void setBaselineDate(LocalDate baselineDate) {
			this.baselineDate = baselineDate;
		}

		public BigDecimal getTargetValue() {
			return targetValue;
		}

		public void setTargetValue(BigDecimal targetValue) {
			this.targetValue = targetValue;
		}

		public LocalDate getTargetDate() {
			return targetDate;
		}

		public void setTargetDate(LocalDate targetDate) {
			this.targetDate = targetDate;
		}

		public KpiDirection getDirection() {
			return direction;
		}

		public void setDirection(KpiDirection direction) {
			this.direction = direction;
		}

		public long getVersion() {
			return version;
		}

		public void setVersion(long version) {
			this.version = version;
		}
	}

	static class BundleForm {

		@NotNull(message = "{validation.required}")
		private UUID fieldId;

		@NotBlank(message = "{validation.required}")
		@Size(max = 30, message = "{validation.size.max}")
		@Pattern(regexp = "[\\p{L}0-9._-]*", message = "{validation.code}")
		private String code;

		@NotBlank(message = "{validation.required}")
		@Size(max = 300, message = "{validation.size.max}")
		@PlainText
		private String title;

		@Size(max = 4000, message = "{validation.size.max}")
		@PlainText
		private String description;

		private Set<UUID> goalIds = new LinkedHashSet<>();

		private long version;

		static BundleForm of(MeasureBundle bundle) {
			BundleForm f = new BundleForm();
			f.fieldId = bundle.getField().getId();
			f.code = bundle.getCode();
			f.title = bundle.getTitle();
			f.description = bundle.getDescription();
			bundle.getGoals().forEach(g -> f.goalIds.add(g.getId()));
			f.version = bundle.getVersion();
			return f;
		}

		public UUID getFieldId() {
			return fieldId;
		}

		public void setFieldId(UUID fieldId) {
			this.fieldId = fieldId;
		}

		public String getCode() {
			return code;
		}

		public void setCode(String code) {
			this.code = code;
		}

		public String getTitle() {
			return title;
		}

		public void setTitle(String title) {
			this.title = title;
		}

		public String getDescription() {
			return description;
		}

		public void setDescription(String description) {
			this.description = description;
		}

		public Set<UUID> getGoalIds() {
			return goalIds;
		}

		public void setGoalIds(Set<UUID> goalIds) {
			this.goalIds = goalIds == null ? new LinkedHashSet<>() : goalIds;
		}

		public long getVersion() {
			return version;
		}

		public void setVersion(long version) {
			this.version = version;
		}
	}
}
