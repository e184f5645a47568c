package de.leitstand.prioritization.internal.board;

import java.io.PrintStream;
import java.util.Locale;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import de.leitstand.portfolio.ProjectDirectory;
import de.leitstand.portfolio.ProjectSnapshot;

/**
 * {@code java -jar leitstand.jar verify-decisions [--anchor "#N HASH"] [--lang en]}: recomputes the hash chain of
 * board decisions from the stored rows and compares its end with the stored chain head and, with {@code --anchor},
 * entry N with a check value kept outside Leitstand (from a board pack); exits 0 if it is intact, 1 naming the
 * first problem if not (explained in German, or in the language of {@code --lang en}), 2 on an unreadable check
 * value.
 */
@Component
@Order(210)
public class VerifyDecisionsCommand implements ApplicationRunner, ExitCodeGenerator {

	public static final String NAME = "verify-decisions";

	private final DecisionChain chain;
	private final BoardMeetings meetings;
	private final ProjectDirectory projects;
	private final MessageSource messages;
	private PrintStream out = System.out;
	private PrintStream err = System.err;
	private int exitCode;

	VerifyDecisionsCommand(DecisionChain chain, BoardMeetings meetings, ProjectDirectory projects,
			MessageSource messages) {
		this.messages = messages;
		this.chain = chain;
		this.meetings = meetings;
		this.projects = projects;
	}

	@Override
	public void run(ApplicationArguments args) {
		String[] source = args.getSourceArgs();
		if (source.length == 0 || !NAME.equals(source[0])) {
			return;
		}
		Locale locale = Locale.GERMAN;
		DecisionChain.Anchor anchor = null;
		for (int i = 1; i < source.length; i++) {
			String value = i + 1 < source.length ? source[i + 1] : null;
			switch (source[i]) {
				case "--lang" -> locale = value == null ? locale : Locale.forLanguageTag(value);
				case "--anchor" -> {
					anchor = DecisionChain.Anchor.parse(value).orElse(null);
					if (anchor == null) {
						err.println(messages.getMessage("board.verify.anchor.invalid", null, locale)
								+ "\nusage: leitstand verify-decisions [--anchor \"#N HASH\"] [--lang en]");
						exitCode = 2;
						return;
					}
				}
				default -> {
					continue;
				}
			}
			i++;
		}
		exitCode = execute(locale, anchor);
	}

	public int execute() {
		return execute(Locale.GERMAN, null);
	}

	/**
	 * Verifies (against the check value kept outside, if one is given) and prints the result; the explanation of
	 * a broken chain in the given language.
	 */
	public int execute(Locale locale, DecisionChain.Anchor anchor) {
		DecisionChain.Verification result = anchor == null ? chain.verify() : chain.verify(anchor);
		if (result.intact()) {
			out.printf("Decision chain intact: %d sealed decisions, head %s%n", result.entries(), result.head());
			if (anchor != null) {
				out.printf("Check value %s matches entry #%d%n", anchor, anchor.sequence());
			}
			return 0;
		}
		DecisionChain.Break b = result.firstBreak();
		String meeting = b.meetingId() == null ? "-"
				: meetings.findById(b.meetingId()).map(m -> m.getTitle()).orElse(String.valueOf(b.meetingId()));
		String project = b.projectId() == null ? "-"
				: projects.asSystem().find(b.projectId()).map(ProjectSnapshot::key).orElse(b.projectId().toString());
		err.printf("Decision chain BROKEN (%s) at entry %s: decision %s (meeting \"%s\", project %s): %s expected %s "
				+ "but stored %s%n", b.problem(), b.sequence() == null ? "(unsealed)" : "#" + b.sequence(),
				b.decisionId() == null ? "(deleted)" : b.decisionId(), meeting, project, b.field(), b.expected(),
				b.stored());
		err.println(messages.getMessage("board.verify.problem." + b.problem(),
				new Object[] { b.expected(), b.stored() }, b.problem().name(), locale));
		if (result.recordedHead() != null) {
			err.printf("Stored chain head: %d sealed decisions, newest hash %s%n", result.recordedHead().entries(),
					result.recordedHead().hash());
		}
		return 1;
	}

	public void redirect(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}
}
