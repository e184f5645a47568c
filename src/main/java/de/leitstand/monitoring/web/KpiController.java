package de.leitstand.monitoring.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.leitstand.monitoring.KpiAchievement.FieldStatus;
import de.leitstand.monitoring.KpiAchievement.KpiStatus;
import de.leitstand.monitoring.internal.kpi.KpiImportReader;
import de.leitstand.monitoring.internal.kpi.KpiMeasurement;
import de.leitstand.monitoring.internal.kpi.KpiService;
import de.leitstand.shared.InvalidInput;
import de.leitstand.shared.NotFoundException;
import de.leitstand.shared.StaleVersionException;
import de.leitstand.shared.audit.ChangeHistory;
import de.leitstand.shared.web.ConflictPage;
import tools.jackson.databind.json.JsonMapper;

/**
 * KPI measurements (entry per KPI, import) and the strategy achievement dashboard with its drill-down: fields →
 * goals → KPI → measurements. Everybody signed in reads; the service lets only the portfolio office and admins
 * enter.
 */
@Controller
class KpiController {

	static final String ACHIEVEMENT = "kpi/achievement";
	static final String FIELD = "kpi/field";
	static final String KPI = "kpi/kpi";
	static final String IMPORT = "kpi/import";
	static final String MEASUREMENT = "kpi/measurement";
	static final String FORM = "form";

	private final KpiService kpis;
	private final JsonMapper json;
	private final ChangeHistory history;

	KpiController(KpiService kpis, JsonMapper json, ChangeHistory history) {
		this.kpis = kpis;
		this.json = json;
		this.history = history;
	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "/strategy/achievement";
	}

	@GetMapping("/strategy/achievement")
	String achievement(Model model) {
		List<FieldStatus> fields = kpis.fields();
		model.addAttribute("fields", fields);
		model.addAttribute("chart", json.writeValueAsString(Map.of("labels",
				fields.stream().map(f -> f.number() + " " + f.name()).toList(), "values",
				fields.stream().map(f -> round(f.achievementPercent())).toList())));
		return ACHIEVEMENT;
	}

	@GetMapping("/strategy/achievement/fields/{fieldId}")
	String field(@PathVariable UUID fieldId, Model model) {
		FieldStatus field = kpis.fields().stream().filter(f -> f.fieldId().equals(fieldId)).findFirst()
			.orElseThrow(() -> new NotFoundException("field " + fieldId));
		model.addAttribute("field", field);
		model.addAttribute("chart", json.writeValueAsString(Map.of("labels",
				field.goals().stream().map(g -> g.code()).toList(), "values",
				field.goals().stream().map(g -> round(g.achievementPercent())).toList())));
		return FIELD;
	}

	@GetMapping("/kpis/{kpiId}")
	String kpi(@PathVariable UUID kpiId, Model model) {
		model.addAttribute(FORM, new MeasurementForm());
		return showKpi(kpiId, model);
	}

	@PostMapping("/kpis/{kpiId}")
	String record(@PathVariable UUID kpiId, @ModelAttribute(FORM) MeasurementForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		try {
			kpis.record(kpiId, new KpiService.Entry(form.getMeasuredOn(), form.getValue(), form.getUnit(),
					form.getSource()));
		}
		catch (InvalidInput invalid) {
			invalid.problems().forEach(p -> result.rejectValue(p.field(), p.messageKey(), p.args(), p.messageKey()));
			response.setStatus(422);
			return showKpi(kpiId, model);
		}
		redirect.addFlashAttribute("success", "kpi.measurement.saved");
		return "redirect:/kpis/" + kpiId;
	}

	private String showKpi(UUID kpiId, Model model) {
		KpiService.KpiRef ref = kpis.kpi(kpiId);
		KpiStatus status = kpis.status(kpiId);
		model.addAttribute("ref", ref);
		model.addAttribute("status", status);
		List<de.leitstand.monitoring.internal.kpi.KpiMeasurement> list = new java.util.ArrayList<>(kpis.measurementsOf(kpiId));
		java.util.Collections.reverse(list);
		model.addAttribute("measurements", list);
		model.addAttribute("mayEnter", KpiService.mayEnter());
		model.addAttribute("chart", json.writeValueAsString(lineChart(status)));
		return KPI;
	}

	// --- one measurement: correct, delete, its history ---

	@GetMapping("/kpis/{kpiId}/measurements/{measurementId}")
	String measurement(@PathVariable UUID kpiId, @PathVariable UUID measurementId, Model model) {
		KpiMeasurement m = kpis.measurement(kpiId, measurementId);
		model.addAttribute(FORM, MeasurementForm.of(m));
		return showMeasurement(kpiId, m, model);
	}

