package de.leitstand.portfolio.internal;

import java.io.PrintStream;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import de.leitstand.organization.OrgUnitDirectory;
import de.leitstand.strategy.StrategyCatalog;

/**
 * {@code java -jar leitstand.jar generate --projects N [--seed S]}: adds N synthetic projects to the configured
 * database (for benchmarks and load tests) and exits. Runs after the demo data and the search index bootstrap, so
 * in demo mode the org units and the strategy it links to are there; otherwise it says what is missing.
 */
@Component
@Order(200)
class GenerateCommand implements ApplicationRunner, ExitCodeGenerator {

	static final String NAME = "generate";
	static final String USAGE = "usage: leitstand generate --projects N [--seed S]";
	static final int MAX_PROJECTS = 1_000_000;

	private final PortfolioGenerator generator;
	private final Projects projects;
	private final OrgUnitDirectory units;
	private final StrategyCatalog strategy;
	private final String databaseUrl;
	private PrintStream out = System.out;
	private PrintStream err = System.err;
	private int exitCode;

	GenerateCommand(PortfolioGenerator generator, Projects projects, OrgUnitDirectory units, StrategyCatalog strategy,
			@Value("${spring.datasource.url:}") String databaseUrl) {
		this.generator = generator;
		this.projects = projects;
		this.units = units;
		this.strategy = strategy;
		this.databaseUrl = databaseUrl;
	}

	@Override
	public void run(ApplicationArguments args) {
		String[] source = args.getSourceArgs();
		if (source.length == 0 || !NAME.equals(source[0])) {
			return;
		}
		exitCode = execute(List.of(source).subList(1, source.length));
	}

	/** Runs the command with the arguments after its name; returns the process exit code. */
	int execute(List<String> arguments) {
		Integer count = null;
		long seed = 42;
		try {
			for (int i = 0; i < arguments.size(); i++) {
				String arg = arguments.get(i);
				String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1)
						: i + 1 < arguments.size() ? arguments.get(i + 1) : null;
				String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
				switch (name) {
					case "--projects" -> count = Integer.parseInt(value);
					case "--seed" -> seed = Long.parseLong(value);
					default -> {
						if (name.startsWith("--") && !name.startsWith("--spring.") && !name.startsWith("--server.")
								&& !name.startsWith("--leitstand.") && !name.startsWith("--logging.")) {
							err.println("unknown option " + name + "\n" + USAGE);
							return 2;
						}
						continue;
					}
				}
				if (!arg.contains("=")) {
					i++;
				}
			}
		}
		catch (NumberFormatException ex) {
			err.println("not a number: " + ex.getMessage() + "\n" + USAGE);
			return 2;
		}
		if (count == null || count < 1 || count > MAX_PROJECTS) {
			err.println("--projects must be between 1 and " + MAX_PROJECTS + "\n" + USAGE);
			return 2;
		}
		boolean offices = units.tree().stream().anyMatch(u -> u.depth() == 1);
		boolean goals = strategy.activeFields().stream().anyMatch(f -> !f.goals().isEmpty());
		if (!offices || !goals) {
			err.println("The database has no " + (!offices ? "org units (offices)" : "active strategy with goals")
					+ " to link synthetic projects to. Start once in demo mode (LEITSTAND_DEMO=true, the default for "
					+ "the embedded database) or create them first. Database: " + databaseUrl);
			return 1;
		}
		long before = projects.count();
		long start = System.nanoTime();
		generator.synthetic(count, seed);
		double seconds = (System.nanoTime() - start) / 1e9;
		out.printf("Generated %d synthetic projects (seed %d) in %.1f s; the portfolio now holds %d projects "
				+ "(before: %d). Database: %s%n", count, seed, seconds, projects.count(), before, databaseUrl);
		return 0;
	}

	void redirect(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}
}
