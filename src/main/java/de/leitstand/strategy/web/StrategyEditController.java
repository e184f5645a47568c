package de.leitstand.strategy.web;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.leitstand.shared.RuleViolation;
import de.leitstand.shared.StaleVersionException;
import de.leitstand.shared.web.ConflictPage;
import de.leitstand.shared.web.Option;
import de.leitstand.strategy.KpiDirection;
import de.leitstand.strategy.internal.FieldOfAction;
import de.leitstand.strategy.internal.Kpi;
import de.leitstand.strategy.internal.MeasureBundle;
import de.leitstand.strategy.internal.StrategicGoal;
import de.leitstand.strategy.internal.Strategy;
import de.leitstand.strategy.internal.StrategyService;
import de.leitstand.strategy.web.StrategyForms.BundleForm;
import de.leitstand.strategy.web.StrategyForms.CopyForm;
import de.leitstand.strategy.web.StrategyForms.FieldForm;
import de.leitstand.strategy.web.StrategyForms.GoalForm;
import de.leitstand.strategy.web.StrategyForms.KpiForm;
import de.leitstand.strategy.web.StrategyForms.StrategyForm;

/**
 * Edit forms of the strategy house for the portfolio office. URL rules and the service both require the
 * portfolio manager role; a stale version leads to the conflict page.
 */
@Controller
@RequestMapping("/strategy")
class StrategyEditController {

	static final String EDIT_STRATEGY = "strategy/edit-strategy";
	static final String COPY = "strategy/copy";
	static final String EDIT_FIELD = "strategy/edit-field";
	static final String EDIT_GOAL = "strategy/edit-goal";
	static final String EDIT_KPI = "strategy/edit-kpi";
	static final String EDIT_BUNDLE = "strategy/edit-bundle";
	static final String FORM = "form";

	private final StrategyService strategies;
	private final MessageSource messages;

	StrategyEditController(StrategyService strategies, MessageSource messages) {
		this.strategies = strategies;
		this.messages = messages;
	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	// --- strategy version ---

	@GetMapping("/versions/{id}/edit")
	String editStrategy(@PathVariable UUID id, Model model) {
		Strategy strategy = strategies.strategy(id);
		model.addAttribute(FORM, StrategyForm.of(strategy));
		model.addAttribute("strategy", strategy);
		return EDIT_STRATEGY;
	}

	@PostMapping("/versions/{id}/edit")
	String saveStrategy(@PathVariable UUID id, @Valid @ModelAttribute(FORM) StrategyForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		model.addAttribute("strategy", strategies.strategy(id));
		return save(result, EDIT_STRATEGY, () -> strategies.describeStrategy(id, form.getVersion(), form.getTitle(),
				form.getVision(), form.getMission(), form.getCrossCutting(), form.getValidFrom(), form.getValidTo()),
				() -> ConflictPage.show(model, form, StrategyForm.of(strategies.strategy(id)),
						strategies.strategy(id).getVersion(), "/strategy/versions/" + id + "/edit",
						"/strategy/versions/" + id),
				response, redirect, "/strategy/versions/" + id);
	}

	@GetMapping("/versions/{id}/copy")
	String copyForm(@PathVariable UUID id, Model model) {
		Strategy strategy = strategies.strategy(id);
		CopyForm form = new CopyForm();
		form.setNewTitle(strategy.getTitle() + " – " + message("strategy.copy.suffix"));
		model.addAttribute(FORM, form);
		model.addAttribute("strategy", strategy);
		return COPY;
	}

	@PostMapping("/versions/{id}/copy")
	String copy(@PathVariable UUID id, @Valid @ModelAttribute(FORM) CopyForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			model.addAttribute("strategy", strategies.strategy(id));
			return COPY;
		}
		Strategy copy = strategies.copyAsDraft(id, form.getNewTitle());
		redirect.addFlashAttribute("success", "strategy.copy.done");
		return "redirect:/strategy/versions/" + copy.getId();
	}

	@PostMapping("/versions/{id}/activate")
	String activate(@PathVariable UUID id, RedirectAttributes redirect) {
		strategies.activate(id);
		redirect.addFlashAttribute("success", "strategy.activate.done");
		return "redirect:/strategy";
	}

	// --- field of action ---

	@GetMapping("/versions/{id}/fields/new")
	String newField(@PathVariable UUID id, Model model) {
		model.addAttribute(FORM, new FieldForm());
		model.addAttribute("strategy", strategies.strategy(id));
		return EDIT_FIELD;
	}

	@PostMapping("/versions/{id}/fields/new")
	String createField(@PathVariable UUID id, @Valid @ModelAttribute(FORM) FieldForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		model.addAttribute("strategy", strategies.strategy(id));
		return save(result, EDIT_FIELD,
				() -> strategies.addField(id, form.getNumber(), form.getName(), form.getDescription()), null,
				response, redirect, "/strategy/versions/" + id);
	}

