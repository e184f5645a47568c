package de.leitstand.prioritization.internal.board;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import de.leitstand.organization.LeitstandUser;
import de.leitstand.organization.NotificationKind;
import de.leitstand.organization.Notifier;
import de.leitstand.organization.Role;
import de.leitstand.portfolio.ProjectDirectory;
import de.leitstand.portfolio.ProjectSnapshot;
import de.leitstand.portfolio.ProjectStatus;
import de.leitstand.shared.InvalidInput;
import de.leitstand.shared.InvalidInput.Problem;
import de.leitstand.shared.NotFoundException;
import de.leitstand.shared.RuleViolation;
import de.leitstand.shared.validation.PlainText;

/**
 * The Digitalisierungsboard: the portfolio office prepares meetings and agendas, board members record decisions
 * while a meeting is open, closing a meeting seals its decisions into the hash chain. A decision on a proposal moves
 * the project in its lifecycle in the same transaction, so either both happen or neither.
 */
@Service
@Transactional
public class BoardService {

	public static final int MAX_TEXT = 4000;

	private final BoardMeetings meetings;
	private final AgendaItems items;
	private final Decisions decisions;
	private final DecisionChain chain;
	private final ProjectDirectory projects;
	private final Notifier notifier;
	private final Clock clock;

	BoardService(BoardMeetings meetings, AgendaItems items, Decisions decisions, DecisionChain chain,
			ProjectDirectory projects, Notifier notifier, Optional<Clock> clock) {
		this.meetings = meetings;
		this.items = items;
		this.decisions = decisions;
		this.chain = chain;
		this.projects = projects;
		this.notifier = notifier;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	public record MeetingInput(String title, Instant scheduledAt, Integer durationMinutes, String location) {
	}

	public record ItemInput(ItemType type, UUID projectId, UUID scenarioId, String title, String note) {
	}

	public record DecisionInput(UUID itemId, Outcome outcome, String rationale, String conditions, UUID correctsId) {
	}

	// --- reading (every signed-in user) ---

	@Transactional(readOnly = true)
	public List<BoardMeeting> meetings() {
		return meetings.findAllByOrderByScheduledAtDesc();
	}

	@Transactional(readOnly = true)
	public BoardMeeting meeting(UUID id) {
		return meetings.findById(id).orElseThrow(() -> new NotFoundException("meeting " + id));
	}

	@Transactional(readOnly = true)
	public List<AgendaItem> agenda(UUID meetingId) {
		return items.findByMeetingIdOrderByPosition(meetingId);
	}

	@Transactional(readOnly = true)
	public List<Decision> decisionsOf(UUID meetingId) {
		return decisions.findByMeetingIdOrderByDecidedAtAscIdAsc(meetingId);
	}

	@Transactional(readOnly = true)
	public Optional<Decision> decision(UUID id) {
		return decisions.findById(id);
	}

	/** The decision log, newest first, optionally filtered by outcome and meeting. */
	@Transactional(readOnly = true)
	public List<Decision> log(Outcome outcome, UUID meetingId) {
		return decisions.findAllByOrderByDecidedAtDesc().stream()
			.filter(d -> outcome == null || d.getOutcome() == outcome)
			.filter(d -> meetingId == null || d.getMeetingId().equals(meetingId)).toList();
	}

	/** Sealed decisions a correction on this agenda item may correct: those on the same project or scenario. */
	@Transactional(readOnly = true)
	public List<Decision> correctable(AgendaItem item) {
		if (item.getProjectId() != null) {
			return decisions.findByProjectIdAndHashIsNotNullOrderByChainSequence(item.getProjectId());
		}
		return List.of();
	}

	/** Proposals that may be put on an agenda: submitted, in review or deferred. */
	@Transactional(readOnly = true)
	public List<ProjectSnapshot> candidates() {
		return projects.inStatus(Set.of(ProjectStatus.SUBMITTED, ProjectStatus.IN_REVIEW, ProjectStatus.DEFERRED));
	}

	// --- preparing (portfolio office) ---

	public BoardMeeting schedule(MeetingInput input) {
		require(Role.PORTFOLIO_MANAGER);
		validate(input);
		return meetings.save(new BoardMeeting(input.title(), input.scheduledAt(), input.durationMinutes(),
				input.location(), false, LeitstandUser.currentName(), clock.instant()));
	}

	BoardMeeting scheduleExample(MeetingInput input) {
		validate(input);
		return meetings.save(new BoardMeeting(input.title(), input.scheduledAt(), input.durationMinutes(),
				input.location(), true, "system", clock.instant()));
	}

	public AgendaItem addItem(UUID meetingId, ItemInput input) {
		require(Role.PORTFOLIO_MANAGER);
		return add(meeting(meetingId), input);
	}

	AgendaItem add(BoardMeeting meeting, ItemInput input) {
		if (meeting.isClosed()) {
			throw new RuleViolation("board.error.meeting.closed", null, meeting.getTitle());
		}
		List<Problem> problems = new ArrayList<>();
		String title = input.title();
		if (input.type() == null) {
			problems.add(new Problem("itemType", "board.error.itemType.required"));
		}
		else if (input.type() == ItemType.PROPOSAL) {
			ProjectSnapshot project = input.projectId() == null ? null : projects.find(input.projectId()).orElse(null);
			if (project == null) {
				problems.add(new Problem("projectId", "board.error.project.required"));
			}
			else {
				title = project.key() + " " + project.title();
			}
		}
		else if (title == null || title.isBlank()) {
			problems.add(new Problem("itemTitle", "board.error.itemTitle.required"));
		}
		if (title != null && title.length() > 300) {
			problems.add(new Problem("itemTitle", "board.error.tooLong", "300"));
		}
		if (input.note() != null && input.note().length() > 2000) {
			problems.add(new Problem("note", "board.error.tooLong", "2000"));
		}
		if (input.type() != ItemType.PROPOSAL) {
			PlainText.Validator.check(problems, "itemTitle", title);
		}
		PlainText.Validator.check(problems, "note", input.note());
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		int position = agenda(meeting.getId()).stream().mapToInt(AgendaItem::getPosition).max().orElse(0) + 1;
		return items.save(new AgendaItem(meeting.getId(), position, input.type(),
				input.type() == ItemType.PROPOSAL ? input.projectId() : null,
				input.type() == ItemType.SCENARIO ? input.scenarioId() : null, title, input.note()));
	}

	public void open(UUID meetingId) {
		require(Role.PORTFOLIO_MANAGER, Role.BOARD);
		BoardMeeting meeting = meeting(meetingId);
		if (meeting.getStatus() != MeetingStatus.PLANNED) {
			throw new RuleViolation("board.error.meeting.notPlanned", null, meeting.getTitle());
		}
		meeting.open();
	}

	/** Closes an open meeting: its decisions are sealed into the hash chain and never change again. */
	public void close(UUID meetingId) {
		require(Role.PORTFOLIO_MANAGER, Role.BOARD);
		close(meeting(meetingId), LeitstandUser.currentName());
	}

	void close(BoardMeeting meeting, String by) {
		if (meeting.getStatus() != MeetingStatus.OPEN) {
			throw new RuleViolation("board.error.meeting.notOpen", null, meeting.getTitle());
		}
		Instant now = clock.instant();
		meeting.close(by, now);
		chain.append(decisionsOf(meeting.getId()), now);
		meetings.flush();
	}

	// --- deciding (board members, open meeting) ---

	public Decision decide(UUID meetingId, DecisionInput input) {
		require(Role.BOARD);
		return record(meeting(meetingId), input, LeitstandUser.currentName(), clock.instant());
	}

	Decision record(BoardMeeting meeting, DecisionInput input, String by, Instant at) {
		if (meeting.isClosed()) {
			throw new RuleViolation("board.error.meeting.closed", null, meeting.getTitle());
		}
		if (meeting.getStatus() != MeetingStatus.OPEN) {
			throw new RuleViolation("board.error.meeting.notOpen", null, meeting.getTitle());
		}
		AgendaItem item = input.itemId() == null ? null : items.findById(input.itemId()).orElse(null);
		if (item == null || !item.getMeetingId().equals(meeting.getId())) {
			throw new NotFoundException("agenda item " + input.itemId());
		}
		if (!item.isDecidable()) {
			throw new RuleViolation("board.error.item.notDecidable", null, item.getTitle());
		}
		if (!decisions.findByItemId(item.getId()).isEmpty()) {
			throw new RuleViolation("board.error.item.decided", null, item.getTitle());
		}
		List<Problem> problems = new ArrayList<>();
		if (input.outcome() == null) {
			problems.add(new Problem("outcome", "board.error.outcome.required"));
		}
		if (input.rationale() == null || input.rationale().isBlank()) {
			problems.add(new Problem("rationale", "board.error.rationale.required"));
		}
		else if (input.rationale().length() > MAX_TEXT) {
			problems.add(new Problem("rationale", "board.error.tooLong", "4000"));
		}
		if (input.outcome() == Outcome.APPROVED_WITH_CONDITIONS
				&& (input.conditions() == null || input.conditions().isBlank())) {
			problems.add(new Problem("conditions", "board.error.conditions.required"));
		}
		else if (input.conditions() != null && input.conditions().length() > MAX_TEXT) {
			problems.add(new Problem("conditions", "board.error.tooLong", "4000"));
		}
		if (input.correctsId() != null) {
			Decision corrected = decisions.findById(input.correctsId()).orElse(null);
			if (corrected == null || !corrected.isSealed() || (item.getProjectId() != null
					&& !item.getProjectId().equals(corrected.getProjectId()))) {
				problems.add(new Problem("correctsId", "board.error.corrects.invalid"));
			}
		}
		PlainText.Validator.check(problems, "rationale", input.rationale());
		PlainText.Validator.check(problems, "conditions", input.conditions());
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		ProjectSnapshot project = null;
		if (item.getType() == ItemType.PROPOSAL) {
			project = move(item.getProjectId(), input.outcome().target(), by,
					meeting.getTitle() + ": " + input.rationale().trim());
		}
		Decision decision = decisions.save(new Decision(meeting.getId(), item.getId(), item.getProjectId(),
				input.outcome(), input.rationale(), input.conditions(), by, at.truncatedTo(ChronoUnit.MILLIS),
				input.correctsId()));
		if (project != null) {
			notifyLeadOffice(project, meeting, decision);
		}
		return decision;
	}

	/**
	 * Takes the project to the decided state: a submitted proposal first goes into review, a deferred one back into
	 * review; anything else must already be in review (or in the decided state, e.g. for a correction).
	 */
	private ProjectSnapshot move(UUID projectId, ProjectStatus target, String by, String comment) {
		// A proposal withdrawn to an idea since it was put on the agenda is not visible outside its office: the item
		// keeps its frozen text, and the decision is refused without telling anything about the project.
		ProjectSnapshot project = projects.find(projectId)
			.orElseThrow(() -> new RuleViolation("board.error.projectHidden", "outcome"));
		ProjectStatus status = project.status();
		if (status == target) {
			return project;
		}
		boolean viaReview = status == ProjectStatus.SUBMITTED
				|| (status == ProjectStatus.DEFERRED && target != ProjectStatus.DEFERRED);
		if (!viaReview && status != ProjectStatus.IN_REVIEW) {
			throw new RuleViolation("board.error.lifecycle", "outcome", project.key(),
					new DefaultMessageSourceResolvable("enum.ProjectStatus." + status),
					new DefaultMessageSourceResolvable("enum.ProjectStatus." + target));
		}
		if (viaReview) {
			projects.moveByDecision(projectId, ProjectStatus.IN_REVIEW, by, comment);
		}
		return projects.moveByDecision(projectId, target, by, comment);
	}

	private void notifyLeadOffice(ProjectSnapshot project, BoardMeeting meeting, Decision decision) {
		Map<String, Object> model = new HashMap<>();
		model.put("projectKey", project.key());
		model.put("projectTitle", project.title());
		model.put("outcome", decision.getOutcome().name());
		model.put("rationale", decision.getRationale());
		if (decision.getConditions() != null) {
			model.put("conditions", decision.getConditions());
		}
		model.put("meetingTitle", meeting.getTitle());
		model.put("meetingDate", BoardDates.text(meeting.getScheduledAt()));
		Notifier.Mail mail = Notifier.Mail.of("board.mail.decision.subject", "board-decision", model, project.key());
		afterCommit(() -> notifier.notifyRole(Role.PROJECT_LEAD, project.leadUnitId(), NotificationKind.DECISION,
				mail));
	}

	// --- invitations ---

	/** Mails every board member an invitation with a calendar entry; returns how many mails were sent. */
	public int invite(UUID meetingId) {
		require(Role.PORTFOLIO_MANAGER);
		BoardMeeting meeting = meeting(meetingId);
		if (meeting.isClosed()) {
			throw new RuleViolation("board.error.meeting.closed", null, meeting.getTitle());
		}
		Instant now = clock.instant();
		List<AgendaItem> agenda = agenda(meetingId);
		StringBuilder description = new StringBuilder();
		agenda.forEach(i -> description.append(i.getPosition()).append(". ").append(i.getTitle()).append('\n'));
		String ics = ICalendar.event(meeting.getId() + "@leitstand", now, meeting.getScheduledAt(),
				meeting.getEndsAt(), meeting.getTitle(), meeting.getLocation(), description.toString().strip());
		Map<String, Object> model = new HashMap<>();
		model.put("meetingTitle", meeting.getTitle());
		model.put("meetingDate", BoardDates.text(meeting.getScheduledAt()));
		model.put("meetingLocation", meeting.getLocation());
		model.put("agenda", agenda.stream().map(AgendaItem::getTitle).toList());
		Notifier.Mail mail = Notifier.Mail.of("board.mail.invitation.subject", "board-invitation", model,
				meeting.getTitle())
			.with(new Notifier.Attachment("sitzung.ics", "text/calendar; charset=UTF-8; method=REQUEST",
					ics.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		meeting.invited(now);
		return notifier.notifyRole(Role.BOARD, null, NotificationKind.INVITATION, mail);
	}

	// --- helpers ---

	private void validate(MeetingInput input) {
		List<Problem> problems = new ArrayList<>();
		if (input.title() == null || input.title().isBlank()) {
			problems.add(new Problem("meetingTitle", "board.error.meetingTitle.required"));
		}
		else if (input.title().length() > 300) {
			problems.add(new Problem("meetingTitle", "board.error.tooLong", "300"));
		}
		if (input.scheduledAt() == null) {
			problems.add(new Problem("scheduledAt", "board.error.scheduledAt.required"));
		}
		if (input.durationMinutes() == null || input.durationMinutes() < 15 || input.durationMinutes() > 600) {
			problems.add(new Problem("durationMinutes", "board.error.duration.range"));
		}
		if (input.location() == null || input.location().isBlank()) {
			problems.add(new Problem("location", "board.error.location.required"));
		}
		else if (input.location().length() > 300) {
			problems.add(new Problem("location", "board.error.tooLong", "300"));
		}
		PlainText.Validator.check(problems, "meetingTitle", input.title());
		PlainText.Validator.check(problems, "location", input.location());
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
	}

	private static void require(Role... roles) {
		LeitstandUser user = LeitstandUser.current().orElseThrow(() -> new AccessDeniedException("not signed in"));
		if (!user.hasAny(roles)) {
			throw new AccessDeniedException(user.username() + " lacks " + List.of(roles));
		}
	}

	private static void afterCommit(Runnable action) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					try {
						action.run();
					}
					catch (RuntimeException ex) {
						// The decision is committed; a failed notice must not turn it into an error page.
						org.slf4j.LoggerFactory.getLogger(BoardService.class).warn("Could not send notice: {}",
								ex.toString());
					}
				}
			});
		}
		else {
			action.run();
		}
	}

	static Comparator<BoardMeeting> byDate() {
		return Comparator.comparing(BoardMeeting::getScheduledAt);
	}
}
