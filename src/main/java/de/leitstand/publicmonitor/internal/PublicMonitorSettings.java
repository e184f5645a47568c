package de.leitstand.publicmonitor.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the city fills in for its public monitor: who publishes the open data, the DCAT-AP.de contributor id, the
 * feedback contact of the accessibility statement, the public base URL (else taken from the request) and the
 * addresses of the city's legal notice (Impressum) and privacy policy (Datenschutzerklärung), linked in the footer.
 */
@Component
public class PublicMonitorSettings {

	private final String publisher;
	private final String contributorId;
	private final String accessibilityContact;
	private final String baseUrl;
	private final String imprintUrl;
	private final String privacyUrl;

	PublicMonitorSettings(@Value("${leitstand.public.publisher:Stadtverwaltung (Beispiel)}") String publisher,
			@Value("${leitstand.public.contributor-id:http://dcat-ap.de/def/contributors/beispielstadt}") String contributorId,
			@Value("${leitstand.public.accessibility-contact:barrierefreiheit@example.org}") String accessibilityContact,
			@Value("${leitstand.public.base-url:}") String baseUrl,
			@Value("${leitstand.monitor.imprint-url:}") String imprintUrl,
			@Value("${leitstand.monitor.privacy-url:}") String privacyUrl) {
		this.publisher = publisher;
		this.contributorId = contributorId;
		this.accessibilityContact = accessibilityContact;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.imprintUrl = link("leitstand.monitor.imprint-url", imprintUrl);
		this.privacyUrl = link("leitstand.monitor.privacy-url", privacyUrl);
	}

	/**
	 * A footer link: empty means not configured; anything else must be a web address or a path on this server, so
	 * that a typo (or a {@code javascript:} URL) stops the start with a clear message instead of reaching citizens.
	 */
	private static String link(String property, String value) {
		String url = value == null ? "" : value.strip();
		if (url.isEmpty()) {
			return null;
		}
		if (!(url.startsWith("https://") || url.startsWith("http://") || url.startsWith("/")) || url.startsWith("//")
				|| url.chars().anyMatch(Character::isWhitespace)) {
			throw new IllegalStateException(property + " must be an http(s) address or a path starting with '/', was: "
					+ url);
		}
		return url;
	}

	public String publisher() {
		return publisher;
	}

	public String contributorId() {
		return contributorId;
	}

	public String accessibilityContact() {
		return accessibilityContact;
	}

	/** The configured public base URL, or empty to use the request's. */
	public String baseUrl() {
		return baseUrl;
	}

	/** Address of the city's legal notice (Impressum), or null if none is configured. */
	public String imprintUrl() {
		return imprintUrl;
	}

	/** Address of the city's privacy policy (Datenschutzerklärung), or null if none is configured. */
	public String privacyUrl() {
		return privacyUrl;
	}
}
