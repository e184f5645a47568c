package de.leitstand.prioritization.internal.board;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tamper-evident record of board decisions: every decision of a closed meeting is serialised canonically and
 * chained with {@code hash = SHA-256(previousHash + canonical)}, starting from 64 zeros. Verification recomputes the
 * chain from the stored rows and names the first entry that no longer matches.
 */
@Component
public class DecisionChain {

	public static final String GENESIS = "0".repeat(64);

	private final Decisions decisions;
	private final BoardMeetings meetings;

	DecisionChain(Decisions decisions, BoardMeetings meetings) {
		this.decisions = decisions;
		this.meetings = meetings;
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

	/** Appends the given decisions (of one meeting being closed) to the end of the chain, in order. */
	void append(List<Decision> sealing) {
		Decision head = decisions.findFirstByChainSequenceIsNotNullOrderByChainSequenceDesc().orElse(null);
		long sequence = head == null ? 0 : head.getChainSequence();
		String previous = head == null ? GENESIS : head.getHash();
		for (Decision d : sealing) {
			sequence++;
			String hash = hash(previous, canonical(d, sequence));
			d.seal(sequence, previous, hash);
			previous = hash;
		}
	}

	/** Recomputes the whole chain from the stored rows. */
	@Transactional(readOnly = true)
	public Verification verify() {
		List<Decision> chained = decisions.findByChainSequenceIsNotNullOrderByChainSequence();
		String previous = GENESIS;
		long expectedSequence = 1;
		for (Decision d : chained) {
			if (d.getChainSequence() != expectedSequence) {
				return Verification.broken(chained.size(), d, "sequence", Long.toString(expectedSequence),
						Long.toString(d.getChainSequence()));
			}
			if (!previous.equals(d.getPreviousHash())) {
				return Verification.broken(chained.size(), d, "previousHash", previous, d.getPreviousHash());
			}
			String expected = hash(previous, canonical(d, expectedSequence));
			if (!expected.equals(d.getHash())) {
				return Verification.broken(chained.size(), d, "hash", expected, d.getHash());
			}
			previous = d.getHash();
			expectedSequence++;
		}
		// A decision of a closed meeting that is not in the chain has had its seal removed.
		Map<UUID, BoardMeeting> closed = meetings.findAll().stream().filter(BoardMeeting::isClosed)
			.collect(Collectors.toMap(BoardMeeting::getId, Function.identity()));
		for (Decision d : decisions.findAll()) {
			if (d.getChainSequence() == null && closed.containsKey(d.getMeetingId())) {
				return Verification.broken(chained.size(), d, "hash", "", String.valueOf(d.getHash()));
			}
		}
		return new Verification(true, chained.size(), previous, null);
	}

	/** The result of a verification: intact, or the first broken entry. */
	public record Verification(boolean intact, int entries, String head, Break firstBreak) {

		static Verification broken(int entries, Decision d, String field, String expected, String stored) {
			return new Verification(false, entries, null, new Break(d.getId(), d.getChainSequence(), d.getMeetingId(),
					d.getProjectId(), field, expected, stored));
		}
	}

	/** The first entry that no longer matches: which decision, which field, the expected and the stored value. */
	public record Break(UUID decisionId, Long sequence, UUID meetingId, UUID projectId, String field, String expected,
			String stored) {
	}
}
