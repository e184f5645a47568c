package de.leitstand.prioritization.internal.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the scenario JSON importer (the file the scenario page imports and the {@code optimize} command reads):
 * any text gives a scenario or a {@link ScenarioException} naming the problem — never another exception — and a
 * scenario it accepts survives export and import unchanged (nothing the file said is dropped on the way). Seeds:
 * {@code src/test/resources/de/leitstand/prioritization/internal/optimizer/ScenarioJsonFuzzTestsInputs/}; fuzzing
 * for real: see docs/security.md.
 */
class ScenarioJsonFuzzTests {

	@FuzzTest(maxDuration = "2m")
	void anyText(FuzzedDataProvider data) {
		// Raw bytes as text, so that the seed files are plain JSON documents.
		String text = data.consumeRemainingAsString();
		Scenario scenario;
		try {
			scenario = ScenarioJson.read(text);
		}
		catch (ScenarioException refused) {
			assertThat(refused.text().key()).as("a refused file names its problem").startsWith("scenario.");
			return;
		}
		Scenario again = ScenarioJson.read(ScenarioJson.write(scenario));
		assertThat(again).as("export and import keep the scenario").isEqualTo(scenario);
	}
}
