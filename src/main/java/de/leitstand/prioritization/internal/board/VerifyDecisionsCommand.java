package de.leitstand.prioritization.internal.board;

import java.io.PrintStream;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import de.leitstand.portfolio.ProjectDirectory;
import de.leitstand.portfolio.ProjectSnapshot;

/**
 * {@code java -jar leitstand.jar verify-decisions}: recomputes the hash chain of board decisions from the stored
 * rows; exits 0 if it is intact, 1 naming the first broken entry if not.
 */
@Component
@Order(210)
public class VerifyDecisionsCommand implements ApplicationRunner, ExitCodeGenerator {

	public static final String NAME = "verify-decisions";

	private final DecisionChain chain;
	private final BoardMeetings meetings;
	private final ProjectDirectory projects;
	private PrintStream out = System.out;
	private PrintStream err = System.err;
	private int exitCode;

	VerifyDecisionsCommand(DecisionChain chain, BoardMeetings meetings, ProjectDirectory projects) {
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
		exitCode = execute();
	}

	public int execute() {
		DecisionChain.Verification result = chain.verify();
		if (result.intact()) {
			out.printf("Decision chain intact: %d sealed decisions, head %s%n", result.entries(), result.head());
			return 0;
		}
		DecisionChain.Break b = result.firstBreak();
		String meeting = meetings.findById(b.meetingId()).map(m -> m.getTitle()).orElse(String.valueOf(b.meetingId()));
		String project = b.projectId() == null ? "-"
				: projects.find(b.projectId()).map(ProjectSnapshot::key).orElse(b.projectId().toString());
		err.printf("Decision chain BROKEN at entry %s: decision %s (meeting \"%s\", project %s): %s expected %s but "
				+ "stored %s%n", b.sequence() == null ? "(unsealed)" : "#" + b.sequence(), b.decisionId(), meeting,
				project, b.field(), b.expected(), b.stored());
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
