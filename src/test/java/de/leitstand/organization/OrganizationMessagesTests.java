package de.leitstand.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** Every text of the organization module exists in German and in English. */
class OrganizationMessagesTests {

	@Test
	void germanAndEnglishHaveTheSameKeys() throws IOException {
		Properties german = load("i18n/organization.properties");
		Properties english = load("i18n/organization_en.properties");
		assertThat(english.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(german.stringPropertyNames());
		assertThat(german.values()).allSatisfy(value -> assertThat(value.toString()).isNotBlank());
		assertThat(english.values()).allSatisfy(value -> assertThat(value.toString()).isNotBlank());
	}

	private static Properties load(String path) throws IOException {
		Properties properties = new Properties();
		try (var in = OrganizationMessagesTests.class.getClassLoader().getResourceAsStream(path)) {
			assertThat(in).as(path).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}
}
