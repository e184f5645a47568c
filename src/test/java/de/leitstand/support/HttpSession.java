package de.leitstand.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * A plain HTTP client with its own cookie jar, as one browser tab without JavaScript (it accepts what a browser
 * accepts unless told otherwise). It does not follow redirects, so tests see exactly what the server answers.
 */
public final class HttpSession {

	/** What a browser sends when it loads a page. */
	public static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
	private final String baseUrl;
	private final Map<String, String> cookies = new LinkedHashMap<>();

	public HttpSession(int port) {
		this.baseUrl = "http://localhost:" + port;
	}

	/** The same browser (its cookies) talking to another instance, as behind a load balancer. */
	public HttpSession movedTo(int port) {
		HttpSession moved = new HttpSession(port);
		moved.cookies.putAll(cookies);
		return moved;
	}

	public HttpResponse<String> get(String path) {
		return get(path, BROWSER_ACCEPT);
	}

	public HttpResponse<String> get(String path, String accept) {
		return send(request(path).header("Accept", accept).GET());
	}

	/** Posts a form; {@code fields} alternate name and value. */
	public HttpResponse<String> post(String path, String... fields) {
		Map<String, String> form = new LinkedHashMap<>();
		for (int i = 0; i < fields.length; i += 2) {
			form.put(fields[i], fields[i + 1]);
		}
		String body = form.entrySet().stream()
			.map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(request(path).header("Accept", BROWSER_ACCEPT)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** The CSRF token of the form on {@code path} (Spring Security's hidden {@code _csrf} field). */
	public String csrfToken(String path) {
		Element field = Jsoup.parse(get(path).body()).selectFirst("input[name=_csrf]");
		if (field == null) {
			throw new IllegalStateException("no _csrf field on " + path);
		}
		return field.attr("value");
	}

	/** Signs in through the login form and returns the server's answer to the form post. */
	public HttpResponse<String> login(String username, String password) {
		return post("/login", "username", username, "password", password, "_csrf", csrfToken("/login"));
	}

	public String cookie(String name) {
		return cookies.get(name);
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
		if (!cookies.isEmpty()) {
			builder.header("Cookie", cookies.entrySet().stream()
				.map(e -> e.getKey() + "=" + e.getValue())
				.collect(Collectors.joining("; ")));
		}
		return builder;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = client.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			for (String header : response.headers().allValues("Set-Cookie")) {
				String pair = header.split(";", 2)[0];
				int eq = pair.indexOf('=');
				String name = pair.substring(0, eq).strip();
				String value = pair.substring(eq + 1).strip();
				if (value.isEmpty() || header.toLowerCase().contains("max-age=0")) {
					cookies.remove(name);
				}
				else {
					cookies.put(name, value);
				}
			}
			return response;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
