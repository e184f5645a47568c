package de.leitstand.publicmonitor.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;

/** The footer's legal links: empty means not configured; only web addresses and local paths are accepted. */
class PublicMonitorSettingsTests {

	@Test
	void legalLinksAreOptionalAndTrimmed() {
		PublicMonitorSettings settings = settings(" https://www.stadt.example/impressum ", "");
		assertThat(settings.imprintUrl()).isEqualTo("https://www.stadt.example/impressum");
		assertThat(settings.privacyUrl()).isNull();
		assertThat(settings("/datenschutz", "/datenschutz").privacyUrl()).isEqualTo("/datenschutz");
	}

	@Test
	void anythingButAWebAddressOrALocalPathStopsTheStartWithTheSettingsName() {
		for (String wrong : new String[] { "javascript:alert(1)", "www.stadt.example/impressum", "//evil.example",
				"https://stadt.example/impressum und mehr" }) {
			assertThatIllegalStateException().isThrownBy(() -> settings(wrong, ""))
				.withMessageContaining("leitstand.monitor.imprint-url");
		}
		assertThatIllegalStateException().isThrownBy(() -> settings("", "mailto:datenschutz@stadt.example"))
			.withMessageContaining("leitstand.monitor.privacy-url");
	}

	private static PublicMonitorSettings settings(String imprint, String privacy) {
		return new PublicMonitorSettings("Stadt", "http://dcat-ap.de/def/contributors/beispielstadt",
				"barrierefreiheit@example.org", "", imprint, privacy, 8080, true);
	}
}
