package de.leitstand.prioritization;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import de.leitstand.prioritization.internal.optimizer.OptimizationResult;
import de.leitstand.prioritization.internal.optimizer.PortfolioOptimizer;
import de.leitstand.prioritization.internal.optimizer.Scenario;
import de.leitstand.prioritization.internal.optimizer.ScenarioException;
import de.leitstand.prioritization.internal.optimizer.ScenarioJson;
import de.leitstand.prioritization.internal.optimizer.SolveControl;

/**
 * {@code java -jar leitstand.jar optimize scenario.json [--time-limit SECONDS] [--max-resolves N]}: solves a
 * scenario file and prints the result as JSON, without Spring, web server or database. Exit 0 on an answer
 * (OPTIMAL, FEASIBLE, INFEASIBLE, UNKNOWN), 2 on bad input with a message naming the problem.
 */
public final class OptimizeCommand {

	public static final String NAME = "optimize";
	public static final String USAGE = "optimize scenario.json [--time-limit SECONDS] [--max-resolves N]"
			+ "   solve a scenario file, print JSON (no database)";

	private OptimizeCommand() {
	}

	/** Runs with the arguments after the command name; returns the exit code. */
	public static int run(List<String> args, PrintStream out, PrintStream err) {
		Path file = null;
		PortfolioOptimizer.Options options = PortfolioOptimizer.Options.defaults().withTimeLimit(60);
		Locale locale = Locale.GERMAN;
		try {
			for (int i = 0; i < args.size(); i++) {
				String arg = args.get(i);
				String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
				boolean inline = arg.contains("=");
				String value = inline ? arg.substring(arg.indexOf('=') + 1) : i + 1 < args.size() ? args.get(i + 1) : null;
				switch (name) {
					case "--time-limit" -> {
						double seconds = Double.parseDouble(require(value, name));
						if (!(seconds > 0)) {
							throw new NumberFormatException(name + " must be positive");
						}
						options = options.withTimeLimit(seconds);
					}
					case "--max-resolves" -> options = new PortfolioOptimizer.Options(options.timeLimitSeconds(),
							Integer.parseInt(require(value, name)), options.resolveSeconds(), options.workers());
					case "--lang" -> locale = Locale.forLanguageTag(require(value, name));
					default -> {
						if (name.startsWith("--")) {
							err.println("unknown option " + name + "\nusage: leitstand " + USAGE);
							return 2;
						}
						if (file != null) {
							err.println("only one scenario file, got " + file + " and " + arg);
							return 2;
						}
						file = Path.of(arg);
						continue;
					}
				}
				if (!inline) {
					i++;
				}
			}
		}
		catch (NumberFormatException ex) {
			err.println("not a valid number: " + ex.getMessage() + "\nusage: leitstand " + USAGE);
			return 2;
		}
		catch (IllegalArgumentException ex) {
			err.println(ex.getMessage() + "\nusage: leitstand " + USAGE);
			return 2;
		}
		if (file == null) {
			err.println("no scenario file\nusage: leitstand " + USAGE);
			return 2;
		}
		String text;
		try {
			text = Files.readString(file);
		}
		catch (NoSuchFileException ex) {
			err.println("no such file: " + file);
			return 2;
		}
		catch (IOException ex) {
			err.println("cannot read " + file + ": " + ex.getMessage());
			return 2;
		}
		try {
			Scenario scenario = ScenarioJson.read(text);
			OptimizationResult result = PortfolioOptimizer.optimize(scenario, options, SolveControl.none());
			out.println(ScenarioJson.write(result, locale));
			return 0;
		}
		catch (ScenarioException ex) {
			err.println(file + ": " + ex.text().render(locale));
			return 2;
		}
	}

	private static String require(String value, String option) {
		if (value == null) {
			throw new IllegalArgumentException(option + " needs a value");
		}
		return value;
	}
}
