package de.leitstand.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 request sent as the bytes given (no client normalises the path or checks the Host header), read
 * until the server closes the connection. For addresses and headers a regular client refuses to send.
 */
public final class RawHttp {

	/** Status, headers (names in lower case, first value) and body of an answer. */
	public record Answer(int status, Map<String, String> headers, String body) {

		public String header(String name) {
			return headers.get(name.toLowerCase(Locale.ROOT));
		}
	}

	private RawHttp() {
	}

	/** {@code GET target} with the given extra header lines (each without CRLF) and {@code Connection: close}. */
	public static Answer get(int port, String target, String... headerLines) {
		StringBuilder request = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\n");
		boolean host = false;
		for (String line : headerLines) {
			request.append(line).append("\r\n");
			host |= line.toLowerCase(Locale.ROOT).startsWith("host:");
		}
		if (!host) {
			request.append("Host: localhost:").append(port).append("\r\n");
		}
		request.append("Connection: close\r\n\r\n");
		return parse(send(port, request.toString()));
	}

	private static String send(int port, String request) {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			in.transferTo(answer);
			return answer.toString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Answer parse(String raw) {
		int end = raw.indexOf("\r\n\r\n");
		String head = end < 0 ? raw : raw.substring(0, end);
		String body = end < 0 ? "" : raw.substring(end + 4);
		String[] lines = head.split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, String> headers = new LinkedHashMap<>();
		boolean chunked = false;
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			String name = lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT);
			String value = lines[i].substring(colon + 1).strip();
			headers.putIfAbsent(name, value);
			chunked |= name.equals("transfer-encoding") && value.equalsIgnoreCase("chunked");
		}
		return new Answer(status, headers, chunked ? unchunk(body) : body);
	}

	private static String unchunk(String body) {
		StringBuilder out = new StringBuilder();
		int at = 0;
		while (at < body.length()) {
			int lineEnd = body.indexOf("\r\n", at);
			int size = Integer.parseInt(body.substring(at, lineEnd).split(";")[0].strip(), 16);
			if (size == 0) {
				break;
			}
			// sizes count bytes; the bodies here are read as UTF-8 text
			byte[] rest = body.substring(lineEnd + 2).getBytes(StandardCharsets.UTF_8);
			String chunk = new String(rest, 0, size, StandardCharsets.UTF_8);
			out.append(chunk);
			at = lineEnd + 2 + chunk.length() + 2;
		}
		return out.toString();
	}
}
