package de.leitstand.publicmonitor.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;

/**
 * The footer's legal links: empty means not configured; only web addresses and local paths are accepted. The public
 * base URL: an http(s) address with a host, else this server's own.
 */
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

	@Test
	void theBaseUrlIsTheConfiguredAddressElseThisServersOwn() {
		assertThat(withBase(" https://digitalmonitor.stadt.example/ ").baseUrl())
			.isEqualTo("https://digitalmonitor.stadt.example");
		assertThat(withBase("http://stadt.example/monitor-app").baseUrl()).isEqualTo("http://stadt.example/monitor-app");
		assertThat(withBase("").baseUrl()).isEqualTo("http://localhost:8080");
	}

	@Test
	void aBaseUrlThatIsNoHttpAddressWithAHostStopsTheStart() {
		for (String wrong : new String[] { "digitalmonitor.stadt.example", "javascript:alert(1)", "https://",
				"ftp://stadt.example", "https://stadt.example/?x=1", "https://stadt.example/#top",
				"https://user@stadt.example", "https://stadt example" }) {
			assertThatIllegalStateException().as(wrong).isThrownBy(() -> withBase(wrong))
				.withMessageContaining("LEITSTAND_PUBLIC_BASE_URL");
		}
	}

	private static PublicMonitorSettings withBase(String baseUrl) {
		return new PublicMonitorSettings("Stadt", "http://dcat-ap.de/def/contributors/beispielstadt",
				"barrierefreiheit@example.org", baseUrl, "", "", 8080, false);
	}

	private static PublicMonitorSettings settings(String imprint, String privacy) {
		return new PublicMonitorSettings("Stadt", "http://dcat-ap.de/def/contributors/beispielstadt",
				"barrierefreiheit@example.org", "", imprint, privacy, 8080, true);
	}
}
