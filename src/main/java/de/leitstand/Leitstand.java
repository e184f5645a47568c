package de.leitstand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Leitstand: the steering platform for a city's digitalisation strategy.
 */
@SpringBootApplication
@Modulithic(sharedModules = "shared")
@EnableScheduling
public class Leitstand {

	public static void main(String[] args) {
		SpringApplication.run(Leitstand.class, args);
	}
}
