package de.leitstand.publicmonitor.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * One answer of the public listener, encoded once: the status line and headers (without {@code Date}) and the body
 * as read-only buffers that every later request shares. Direct JDK buffers, so that the memory goes with the last
 * reference when the cache is emptied.
 */
final class EdgeResponse {

	static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

	/** Headers the listener sets itself or that belong to one connection only. */
	static final Set<String> NOT_COPIED = Set.of("connection", "keep-alive", "transfer-encoding", "content-length",
			"date", "upgrade", "proxy-connection", "te", "trailer");

	final int status;
	final ByteBuf head;
	final ByteBuf body;
	final String etag;
	final String lastModified;
	final String cacheControl;
	final String vary;
	final int size;

	private EdgeResponse(int status, ByteBuf head, ByteBuf body, String etag, String lastModified,
			String cacheControl, String vary) {
		this.status = status;
		this.head = head;
		this.body = body;
		this.etag = etag;
		this.lastModified = lastModified;
		this.cacheControl = cacheControl;
		this.vary = vary;
		this.size = head.readableBytes() + body.readableBytes();
	}

	/** headers: name/value pairs as received; names compared without case. */
	static EdgeResponse of(int status, List<String[]> headers, byte[] body) {
		StringBuilder head = new StringBuilder(512);
		head.append("HTTP/1.1 ").append(status).append(' ').append(HttpResponseStatus.valueOf(status).reasonPhrase())
			.append("\r\n");
		String etag = null;
		String lastModified = null;
		String cacheControl = null;
		String vary = null;
		for (String[] header : headers) {
			String name = header[0].toLowerCase(Locale.ROOT);
			if (NOT_COPIED.contains(name) || !isToken(header[0]) || !isFieldValue(header[1])) {
				continue;
			}
			switch (name) {
				case "etag" -> etag = header[1];
				case "last-modified" -> lastModified = header[1];
				case "cache-control" -> cacheControl = header[1];
				case "vary" -> vary = header[1];
				default -> {
				}
			}
			head.append(header[0]).append(": ").append(header[1]).append("\r\n");
		}
		head.append("Content-Length: ").append(body.length).append("\r\n");
		return new EdgeResponse(status, shared(head.toString().getBytes(StandardCharsets.ISO_8859_1)), shared(body),
				etag, lastModified, cacheControl, vary);
	}

	/** A short answer of the listener itself (400, 404, 405, 502), never cached. */
	static EdgeResponse plain(HttpResponseStatus status, String text, String... extraHeaders) {
		byte[] body = text.getBytes(StandardCharsets.UTF_8);
		List<String[]> headers = new java.util.ArrayList<>();
		headers.add(new String[] { "Content-Type", "text/plain;charset=UTF-8" });
		headers.add(new String[] { "Cache-Control", "no-store" });
		headers.add(new String[] { "X-Content-Type-Options", "nosniff" });
		headers.add(new String[] { "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'" });
		for (int i = 0; i + 1 < extraHeaders.length; i += 2) {
			headers.add(new String[] { extraHeaders[i], extraHeaders[i + 1] });
		}
		return of(status.code(), headers, body);
	}

	/** 304 for a request whose validators match this answer, else null. */
	EdgeResponse notModified(String ifNoneMatch, String ifModifiedSince) {
		if (status != 200 || etag == null) {
			return null;
		}
		long since = -1;
		if (ifModifiedSince != null) {
			java.util.Date parsed = io.netty.handler.codec.DateFormatter.parseHttpDate(ifModifiedSince);
			since = parsed == null ? -1 : parsed.getTime();
		}
		boolean match = ConditionalRequest.notModified(etag,
				lastModified == null ? Long.MAX_VALUE : Instant.from(HTTP_DATE.parse(lastModified)).getEpochSecond(),
				ifNoneMatch, since);
		if (!match) {
			return null;
		}
		List<String[]> headers = new java.util.ArrayList<>();
		headers.add(new String[] { "ETag", etag });
		if (lastModified != null) {
			headers.add(new String[] { "Last-Modified", lastModified });
		}
		if (cacheControl != null) {
			headers.add(new String[] { "Cache-Control", cacheControl });
		}
		if (vary != null) {
			headers.add(new String[] { "Vary", vary });
		}
		EdgeResponse full = of(304, headers, new byte[0]);
		// a 304 has no body and no Content-Length of its own
		String head = full.head.toString(StandardCharsets.ISO_8859_1).replace("Content-Length: 0\r\n", "");
		return new EdgeResponse(304, shared(head.getBytes(StandardCharsets.ISO_8859_1)), full.body, etag,
				lastModified, cacheControl, vary);
	}

	private static ByteBuf shared(byte[] bytes) {
		ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length);
		direct.put(bytes).flip();
		return Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(direct).asReadOnly());
	}

	private static boolean isToken(String name) {
		if (name.isEmpty()) {
			return false;
		}
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c <= ' ' || c >= 127 || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
				return false;
			}
		}
		return true;
	}

	private static boolean isFieldValue(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if ((c < ' ' && c != '\t') || c == 127 || c > 255) {
				return false;
			}
		}
		return true;
	}
}
