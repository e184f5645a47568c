package de.leitstand.prioritization.web;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.leitstand.organization.LeitstandUser;
import de.leitstand.organization.OrgUnitDirectory;
import de.leitstand.organization.OrgUnitView;
import de.leitstand.organization.Role;
import de.leitstand.portfolio.ProjectDirectory;
import de.leitstand.portfolio.ProjectSnapshot;
import de.leitstand.prioritization.internal.board.AgendaItem;
import de.leitstand.prioritization.internal.board.BoardDates;
import de.leitstand.prioritization.internal.board.BoardMeeting;
import de.leitstand.prioritization.internal.board.BoardPack;
import de.leitstand.prioritization.internal.board.BoardService;
import de.leitstand.prioritization.internal.board.Decision;
import de.leitstand.prioritization.internal.board.DecisionChain;
import de.leitstand.prioritization.internal.board.ItemType;
import de.leitstand.prioritization.internal.board.MeetingStatus;
import de.leitstand.prioritization.internal.board.Outcome;
import de.leitstand.prioritization.web.BoardForms.AnchorForm;
import de.leitstand.prioritization.web.BoardForms.DecisionForm;
import de.leitstand.prioritization.web.BoardForms.ItemForm;
import de.leitstand.prioritization.web.BoardForms.MeetingForm;
import de.leitstand.shared.InvalidInput;
import de.leitstand.shared.RuleViolation;
import de.leitstand.shared.web.Option;

/**
 * Pages of the Digitalisierungsboard: meetings, a meeting with its agenda and decisions (recorded inline under the
 * item), the decision log, the chain verification and the board pack PDF.
 */
@Controller
class BoardController {

	static final String MEETINGS = "board/meetings";
	static final String MEETING = "board/meeting";
	static final String NEW_MEETING = "board/new-meeting";
	static final String DECISIONS = "board/decisions";
	static final String VERIFY = "board/verify";

	private final BoardService board;
	private final DecisionChain chain;
	private final BoardPack pack;
	private final ProjectDirectory projects;
	private final OrgUnitDirectory units;
	private final MessageSource messages;

	BoardController(BoardService board, DecisionChain chain, BoardPack pack, ProjectDirectory projects,
			OrgUnitDirectory units, MessageSource messages) {
		this.board = board;
		this.chain = chain;
		this.pack = pack;
		this.projects = projects;
		this.units = units;
		this.messages = messages;
	}

	@InitBinder
	void noIds(WebDataBinder binder) {
		binder.setDisallowedFields("id", "version");
	}

	@GetMapping("/board/meetings")
	String meetings(Model model) {
		model.addAttribute("meetings", board.meetings());
		model.addAttribute("canPrepare", has(Role.PORTFOLIO_MANAGER));
		return MEETINGS;
	}

	@GetMapping("/board/meetings/new")
	String newMeeting(Model model) {
		requireRole(Role.PORTFOLIO_MANAGER);
		model.addAttribute("form", new MeetingForm());
		return NEW_MEETING;
	}

	@PostMapping("/board/meetings/new")
	String schedule(@ModelAttribute("form") MeetingForm form, BindingResult result, HttpServletResponse response) {
		if (!result.hasErrors()) {
			try {
				BoardMeeting meeting = board.schedule(new BoardService.MeetingInput(form.getMeetingTitle(),
						BoardDates.toInstant(form.getScheduledAt()), form.getDurationMinutes(), form.getLocation()));
				return "redirect:/board/meetings/" + meeting.getId();
			}
			catch (InvalidInput invalid) {
				reject(result, invalid);
			}
		}
		response.setStatus(422);
		return NEW_MEETING;
	}

	@GetMapping("/board/meetings/{id}")
	String meeting(@PathVariable UUID id, @RequestParam(required = false) UUID decide, Model model) {
		DecisionForm form = new DecisionForm();
		form.setItemId(decide);
		return renderMeeting(id, decide, form, new ItemForm(), model);
	}

	@PostMapping("/board/meetings/{id}/items")
	String addItem(@PathVariable UUID id, @ModelAttribute("itemForm") ItemForm form, BindingResult result,
			Model model, HttpServletResponse response) {
		if (!result.hasErrors()) {
			try {
				board.addItem(id, new BoardService.ItemInput(form.getItemType(), form.getProjectId(),
						form.getScenarioId(), form.getItemTitle(), form.getNote()));
				return "redirect:/board/meetings/" + id + "#agenda";
			}
			catch (InvalidInput invalid) {
				reject(result, invalid);
			}
		}
		response.setStatus(422);
		model.addAttribute("itemErrors", true);
		return renderMeeting(id, null, new DecisionForm(), form, model);
	}