	@GetMapping("/fields/{id}/edit")
	String editField(@PathVariable UUID id, Model model) {
		FieldOfAction field = strategies.field(id);
		model.addAttribute(FORM, FieldForm.of(field));
		model.addAttribute("field", field);
		model.addAttribute("strategy", field.getStrategy());
		return EDIT_FIELD;
	}

	@PostMapping("/fields/{id}/edit")
	String saveField(@PathVariable UUID id, @Valid @ModelAttribute(FORM) FieldForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		FieldOfAction field = strategies.field(id);
		model.addAttribute("field", field);
		model.addAttribute("strategy", field.getStrategy());
		return save(result, EDIT_FIELD,
				() -> strategies.describeField(id, form.getVersion(), form.getNumber(), form.getName(),
						form.getDescription()),
				() -> ConflictPage.show(model, form, FieldForm.of(strategies.field(id)),
						strategies.field(id).getVersion(), "/strategy/fields/" + id + "/edit",
						"/strategy/fields/" + id),
				response, redirect, "/strategy/fields/" + id);
	}

	// --- goal ---

	@GetMapping("/fields/{id}/goals/new")
	String newGoal(@PathVariable UUID id, Model model) {
		model.addAttribute(FORM, new GoalForm());
		model.addAttribute("field", strategies.field(id));
		return EDIT_GOAL;
	}

	@PostMapping("/fields/{id}/goals/new")
	String createGoal(@PathVariable UUID id, @Valid @ModelAttribute(FORM) GoalForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		model.addAttribute("field", strategies.field(id));
		UUID[] created = new UUID[1];
		String view = save(result, EDIT_GOAL,
				() -> created[0] = strategies.addGoal(id, form.getCode(), form.getTitle(), form.getDescription())
					.getId(),
				null, response, redirect, null);
		return created[0] == null ? view : "redirect:/strategy/goals/" + created[0];
	}

	@GetMapping("/goals/{id}/edit")
	String editGoal(@PathVariable UUID id, Model model) {
		StrategicGoal goal = strategies.goal(id);
		model.addAttribute(FORM, GoalForm.of(goal));
		model.addAttribute("goal", goal);
		model.addAttribute("field", goal.getField());
		return EDIT_GOAL;
	}

	@PostMapping("/goals/{id}/edit")
	String saveGoal(@PathVariable UUID id, @Valid @ModelAttribute(FORM) GoalForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		StrategicGoal goal = strategies.goal(id);
		model.addAttribute("goal", goal);
		model.addAttribute("field", goal.getField());
		return save(result, EDIT_GOAL,
				() -> strategies.describeGoal(id, form.getVersion(), form.getCode(), form.getTitle(),
						form.getDescription()),
				() -> ConflictPage.show(model, form, GoalForm.of(strategies.goal(id)),
						strategies.goal(id).getVersion(), "/strategy/goals/" + id + "/edit",
						"/strategy/goals/" + id),
				response, redirect, "/strategy/goals/" + id);
	}

	// --- KPI ---

	@GetMapping("/goals/{id}/kpis/new")
	String newKpi(@PathVariable UUID id, Model model) {
		model.addAttribute(FORM, new KpiForm());
		model.addAttribute("goal", strategies.goal(id));
		addDirections(model);
		return EDIT_KPI;
	}

	@PostMapping("/goals/{id}/kpis/new")
	String createKpi(@PathVariable UUID id, @Valid @ModelAttribute(FORM) KpiForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		model.addAttribute("goal", strategies.goal(id));
		addDirections(model);
		checkDates(form, result);
		return save(result, EDIT_KPI,
				() -> strategies.addKpi(id, form.getName(), form.getUnit(), form.getBaselineValue(),
						form.getBaselineDate(), form.getTargetValue(), form.getTargetDate(), form.getDirection()),
				null, response, redirect, "/strategy/goals/" + id);
	}

	@GetMapping("/kpis/{id}/edit")
	String editKpi(@PathVariable UUID id, Model model) {
		Kpi kpi = strategies.kpi(id);
		model.addAttribute(FORM, KpiForm.of(kpi));
		model.addAttribute("kpi", kpi);
		model.addAttribute("goal", kpi.getGoal());
		addDirections(model);
		return EDIT_KPI;
	}

	@PostMapping("/kpis/{id}/edit")
	String saveKpi(@PathVariable UUID id, @Valid @ModelAttribute(FORM) KpiForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		Kpi kpi = strategies.kpi(id);
		model.addAttribute("kpi", kpi);
		model.addAttribute("goal", kpi.getGoal());
		addDirections(model);
		checkDates(form, result);
		return save(result, EDIT_KPI,
				() -> strategies.defineKpi(id, form.getVersion(), form.getName(), form.getUnit(),
						form.getBaselineValue(), form.getBaselineDate(), form.getTargetValue(), form.getTargetDate(),
						form.getDirection()),
				() -> ConflictPage.show(model, form, KpiForm.of(strategies.kpi(id)), strategies.kpi(id).getVersion(),
						"/strategy/kpis/" + id + "/edit", "/strategy/kpis/" + id),
				response, redirect, "/strategy/kpis/" + id);
	}

