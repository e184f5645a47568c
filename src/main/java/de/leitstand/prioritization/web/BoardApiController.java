package de.leitstand.prioritization.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import de.leitstand.organization.LeitstandUser;
import de.leitstand.organization.Role;
import de.leitstand.portfolio.ProjectDirectory;
import de.leitstand.portfolio.ProjectSnapshot;
import de.leitstand.prioritization.internal.board.AgendaItem;
import de.leitstand.prioritization.internal.board.BoardMeeting;
import de.leitstand.prioritization.internal.board.BoardService;
import de.leitstand.prioritization.internal.board.Decision;
import de.leitstand.prioritization.internal.board.DecisionChain;
import de.leitstand.prioritization.internal.board.ItemType;
import de.leitstand.prioritization.internal.board.MeetingStatus;
import de.leitstand.prioritization.internal.board.Outcome;
import de.leitstand.shared.InvalidInput;
import de.leitstand.shared.web.ApiController;

/** Board meetings and decisions as JSON; errors as problem details. */
@ApiController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Board", description = "Digitalisierungsboard: meetings (Sitzungen) and decisions (Beschlüsse)")
@SecurityRequirement(name = "basic")
class BoardApiController {

	private final BoardService board;
	private final DecisionChain chain;
	private final ProjectDirectory projects;

	BoardApiController(BoardService board, DecisionChain chain, ProjectDirectory projects) {
		this.board = board;
		this.chain = chain;
		this.projects = projects;
	}

	record MeetingSummary(UUID id, String title, Instant scheduledAt, int durationMinutes, String location,
			MeetingStatus status, boolean exampleData) {

		static MeetingSummary of(BoardMeeting m) {
			return new MeetingSummary(m.getId(), m.getTitle(), m.getScheduledAt(), m.getDurationMinutes(),
					m.getLocation(), m.getStatus(), m.isExampleData());
		}
	}

	record ItemJson(UUID id, int position, ItemType type, String title, String projectKey, UUID scenarioId,
			String note) {
	}

	record DecisionJson(UUID id, UUID itemId, String projectKey, Outcome outcome, String rationale,
			String conditions, String decidedBy, Instant decidedAt, UUID corrects, Long sequence,
			String previousHash, String hash) {
	}

	record MeetingJson(UUID id, String title, Instant scheduledAt, int durationMinutes, String location,
			MeetingStatus status, Instant closedAt, boolean exampleData, List<ItemJson> agenda,
			List<DecisionJson> decisions) {
	}

	/** A decision as posted: the agenda item, the outcome, the rationale, conditions if any, a corrected decision. */
	record NewDecision(UUID itemId, Outcome outcome, String rationale, String conditions, UUID corrects) {
	}

	@GetMapping("/meetings")
	@Operation(summary = "All board meetings, newest first")
	List<MeetingSummary> meetings() {
		return board.meetings().stream().map(MeetingSummary::of).toList();
	}

	@GetMapping("/meetings/{id}")
	@Operation(summary = "One meeting with its agenda and decisions")
	MeetingJson meeting(@PathVariable UUID id) {
		BoardMeeting m = board.meeting(id);
		List<AgendaItem> agenda = board.agenda(id);
		List<Decision> decisions = board.decisionsOf(id);
		Map<UUID, String> keys = keys(agenda.stream().map(AgendaItem::getProjectId).toList());
		return new MeetingJson(m.getId(), m.getTitle(), m.getScheduledAt(), m.getDurationMinutes(), m.getLocation(),
				m.getStatus(), m.getClosedAt(), m.isExampleData(),
				agenda.stream().map(i -> new ItemJson(i.getId(), i.getPosition(), i.getType(), i.getTitle(),
						keys.get(i.getProjectId()), i.getScenarioId(), i.getNote())).toList(),
				decisions.stream().map(d -> json(d, keys)).toList());
	}

	@PostMapping(path = "/meetings/{id}/decisions", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Record a decision on an agenda item (board members, open meeting)",
			description = "Moves a proposal's project in its lifecycle. 422 lists missing rationale or conditions, "
					+ "409 if the meeting is not open or the lifecycle has no such step, 403 if not a board member.")
	ResponseEntity<DecisionJson> decide(@PathVariable UUID id, @RequestBody NewDecision body) {
		if (LeitstandUser.current().map(u -> !u.has(Role.BOARD)).orElse(true)) {
			throw new org.springframework.security.access.AccessDeniedException("board members only");
		}
		Decision d = board.decide(id, new BoardService.DecisionInput(body.itemId(), body.outcome(), body.rationale(),
				body.conditions(), body.corrects()));
		Map<UUID, String> keys = keys(java.util.Collections.singletonList(d.getProjectId()));
		return ResponseEntity.created(URI.create("/api/v1/meetings/" + id)).body(json(d, keys));
	}

	@GetMapping("/decisions/verify")
	@Operation(summary = "Recompute the hash chain of sealed decisions; names the first broken entry",
			description = "With anchor (a check value kept outside Leitstand, \"#N HASH\" as printed in a board pack) "
					+ "entry N must also carry that hash: a chain recomputed or cut back together with its stored head "
					+ "is detected this way. 422 if anchor is not such a value.")
	DecisionChain.Verification verify(@RequestParam(required = false) String anchor) {
		if (LeitstandUser.current().map(u -> !u.hasAny(Role.BOARD, Role.PORTFOLIO_MANAGER, Role.ADMIN)).orElse(true)) {
			throw new org.springframework.security.access.AccessDeniedException("not permitted");
		}
		if (anchor == null || anchor.isBlank()) {
			return chain.verify();
		}
		return chain.verify(DecisionChain.Anchor.parse(anchor)
			.orElseThrow(() -> InvalidInput.of("anchor", "board.verify.anchor.invalid")));
	}

	private Map<UUID, String> keys(List<UUID> ids) {
		List<UUID> present = ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
		return projects.findAll(present).stream()
			.collect(Collectors.toMap(ProjectSnapshot::id, ProjectSnapshot::key, (a, b) -> a));
	}

	private static DecisionJson json(Decision d, Map<UUID, String> keys) {
		return new DecisionJson(d.getId(), d.getItemId(), keys.get(d.getProjectId()), d.getOutcome(),
				d.getRationale(), d.getConditions(), d.getDecidedBy(), d.getDecidedAt(), d.getCorrectsId(),
				d.getChainSequence(), d.getPreviousHash(), d.getHash());
	}

	static Function<BoardMeeting, MeetingSummary> summary() {
		return MeetingSummary::of;
	}
}