	@PostMapping("/kpis/{kpiId}/measurements/{measurementId}")
	String change(@PathVariable UUID kpiId, @PathVariable UUID measurementId,
			@ModelAttribute(FORM) MeasurementForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		String here = "/kpis/" + kpiId + "/measurements/" + measurementId;
		try {
			kpis.change(kpiId, measurementId, form.getVersion() == null ? -1 : form.getVersion(),
					new KpiService.Entry(form.getMeasuredOn(), form.getValue(), form.getUnit(), form.getSource()));
		}
		catch (StaleVersionException stale) {
			// Someone corrected it meanwhile: show both versions, keep this user's input, overwrite nothing.
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return ConflictPage.show(model, form, MeasurementForm.of(kpis.measurement(kpiId, measurementId)),
					stale.currentVersion(), here, here);
		}
		catch (InvalidInput invalid) {
			invalid.problems().forEach(p -> result.rejectValue(p.field(), p.messageKey(), p.args(), p.messageKey()));
			response.setStatus(422);
			return showMeasurement(kpiId, kpis.measurement(kpiId, measurementId), model);
		}
		redirect.addFlashAttribute("success", "kpi.measurement.changed");
		return "redirect:/kpis/" + kpiId + "#measurements";
	}

	@PostMapping("/kpis/{kpiId}/measurements/{measurementId}/delete")
	String delete(@PathVariable UUID kpiId, @PathVariable UUID measurementId,
			@RequestParam(required = false) Long version, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			kpis.delete(kpiId, measurementId, version == null ? -1 : version);
		}
		catch (StaleVersionException stale) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			KpiMeasurement current = kpis.measurement(kpiId, measurementId);
			model.addAttribute(FORM, MeasurementForm.of(current));
			model.addAttribute("deleteProblem", "kpi.measurement.deleteStale");
			return showMeasurement(kpiId, current, model);
		}
		redirect.addFlashAttribute("success", "kpi.measurement.deleted");
		return "redirect:/kpis/" + kpiId + "#measurements";
	}

	private String showMeasurement(UUID kpiId, KpiMeasurement m, Model model) {
		model.addAttribute("ref", kpis.kpi(kpiId));
		model.addAttribute("measurement", m);
		model.addAttribute("mayEnter", KpiService.mayEnter());
		model.addAttribute("revisions", history.of(KpiMeasurement.class, m.getId()));
		return MEASUREMENT;
	}

	/** Data for kpi-charts.js: measurements, the target line and the trend from baseline to target date. */
	static Map<String, Object> lineChart(KpiStatus s) {
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("unit", s.unit());
		chart.put("baseline", List.of(s.baselineDate().toString(), s.baselineValue()));
		chart.put("measurements", s.measurements().stream().map(p -> List.of(p.date().toString(), p.value()))
			.toList());
		chart.put("target", List.of(s.targetDate().toString(), s.targetValue()));
		if (s.forecastAtTarget() != null) {
			chart.put("forecast", List.of(s.targetDate().toString(), round(s.forecastAtTarget())));
		}
		return chart;
	}

	@GetMapping("/kpis/import")
	String importForm(Model model) {
		if (!KpiService.mayEnter()) {
			throw new AccessDeniedException("KPI import is for the portfolio office");
		}
		return IMPORT;
	}

	@PostMapping("/kpis/import")
	String importFile(@RequestParam(name = "file", required = false) MultipartFile file, Model model,
			RedirectAttributes redirect, HttpServletResponse response) throws IOException {
		try {
			if (file == null || file.isEmpty()) {
				throw InvalidInput.of("file", "kpi.import.empty");
			}
			int count = kpis.importRows(KpiImportReader.read(file.getOriginalFilename(), file.getBytes()));
			redirect.addFlashAttribute("imported", count);
			redirect.addFlashAttribute("success", "kpi.import.done");
			return "redirect:/strategy/achievement";
		}
		catch (InvalidInput invalid) {
			if (!KpiService.mayEnter()) {
				throw new AccessDeniedException("KPI import is for the portfolio office");
			}
			model.addAttribute("problems", invalid.problems());
			response.setStatus(422);
			return IMPORT;
		}
	}

	static Double round(Double value) {
		return value == null ? null : Math.round(value * 10) / 10.0;
	}

	/** The entry form as typed; parsing and rules live in the service (shared with API and import). */
	static class MeasurementForm {

		private Long version;
		private String measuredOn;
		private String value;
		private String unit;
		private String source;

		/** The stored measurement as the form shows it (German number notation). */
		static MeasurementForm of(KpiMeasurement m) {
			MeasurementForm form = new MeasurementForm();
			form.version = m.getVersion();
			form.measuredOn = m.getMeasuredOn().toString();
			form.value = m.getValue().stripTrailingZeros().toPlainString().replace('.', ',');
			form.unit = m.getUnit();
			form.source = m.getSource();
			return form;
		}

		public Long getVersion() {
			return version;
		}

		public void setVersion(Long version) {
			this.version = version;
		}

		public String getMeasuredOn() {
			return measuredOn;
		}

		public void setMeasuredOn(String measuredOn) {
			this.measuredOn = measuredOn;
		}

		public String getValue() {
			return value;
		}

		public void setValue(String value) {
			this.value = value;
		}

		public String getUnit() {
			return unit;
		}

		public void setUnit(String unit) {
			this.unit = unit;
		}

		public String getSource() {
			return source;
		}

		public void setSource(String source) {
			this.source = source;
		}
	}
}
