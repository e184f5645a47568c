package de.leitstand.portfolio.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The {@code generate} command, run through its runner bean (not a subprocess). */
@SpringBootTest
@ActiveProfiles("test")
class GenerateCommandIntegrationTests {

	@Autowired
	GenerateCommand command;

	@Autowired
	Projects projects;

	@Test
	void generatesTheRequestedNumberOfProjectsAndSaysSo() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		command.redirect(new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		long before = projects.count();

		command.run(new DefaultApplicationArguments("generate", "--projects", "7", "--seed", "3"));

		assertThat(command.getExitCode()).isZero();
		assertThat(projects.count()).isGreaterThanOrEqualTo(before + 7);
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("Generated 7 synthetic projects (seed 3)");
		assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
	}

	@Test
	void ignoresOtherStartsAndRejectsBadArguments() {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		command.redirect(System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
		long before = projects.count();

		command.run(new DefaultApplicationArguments("--server.port=0"));
		assertThat(command.getExitCode()).isZero();

		assertThat(command.execute(List.of("--projects", "many"))).isEqualTo(2);
		assertThat(command.execute(List.of("--projects", "0"))).isEqualTo(2);
		assertThat(command.execute(List.of("--colour", "blue"))).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: leitstand generate --projects N");
		assertThat(projects.count()).isGreaterThanOrEqualTo(before);
	}
}
