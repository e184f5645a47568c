package de.leitstand.publicmonitor.internal;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.CRC32;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * HTTP caching for the public monitor: every successful GET carries {@code ETag}, {@code Last-Modified} and
 * {@code Cache-Control: public, max-age=60}; a matching {@code If-None-Match} or {@code If-Modified-Since} gets a
 * 304. Rendered responses are kept in memory per path, query, language and read-model version, so a repeated request is
 * answered without rendering (and without passing the security filters again: every response here is public, and
 * the security headers of the first answer are replayed). A new version empties the cache.
 */
public class MonitorResponseCache extends OncePerRequestFilter {

	static final String CACHE_CONTROL = "public, max-age=60";
	static final String LANGUAGE_COOKIE = "leitstand-lang";

	private static final Set<String> NOT_REPLAYED = Set.of("date", "content-length", "transfer-encoding",
			"cache-control", "pragma", "expires", "etag", "last-modified", "vary", "connection", "keep-alive",
			"set-cookie");

	private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

	private record Entry(int status, List<String[]> headers, String contentType, byte[] body, String etag,
			String lastModified) {
	}

	private final MonitorVersion version;
	private final VersionedCache<Entry> cache = new VersionedCache<>();
	private final LongAdder hits = new LongAdder();

	public MonitorResponseCache(MonitorVersion version) {
		this.version = version;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!"GET".equals(request.getMethod())) {
			chain.doFilter(request, response);
			return;
		}
		MonitorVersion.State state = version.current();
		String key = key(request);
		Entry entry = cache.get(key, state.number());
		if (entry != null) {
			hits.increment();
			write(entry, request, response);
			return;
		}
		// Set before rendering, so that the security filters leave their no-store default out.
		response.setHeader("Cache-Control", CACHE_CONTROL);
		ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, wrapper);
		if (wrapper.getStatus() != HttpServletResponse.SC_OK) {
			response.setHeader("Cache-Control", "no-store");
			wrapper.copyBodyToResponse();
			return;
		}
		byte[] body = wrapper.getContentAsByteArray();
		List<String[]> headers = new ArrayList<>();
		boolean cacheable = true;
		for (String name : response.getHeaderNames()) {
			Collection<String> values = response.getHeaders(name);
			if (name.equalsIgnoreCase("set-cookie")) {
				for (String cookie : values) {
					headers.add(new String[] { "Set-Cookie", cookie });
					// A session cookie belongs to one visitor: such an answer is sent, never kept.
					cacheable &= cookie.startsWith(LANGUAGE_COOKIE + "=");
				}
			}
			else if (!NOT_REPLAYED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
				values.forEach(v -> headers.add(new String[] { name, v }));
			}
		}
		entry = new Entry(HttpServletResponse.SC_OK, headers, wrapper.getContentType(), body, etag(state, body),
				HTTP_DATE.format(state.lastModified()));
		if (cacheable) {
			cache.keep(key, state.number(), version.current().number(), entry, body.length);
		}
		// The first answer goes out like every later one; only the body was buffered.
		wrapper.resetBuffer();
		response.reset();
		write(entry, request, response);
	}

	/** Answers served from the cache since start. */
	public double hits() {
		return hits.sum();
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return true;
	}

	private static void write(Entry entry, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		for (String[] header : entry.headers()) {
			response.addHeader(header[0], header[1]);
		}
		response.setHeader("Cache-Control", CACHE_CONTROL);
		response.setHeader("ETag", entry.etag());
		response.setHeader("Last-Modified", entry.lastModified());
		response.setHeader("Vary", "Cookie");
		if (notModified(entry, request)) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		response.setStatus(entry.status());
		if (entry.contentType() != null) {
			response.setContentType(entry.contentType());
		}
		response.setContentLength(entry.body().length);
		// One buffer for the whole body: written to the socket at once instead of in 8 KB pieces.
		response.setBufferSize(entry.body().length);
		response.getOutputStream().write(entry.body());
	}

	private static boolean notModified(Entry entry, HttpServletRequest request) {
		long ifModifiedSince;
		try {
			ifModifiedSince = request.getDateHeader("If-Modified-Since");
		}
		catch (IllegalArgumentException unreadable) {
			ifModifiedSince = -1;
		}
		return ConditionalRequest.notModified(entry.etag(),
				Instant.from(HTTP_DATE.parse(entry.lastModified())).getEpochSecond(), request.getHeader("If-None-Match"),
				ifModifiedSince);
	}

	private static String etag(MonitorVersion.State state, byte[] body) {
		CRC32 crc = new CRC32();
		crc.update(body);
		return "\"" + Long.toString(state.number(), 36) + "-" + Long.toString(crc.getValue(), 36) + "\"";
	}

	private static String key(HttpServletRequest request) {
		String cookie = "";
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie c : cookies) {
				if (LANGUAGE_COOKIE.equals(c.getName())) {
					cookie = c.getValue();
				}
			}
		}
		String query = request.getQueryString();
		// No host in the key: no answer depends on it (absolute links use the configured base URL), so a request
		// with a foreign Host header is served the same bytes as everyone else and cannot add entries of its own.
		return request.getRequestURI()
				+ (query == null ? "" : "?" + query) + '|' + cookie;
	}
}