	@PostMapping("/board/meetings/{id}/decisions")
	String decide(@PathVariable UUID id, @ModelAttribute("decisionForm") DecisionForm form, BindingResult result,
			Model model, HttpServletResponse response) {
		if (!result.hasErrors()) {
			try {
				board.decide(id, new BoardService.DecisionInput(form.getItemId(), form.getOutcome(),
						form.getRationale(), form.getConditions(), form.getCorrectsId()));
				return "redirect:/board/meetings/" + id + "#item-" + form.getItemId();
			}
			catch (InvalidInput invalid) {
				reject(result, invalid);
			}
			catch (RuleViolation violation) {
				if (violation.field() == null) {
					throw violation;
				}
				result.rejectValue("outcome", violation.messageKey(), violation.arguments(), violation.messageKey());
			}
		}
		response.setStatus(422);
		return renderMeeting(id, form.getItemId(), form, new ItemForm(), model);
	}

	@PostMapping("/board/meetings/{id}/open")
	String open(@PathVariable UUID id) {
		board.open(id);
		return "redirect:/board/meetings/" + id;
	}

	@PostMapping("/board/meetings/{id}/close")
	String close(@PathVariable UUID id, RedirectAttributes redirect) {
		board.close(id);
		redirect.addFlashAttribute("success", "board.meeting.closed.notice");
		return "redirect:/board/meetings/" + id;
	}

	@PostMapping("/board/meetings/{id}/invitation")
	String invite(@PathVariable UUID id, RedirectAttributes redirect) {
		int sent = board.invite(id);
		redirect.addFlashAttribute("notice", "board.invitation.sent");
		redirect.addFlashAttribute("noticeArgs", new Object[] { Integer.toString(sent) });
		return "redirect:/board/meetings/" + id;
	}

