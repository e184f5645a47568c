package de.leitstand.publicmonitor.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the city fills in for its public monitor: who publishes the open data, the DCAT-AP.de contributor id, the
 * feedback contact of the accessibility statement and the public base URL (else taken from the request).
 */
@Component
public class PublicMonitorSettings {

	private final String publisher;
	private final String contributorId;
	private final String accessibilityContact;
	private final String baseUrl;

	PublicMonitorSettings(@Value("${leitstand.public.publisher:Stadtverwaltung (Beispiel)}") String publisher,
			@Value("${leitstand.public.contributor-id:http://dcat-ap.de/def/contributors/beispielstadt}") String contributorId,
			@Value("${leitstand.public.accessibility-contact:barrierefreiheit@example.org}") String accessibilityContact,
			@Value("${leitstand.public.base-url:}") String baseUrl) {
		this.publisher = publisher;
		this.contributorId = contributorId;
		this.accessibilityContact = accessibilityContact;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
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
}
