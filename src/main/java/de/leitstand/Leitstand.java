package de.leitstand;

import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

import de.leitstand.prioritization.OptimizeCommand;

/**
 * Leitstand: the steering platform for a city's digitalisation strategy.
 *
 * <p>Without arguments (or with only {@code --option=value} arguments) it starts the web application. A first
 * argument naming a command runs that command against the configured database without a web server and exits
 * with its code; the command itself is an {@code ApplicationRunner} of its module that reacts to its name.
 */
@SpringBootApplication
@Modulithic(sharedModules = "shared")
@EnableScheduling
public class Leitstand {

	/** Commands and their usage lines; a new one (e.g. {@code optimize}) adds a line here and a runner. */
	static final Map<String, String> COMMANDS = Map.of("generate",
			"generate --projects N [--seed S]   add N synthetic projects (benchmarks, load tests)",
			OptimizeCommand.NAME, OptimizeCommand.USAGE,
			"verify-decisions", "verify-decisions                   check the hash chain of board decisions (exit 0 intact, 1 broken)",
			"reindex", "reindex                            rebuild the search index from the database (e.g. OpenSearch)");

	public static void main(String[] args) {
		if (args.length > 0 && !args[0].startsWith("-")) {
			if (OptimizeCommand.NAME.equals(args[0])) {
				// a pure function of the scenario file: no Spring context, no database
				System.exit(OptimizeCommand.run(List.of(args).subList(1, args.length), System.out, System.err));
			}
			if (!COMMANDS.containsKey(args[0])) {
				System.err.println(usage(args[0]));
				System.exit(2);
			}
			ConfigurableApplicationContext context = new SpringApplicationBuilder(Leitstand.class)
				.web(WebApplicationType.NONE)
				.run(args);
			System.exit(SpringApplication.exit(context));
		}
		SpringApplication.run(Leitstand.class, args);
	}

	static String usage(String unknown) {
		StringBuilder text = new StringBuilder("unknown command: " + unknown + "\n")
			.append("usage: java -jar leitstand.jar                 start the web application\n");
		COMMANDS.values().stream().sorted().forEach(c -> text.append("       java -jar leitstand.jar ").append(c)
			.append('\n'));
		return text.toString();
	}
}
