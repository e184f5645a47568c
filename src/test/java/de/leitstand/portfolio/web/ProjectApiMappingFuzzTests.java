package de.leitstand.portfolio.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import de.leitstand.portfolio.ProjectProfile;
import de.leitstand.portfolio.internal.ProjectImportFuzzTestsAccess;
import de.leitstand.shared.InvalidInput;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fuzzes the JSON API's way in: request body → {@link ProjectJson.Input} (Jackson, as the API reads it) →
 * {@link ProjectApiMapping#toProfile}. Unreadable JSON is a {@link JacksonException} (answered 400 by
 * {@code ApiProblems}), a wrong profile an {@link InvalidInput} (422); anything else would be a 500 and is a
 * finding.
 */
class ProjectApiMappingFuzzTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	final ProjectApiMapping mapping = new ProjectApiMapping(ProjectImportFuzzTestsAccess.units(),
			ProjectImportFuzzTestsAccess.strategy());

	@FuzzTest(maxDuration = "2m")
	void anyRequestBody(FuzzedDataProvider data) {
		// Raw bytes as text, so that the seed files are plain JSON documents.
		String body = data.consumeRemainingAsString();
		ProjectJson.Input input;
		try {
			input = JSON.readValue(body, ProjectJson.Input.class);
		}
		catch (JacksonException unreadable) {
			return;
		}
		if (input == null) {
			return;
		}
		try {
			ProjectProfile profile = mapping.toProfile(input);
			assertThat(profile).isNotNull();
		}
		catch (InvalidInput invalid) {
			assertThat(invalid.problems()).isNotEmpty();
		}
	}
}