	// --- measure bundle ---

	@GetMapping("/fields/{id}/bundles/new")
	String newBundle(@PathVariable UUID id, Model model) {
		FieldOfAction field = strategies.field(id);
		BundleForm form = new BundleForm();
		form.setFieldId(id);
		model.addAttribute(FORM, form);
		model.addAttribute("newBundleFieldId", id);
		addBundleChoices(model, field.getStrategy());
		return EDIT_BUNDLE;
	}

	@PostMapping("/fields/{id}/bundles/new")
	String createBundle(@PathVariable UUID id, @Valid @ModelAttribute(FORM) BundleForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		FieldOfAction field = strategies.field(id);
		model.addAttribute("newBundleFieldId", id);
		addBundleChoices(model, field.getStrategy());
		UUID[] created = new UUID[1];
		String view = save(result, EDIT_BUNDLE,
				() -> created[0] = strategies.addBundle(form.getFieldId() == null ? id : form.getFieldId(),
						form.getCode(), form.getTitle(), form.getDescription(), form.getGoalIds()).getId(),
				null, response, redirect, null);
		return created[0] == null ? view : "redirect:/strategy/bundles/" + created[0];
	}

	@GetMapping("/bundles/{id}/edit")
	String editBundle(@PathVariable UUID id, Model model) {
		MeasureBundle bundle = strategies.bundle(id);
		model.addAttribute(FORM, BundleForm.of(bundle));
		model.addAttribute("bundle", bundle);
		addBundleChoices(model, bundle.getField().getStrategy());
		return EDIT_BUNDLE;
	}

	@PostMapping("/bundles/{id}/edit")
	String saveBundle(@PathVariable UUID id, @Valid @ModelAttribute(FORM) BundleForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		MeasureBundle bundle = strategies.bundle(id);
		model.addAttribute("bundle", bundle);
		addBundleChoices(model, bundle.getField().getStrategy());
		return save(result, EDIT_BUNDLE,
				() -> strategies.describeBundle(id, form.getVersion(), form.getFieldId(), form.getCode(),
						form.getTitle(), form.getDescription(), form.getGoalIds()),
				() -> ConflictPage.show(model, form, BundleForm.of(strategies.bundle(id)),
						strategies.bundle(id).getVersion(), "/strategy/bundles/" + id + "/edit",
						"/strategy/bundles/" + id),
				response, redirect, "/strategy/bundles/" + id);
	}

	// --- helpers ---

	/**
	 * The one save path of every form: re-show the form on validation errors or a broken rule (at its field),
	 * show the conflict page on a stale version, otherwise redirect with a success message.
	 */
	private String save(BindingResult result, String formView, Runnable action, Supplier<String> conflict,
			HttpServletResponse response, RedirectAttributes redirect, String successUrl) {
		if (result.hasErrors()) {
			response.setStatus(422);
			return formView;
		}
		try {
			action.run();
		}
		catch (RuleViolation violation) {
			if (violation.field() != null) {
				result.rejectValue(violation.field(), violation.messageKey(), violation.arguments(),
						violation.messageKey());
			}
			else {
				result.reject(violation.messageKey(), violation.arguments(), violation.messageKey());
			}
			response.setStatus(422);
			return formView;
		}
		catch (StaleVersionException stale) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return conflict.get();
		}
		redirect.addFlashAttribute("success", "common.saved");
		return successUrl == null ? null : "redirect:" + successUrl;
	}

	private static void checkDates(KpiForm form, BindingResult result) {
		if (form.getBaselineDate() != null && form.getTargetDate() != null
				&& !form.getTargetDate().isAfter(form.getBaselineDate())) {
			result.rejectValue("targetDate", "kpi.error.targetBeforeBaseline");
		}
	}

	private void addDirections(Model model) {
		model.addAttribute("directions", List.of(KpiDirection.values()).stream()
			.map(d -> new Option(d.name(), message("enum.KpiDirection." + d.name())))
			.toList());
	}

	private void addBundleChoices(Model model, Strategy strategy) {
		model.addAttribute("strategy", strategy);
		model.addAttribute("fieldOptions", strategy.getFields().stream()
			.map(f -> new Option(f.getId().toString(), f.getNumber() + " " + f.getName()))
			.toList());
		model.addAttribute("goalOptions", strategies.goalsOf(strategy.getId()).stream()
			.map(g -> new Option(g.getId().toString(), g.getCode() + " " + g.getTitle()))
			.toList());
	}

	private String message(String key) {
		return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}
}
