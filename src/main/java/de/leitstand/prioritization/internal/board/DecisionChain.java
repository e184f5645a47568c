package de.leitstand.prioritization.internal.board;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import de.leitstand.shared.RuleViolation;

/**
 * The tamper-evident record of board decisions: every decision of a closed meeting is serialised canonically and
 * chained with {@code hash = SHA-256(previousHash + canonical)}, starting from 64 zeros. The head (count and newest
 * hash) is stored apart and moved in the same transaction. Verification recomputes the chain from the stored rows,
 * compares its end with the head and names the first entry that no longer matches.
 */
@Component
public class DecisionChain {

	public static final String GENESIS = "0".repeat(64);

	private static final Logger log = LoggerFactory.getLogger(DecisionChain.class);

	private final Decisions decisions;
	private final BoardMeetings meetings;
	private final ChainHeads heads;

	DecisionChain(Decisions decisions, BoardMeetings meetings, ChainHeads heads) {
		this.decisions = decisions;
		this.meetings = meetings;
		this.heads = heads;
	}

	/**
	 * The canonical text of a decision: fixed field order, one {@code name=value} per line, ISO-8601 UTC instants,
	 * backslash and line breaks escaped, empty value for absent fields; hashed as UTF-8.
	 */
	static String canonical(Decision d, long sequence) {
		return line("sequence", Long.toString(sequence)) + line("id", d.getId()) + line("meeting", d.getMeetingId())
				+ line("item", d.getItemId()) + line("project", d.getProjectId())
				+ line("outcome", d.getOutcome().name()) + line("rationale", d.getRationale())
				+ line("conditions", d.getConditions()) + line("decidedBy", d.getDecidedBy())
				+ line("decidedAt", DateTimeFormatter.ISO_INSTANT.format(d.getDecidedAt()))
				+ line("corrects", d.getCorrectsId());
	}

	private static String line(String name, Object value) {
		String text = value == null ? "" : value.toString();
		return name + "=" + text.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n") + "\n";
	}

