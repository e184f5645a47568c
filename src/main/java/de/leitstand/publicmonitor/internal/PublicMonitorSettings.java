package de.leitstand.publicmonitor.internal;

import java.net.URI;
import java.net.URISyntaxException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import de.leitstand.shared.DemoMode;

/**
 * What the city fills in for its public monitor: who publishes the open data, the DCAT-AP.de contributor id, the
 * feedback contact of the accessibility statement, the public base URL and the addresses of the city's legal notice
 * (Impressum) and privacy policy (Datenschutzerklärung), linked in the footer.
 *
 * <p>The base URL of absolute public links (feed, open data, DCAT) is {@code LEITSTAND_PUBLIC_BASE_URL}; unset, it is
 * {@code http://localhost:<port>} of this server, fixed at start. It is never taken from a request: a request's
 * {@code Host} or {@code X-Forwarded-Host} is whatever the client sends, and public answers are cached and
 * replayed to everyone, so one request with a foreign host would otherwise put its links in front of all visitors.
 */
@Component
public class PublicMonitorSettings {

	private static final Logger log = LoggerFactory.getLogger(PublicMonitorSettings.class);

	private final String publisher;
	private final String contributorId;
	private final String accessibilityContact;
	private final String configuredBaseUrl;
	private final boolean demo;
	private volatile String derivedBaseUrl;
	private final String imprintUrl;
	private final String privacyUrl;

	@Autowired
	PublicMonitorSettings(@Value("${leitstand.public.publisher:Stadtverwaltung (Beispiel)}") String publisher,
			@Value("${leitstand.public.contributor-id:http://dcat-ap.de/def/contributors/beispielstadt}") String contributorId,
			@Value("${leitstand.public.accessibility-contact:barrierefreiheit@example.org}") String accessibilityContact,
			@Value("${leitstand.public.base-url:}") String baseUrl,
			@Value("${leitstand.monitor.imprint-url:}") String imprintUrl,
			@Value("${leitstand.monitor.privacy-url:}") String privacyUrl,
			@Value("${server.port:8080}") int serverPort, DemoMode demo) {
		this(publisher, contributorId, accessibilityContact, baseUrl, imprintUrl, privacyUrl, serverPort,
				demo.isEnabled());
	}

	PublicMonitorSettings(String publisher, String contributorId, String accessibilityContact, String baseUrl,
			String imprintUrl, String privacyUrl, int serverPort, boolean demo) {
		this.publisher = publisher;
		this.contributorId = contributorId;
		this.accessibilityContact = accessibilityContact;
		this.configuredBaseUrl = baseUrl(baseUrl);
		this.derivedBaseUrl = "http://localhost:" + serverPort;
		this.demo = demo;
		this.imprintUrl = link("leitstand.monitor.imprint-url", imprintUrl);
		this.privacyUrl = link("leitstand.monitor.privacy-url", privacyUrl);
	}

	/** The server's own address as the base URL once its port is known, unless one is configured. */
	@EventListener
	void onWebServer(WebServerInitializedEvent event) {
		// The management server (its own namespace) does not serve the monitor.
		if (event.getApplicationContext().getServerNamespace() != null || !configuredBaseUrl.isEmpty()) {
			return;
		}
		derivedBaseUrl = "http://localhost:" + event.getWebServer().getPort();
		if (demo) {
			log.info("Public links (feed, open data) use {}; set LEITSTAND_PUBLIC_BASE_URL for another address",
					derivedBaseUrl);
		}
		else {
			log.warn("LEITSTAND_PUBLIC_BASE_URL is not set: public links (feed, open data) name {}, which citizens "
					+ "cannot reach. Set it to the public address of the Digitalmonitor.", derivedBaseUrl);
		}
	}

	/**
	 * The configured base URL without a trailing slash: an absolute http(s) address with a host and without query
	 * or fragment, else the start stops with a clear message (links in open data must resolve).
	 */
	private static String baseUrl(String value) {
		String url = value == null ? "" : value.strip();
		if (url.isEmpty()) {
			return "";
		}
		try {
			URI uri = new URI(url);
			if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
					|| uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
				throw new URISyntaxException(url, "not an http(s) address with a host");
			}
		}
		catch (URISyntaxException invalid) {
			throw new IllegalStateException("leitstand.public.base-url (LEITSTAND_PUBLIC_BASE_URL) must be an http(s) "
					+ "address such as https://digitalmonitor.stadt.example, was: " + url);
		}
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
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

	/** Base of absolute public links, without a trailing slash: the configured one, else this server's own. */
	public String baseUrl() {
		return configuredBaseUrl.isEmpty() ? derivedBaseUrl : configuredBaseUrl;
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