	@GetMapping(path = "/board/meetings/{id}/pack.pdf")
	ResponseEntity<byte[]> pack(@PathVariable UUID id) {
		byte[] pdf = pack.render(id, LocaleContextHolder.getLocale());
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"sitzungsunterlage.pdf\"").body(pdf);
	}

	@GetMapping("/board/decisions")
	String decisions(@RequestParam(required = false) String outcome, @RequestParam(required = false) String meeting,
			Model model) {
		Outcome chosen = Arrays.stream(Outcome.values()).filter(o -> o.name().equals(outcome)).findFirst()
			.orElse(null);
		UUID meetingId = parse(meeting);
		List<Decision> log = board.log(chosen, meetingId);
		List<BoardMeeting> all = board.meetings();
		model.addAttribute("decisions", log);
		model.addAttribute("meetingsById", all.stream().collect(Collectors.toMap(BoardMeeting::getId,
				Function.identity())));
		model.addAttribute("projectsById", projectsOf(log.stream().map(Decision::getProjectId).toList()));
		model.addAttribute("outcomes", outcomeOptions());
		model.addAttribute("meetingOptions",
				all.stream().map(m -> new Option(m.getId().toString(), m.getTitle())).toList());
		model.addAttribute("selectedOutcome", chosen == null ? "" : chosen.name());
		model.addAttribute("selectedMeeting", meetingId == null ? "" : meetingId.toString());
		return DECISIONS;
	}

	@GetMapping("/board/verify")
	String verify(@ModelAttribute("anchorForm") AnchorForm form, BindingResult binding, HttpServletResponse response,
			Model model) {
		requireRole(Role.BOARD, Role.PORTFOLIO_MANAGER, Role.ADMIN);
		DecisionChain.Anchor anchor = null;
		if (form.getAnchor() != null && !form.getAnchor().isBlank()) {
			anchor = DecisionChain.Anchor.parse(form.getAnchor()).orElse(null);
			if (anchor == null) {
				binding.rejectValue("anchor", "board.verify.anchor.invalid");
				response.setStatus(422);
			}
		}
		DecisionChain.Verification result = anchor == null ? chain.verify() : chain.verify(anchor);
		model.addAttribute("result", result);
		if (result.firstBreak() != null) {
			DecisionChain.Break b = result.firstBreak();
			model.addAttribute("problemArgs", new Object[] { b.expected(), b.stored() });
			model.addAttribute("brokenMeeting", b.meetingId() == null ? null : board.meetings().stream()
				.filter(m -> m.getId().equals(b.meetingId())).findFirst().orElse(null));
			model.addAttribute("brokenProject", b.projectId() == null ? null : projects.find(b.projectId()).orElse(null));
		}
		return VERIFY;
	}

	private String renderMeeting(UUID id, UUID decide, DecisionForm decisionForm, ItemForm itemForm, Model model) {
		BoardMeeting meeting = board.meeting(id);
		List<AgendaItem> agenda = board.agenda(id);
		List<Decision> decisions = board.decisionsOf(id);
		Map<UUID, Decision> byItem = decisions.stream()
			.collect(Collectors.toMap(Decision::getItemId, Function.identity(), (a, b) -> a));
		Map<String, ProjectSnapshot> projectsById = projectsOf(agenda.stream().map(AgendaItem::getProjectId).toList());
		boolean canPrepare = has(Role.PORTFOLIO_MANAGER) && !meeting.isClosed();
		boolean canDecide = has(Role.BOARD) && meeting.getStatus() == MeetingStatus.OPEN;
		model.addAttribute("meeting", meeting);
		model.addAttribute("agenda", agenda);
		model.addAttribute("decisionsByItem", byItem.entrySet().stream()
			.collect(Collectors.toMap(e -> e.getKey().toString(), Map.Entry::getValue)));
		model.addAttribute("projectsById", projectsById);
		model.addAttribute("unitNames", unitNames());
		model.addAttribute("canPrepare", canPrepare);
		model.addAttribute("canDecide", canDecide);
		model.addAttribute("canOpen", has(Role.PORTFOLIO_MANAGER, Role.BOARD)
				&& meeting.getStatus() == MeetingStatus.PLANNED);
		model.addAttribute("canClose", has(Role.PORTFOLIO_MANAGER, Role.BOARD)
				&& meeting.getStatus() == MeetingStatus.OPEN);
		model.addAttribute("decide", canDecide && decide != null && !byItem.containsKey(decide) ? decide : null);
		model.addAttribute("decisionForm", decisionForm);
		model.addAttribute("itemForm", itemForm);
		model.addAttribute("outcomes", outcomeOptions());
		model.addAttribute("itemTypes", Arrays.stream(ItemType.values())
			.map(t -> new Option(t.name(), msg("enum.ItemType." + t))).toList());
		if (canPrepare) {
			model.addAttribute("candidates", board.candidates().stream()
				.map(p -> new Option(p.id().toString(), p.key() + " " + p.title() + " ("
						+ msg("enum.ProjectStatus." + p.status()) + ")"))
				.toList());
		}
		if (decide != null) {
			agenda.stream().filter(i -> i.getId().equals(decide)).findFirst().ifPresent(item -> model.addAttribute(
					"correctable", board.correctable(item).stream()
						.map(d -> new Option(d.getId().toString(), "#" + d.getChainSequence() + " "
								+ msg("enum.Outcome." + d.getOutcome()) + " – " + BoardDates.text(d.getDecidedAt())))
						.toList()));
		}
		return MEETING;
	}

	private Map<String, ProjectSnapshot> projectsOf(List<UUID> ids) {
		List<UUID> present = ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
		return projects.findAll(present).stream()
			.collect(Collectors.toMap(p -> p.id().toString(), Function.identity()));
	}

	private Map<String, String> unitNames() {
		Map<String, String> names = new HashMap<>();
		for (OrgUnitView unit : units.tree()) {
			names.put(unit.id().toString(), unit.code() + " " + unit.name());
		}
		return names;
	}

	private List<Option> outcomeOptions() {
		return Arrays.stream(Outcome.values()).map(o -> new Option(o.name(), msg("enum.Outcome." + o))).toList();
	}

	private String msg(String key) {
		return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}

	private static UUID parse(String value) {
		try {
			return value == null || value.isBlank() ? null : UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static void reject(BindingResult result, InvalidInput invalid) {
		for (InvalidInput.Problem p : invalid.problems()) {
			result.rejectValue(p.field(), p.messageKey(), p.args(), p.messageKey());
		}
	}

	private static boolean has(Role... roles) {
		return LeitstandUser.current().map(u -> u.hasAny(roles)).orElse(false);
	}

	private static void requireRole(Role... roles) {
		if (!has(roles)) {
			throw new AccessDeniedException("not permitted");
		}
	}
}