	static String hash(String previousHash, String canonical) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			sha.update(previousHash.getBytes(StandardCharsets.UTF_8));
			sha.update(canonical.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(sha.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Appends the given decisions (of one meeting being closed) to the end of the chain, in order, and moves the
	 * stored head in the same transaction. The head row is locked, so concurrent closings queue up. Without a head
	 * (deleted by someone) nothing is sealed: continuing would hide whatever was cut off.
	 */
	void append(List<Decision> sealing, Instant at) {
		ChainHead head = heads.lockHead().orElseThrow(() -> new RuleViolation("board.error.chainHeadMissing", null));
		long sequence = head.getEntries();
		String previous = head.getHeadHash();
		for (Decision d : sealing) {
			sequence++;
			String hash = hash(previous, canonical(d, sequence));
			d.seal(sequence, previous, hash);
			previous = hash;
		}
		if (!sealing.isEmpty()) {
			head.advance(sequence, previous, at);
			// A copy of the head outside the database: compare it with /board/verify after a restore or a suspicion.
			log.info("Decision chain sealed up to #{}, head {}", sequence, previous);
		}
	}

	/** The stored head: number of sealed decisions and hash of the newest (empty only if someone deleted it). */
	@Transactional(readOnly = true)
	public Optional<ChainHead> head() {
		return heads.findById(ChainHead.ID);
	}

	/**
	 * Recomputes the whole chain from the stored rows and compares its end with the stored head: a changed entry, a
	 * gap, a decision of a closed meeting without seal, and a chain that ends before (or runs past) the newest
	 * sealed decision are all reported, the first one found.
	 */
	@Transactional(readOnly = true)
	public Verification verify() {
		List<Decision> chained = decisions.findByChainSequenceIsNotNullOrderByChainSequence();
		ChainHead head = heads.findById(ChainHead.ID).orElse(null);
		HeadView recorded = head == null ? null
				: new HeadView(head.getEntries(), head.getHeadHash(), head.getSealedAt());
		String previous = GENESIS;
		long expectedSequence = 1;
		for (Decision d : chained) {
			if (d.getChainSequence() != expectedSequence) {
				return Verification.broken(chained.size(), recorded, d, Problem.TAMPERED, "sequence",
						Long.toString(expectedSequence), Long.toString(d.getChainSequence()));
			}
			if (!previous.equals(d.getPreviousHash())) {
				return Verification.broken(chained.size(), recorded, d, Problem.TAMPERED, "previousHash", previous,
						d.getPreviousHash());
			}
			String expected = hash(previous, canonical(d, expectedSequence));
			if (!expected.equals(d.getHash())) {
				return Verification.broken(chained.size(), recorded, d, Problem.TAMPERED, "hash", expected,
						d.getHash());
			}
			previous = d.getHash();
			expectedSequence++;
		}
		// A decision of a closed meeting that is not in the chain has had its seal removed.
		Map<UUID, BoardMeeting> closed = meetings.findAll().stream().filter(BoardMeeting::isClosed)
			.collect(Collectors.toMap(BoardMeeting::getId, Function.identity()));
		for (Decision d : decisions.findAll()) {
			if (d.getChainSequence() == null && closed.containsKey(d.getMeetingId())) {
				return Verification.broken(chained.size(), recorded, d, Problem.UNSEALED, "hash", "",
						String.valueOf(d.getHash()));
			}
		}
		long stored = chained.size();
		if (head == null) {
			if (stored == 0) {
				return new Verification(true, 0, GENESIS, null, null);
			}
			return new Verification(false, chained.size(), null, null, new Break(null, null, null, null,
					Problem.HEAD_MISSING, "head", "", "#" + stored + " " + previous));
		}
		if (head.getEntries() > stored) {
			// The newest sealed decisions are gone; nothing in the remaining rows can show it, the head does.
			return new Verification(false, chained.size(), null, recorded, new Break(null, head.getEntries(), null,
					null, Problem.TRUNCATED, "entries", Long.toString(head.getEntries()), Long.toString(stored)));
		}
		if (head.getEntries() < stored) {
			Decision extra = chained.get((int) head.getEntries());
			return Verification.broken(chained.size(), recorded, extra, Problem.EXTENDED, "entries",
					Long.toString(head.getEntries()), Long.toString(stored));
		}
		if (!head.getHeadHash().equals(previous)) {
			Decision newest = chained.isEmpty() ? null : chained.get(chained.size() - 1);
			Break b = newest == null ? new Break(null, null, null, null, Problem.HEAD_MISMATCH, "head",
					head.getHeadHash(), previous)
					: new Break(newest.getId(), newest.getChainSequence(), newest.getMeetingId(),
							newest.getProjectId(), Problem.HEAD_MISMATCH, "head", head.getHeadHash(), previous);
			return new Verification(false, chained.size(), null, recorded, b);
		}
		return new Verification(true, chained.size(), previous, recorded, null);
	}

	/**
	 * As {@link #verify()}, and then compares the chain with a check value kept outside Leitstand (the sequence and
	 * hash of one sealed decision, as printed in the board pack of its meeting). The stored head only shows changes
	 * made behind Leitstand's back as long as the head itself is left alone; someone who can write the database can
	 * recompute entries and head together. A check value taken earlier and kept elsewhere (minutes, archive) shows
	 * that too: the entry is gone, or no longer carries that hash.
	 */
	@Transactional(readOnly = true)
	public Verification verify(Anchor anchor) {
		Verification plain = verify();
		if (!plain.intact()) {
			return plain.with(anchor);
		}
		Optional<Decision> entry = decisions.findByChainSequence(anchor.sequence());
		if (entry.isEmpty()) {
			return new Verification(false, plain.entries(), null, plain.recordedHead(), new Break(null,
					anchor.sequence(), null, null, Problem.ANCHOR_MISSING, "sequence",
					Long.toString(anchor.sequence()), Integer.toString(plain.entries())), anchor);
		}
		Decision d = entry.get();
		if (!anchor.hash().equals(d.getHash())) {
			return Verification.broken(plain.entries(), plain.recordedHead(), d, Problem.ANCHOR_MISMATCH, "hash",
					anchor.hash(), d.getHash()).with(anchor);
		}
		return plain.with(anchor);
	}

	/**
	 * A check value kept outside Leitstand: sequence number and hash of one sealed decision. Written
	 * {@code #12 9f86d0…} (the form of the board pack); {@code 12:9f86d0…} and {@code 12 9f86d0…} are read too.
	 */
	public record Anchor(long sequence, String hash) {

		private static final java.util.regex.Pattern FORM = java.util.regex.Pattern
			.compile("#?\\s*(\\d{1,18})\\s*[:\\s]\\s*([0-9a-fA-F]{64})");

		/** Empty if the text is not a check value in one of the forms above. */
		public static Optional<Anchor> parse(String text) {
			if (text == null) {
				return Optional.empty();
			}
			java.util.regex.Matcher m = FORM.matcher(text.strip());
			if (!m.matches()) {
				return Optional.empty();
			}
			long sequence = Long.parseLong(m.group(1));
			return sequence < 1 ? Optional.empty()
					: Optional.of(new Anchor(sequence, m.group(2).toLowerCase(java.util.Locale.ROOT)));
		}

		@Override
		public String toString() {
			return "#" + sequence + " " + hash;
		}
	}

	/** What is wrong with the chain. */
	public enum Problem {
		/** A stored entry no longer matches its hash, its predecessor or its place. */
		TAMPERED,
		/** A decision of a closed meeting has no seal. */
		UNSEALED,
		/** The chain ends before the newest sealed decision: entries were deleted at the end. */
		TRUNCATED,
		/** The chain runs past the newest sealed decision: entries were added without sealing. */
		EXTENDED,
		/** The newest entry is not the one sealed last: the chain was rewritten. */
		HEAD_MISMATCH,
		/** The stored head is gone while sealed decisions exist. */
		HEAD_MISSING,
		/** The entry of a check value kept outside is gone: the chain was cut back and its head rewritten. */
		ANCHOR_MISSING,
		/** The entry of a check value kept outside carries another hash: the chain was recomputed from there on. */
		ANCHOR_MISMATCH
	}

	/** The stored head as verification reports it. */
	public record HeadView(long entries, String hash, Instant sealedAt) {
	}

	/**
	 * The result of a verification: intact, or the first problem found; entries counts the chained rows found,
	 * recordedHead is the stored head they were compared with, anchor the check value kept outside that was compared
	 * too (null if none was given).
	 */
	public record Verification(boolean intact, int entries, String head, HeadView recordedHead, Break firstBreak,
			Anchor anchor) {

		Verification(boolean intact, int entries, String head, HeadView recordedHead, Break firstBreak) {
			this(intact, entries, head, recordedHead, firstBreak, null);
		}

		static Verification broken(int entries, HeadView recorded, Decision d, Problem problem, String field,
				String expected, String stored) {
			return new Verification(false, entries, null, recorded, new Break(d.getId(), d.getChainSequence(),
					d.getMeetingId(), d.getProjectId(), problem, field, expected, stored));
		}

		Verification with(Anchor checked) {
			return new Verification(intact, entries, head, recordedHead, firstBreak, checked);
		}
	}

	/**
	 * The first entry that no longer matches: which decision (none if it was deleted), which problem, which field,
	 * the expected and the stored value. For a truncated chain, sequence is the newest sealed entry that is missing
	 * and expected/stored are the sealed and the stored number of entries.
	 */
	public record Break(UUID decisionId, Long sequence, UUID meetingId, UUID projectId, Problem problem, String field,
			String expected, String stored) {
	}
}
