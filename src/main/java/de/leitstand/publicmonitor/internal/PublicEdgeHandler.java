package de.leitstand.publicmonitor.internal;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import io.netty.util.ReferenceCountUtil;

/**
 * One connection of the public listener. Requests are answered strictly in the order they came (HTTP/1.1
 * pipelining): while one is being rendered, later ones wait in a queue and reading pauses. Request bodies are
 * dropped unread (only GET and HEAD are answered), so the pipeline needs no aggregator and no response encoder: the
 * answers are written as the bytes they were encoded to once.
 */
final class PublicEdgeHandler extends ChannelInboundHandlerAdapter {

	/** Path prefixes of the public monitor and the static files its pages load. */
	static final List<String> PUBLIC_PREFIXES = List.of("/monitor/", "/vendor/", "/css/", "/js/");
	static final Set<String> PUBLIC_PATHS = Set.of("/monitor", "/favicon.ico");

	private static final Logger log = LoggerFactory.getLogger(PublicEdgeHandler.class);

	private final PublicEdge edge;
	private final ArrayDeque<HttpRequest> waiting = new ArrayDeque<>();
	private boolean rendering;

	PublicEdgeHandler(PublicEdge edge) {
		this.edge = edge;
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object message) {
		try {
			if (message instanceof HttpRequest request) {
				waiting.add(request);
				answerWaiting(ctx);
			}
		}
		finally {
			ReferenceCountUtil.release(message);
		}
	}

	@Override
	public void channelReadComplete(ChannelHandlerContext ctx) {
		ctx.flush();
	}

	@Override
	public void channelInactive(ChannelHandlerContext ctx) {
		waiting.clear();
		ctx.fireChannelInactive();
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
		log.debug("public listener: connection closed after {}", cause.toString());
		ctx.close();
	}

	private void answerWaiting(ChannelHandlerContext ctx) {
		HttpRequest request;
		while (!rendering && ctx.channel().isActive() && (request = waiting.poll()) != null) {
			answer(ctx, request);
		}
		ctx.channel().config().setAutoRead(!rendering);
	}

	private void answer(ChannelHandlerContext ctx, HttpRequest request) {
		boolean keepAlive = HttpUtil.isKeepAlive(request);
		if (request.decoderResult().isFailure()) {
			send(ctx, EdgeResponse.plain(HttpResponseStatus.BAD_REQUEST, "Ungültige Anfrage.\n"), false, false);
			return;
		}
		boolean head = HttpMethod.HEAD.equals(request.method());
		if (!head && !HttpMethod.GET.equals(request.method())) {
			send(ctx, EdgeResponse.plain(HttpResponseStatus.METHOD_NOT_ALLOWED,
					"Der öffentliche Digitalmonitor kann nur gelesen werden (GET, HEAD).\n", "Allow", "GET, HEAD"),
					false, keepAlive);
			return;
		}
		String uri = request.uri();
		if (!isPublic(uri)) {
			send(ctx, EdgeResponse.plain(HttpResponseStatus.NOT_FOUND,
					"Nicht gefunden: diese Adresse gehört nicht zum öffentlichen Digitalmonitor.\n"), head, keepAlive);
			return;
		}
		String host = request.headers().get(HttpHeaderNames.HOST, "");
		if (!host.matches("[A-Za-z0-9.:\\[\\]-]{0,255}")) {
			send(ctx, EdgeResponse.plain(HttpResponseStatus.BAD_REQUEST, "Ungültige Anfrage.\n"), false, false);
			return;
		}
		String proto = "https".equalsIgnoreCase(request.headers().get("X-Forwarded-Proto")) ? "https" : "http";
		String language = languageCookie(request);
		// The host is neither part of the key nor passed on: no answer depends on it (absolute links use the
		// configured base URL), so a foreign Host header gets the same bytes as every visitor. The scheme is, as
		// an answer over https carries Strict-Transport-Security.
		String key = proto + '|' + uri + '|' + (language == null ? "" : language);
		String ifNoneMatch = request.headers().get(HttpHeaderNames.IF_NONE_MATCH);
		String ifModifiedSince = request.headers().get(HttpHeaderNames.IF_MODIFIED_SINCE);
		long versionNumber = edge.versionNumber();
		EdgeResponse cached = edge.cached(key, versionNumber);
		if (cached != null) {
			sendValidated(ctx, cached, ifNoneMatch, ifModifiedSince, head, keepAlive);
			return;
		}
		List<String[]> headers = new ArrayList<>();
		if (language != null) {
			headers.add(new String[] { "Cookie", MonitorResponseCache.LANGUAGE_COOKIE + "=" + language });
		}
		String acceptLanguage = request.headers().get(HttpHeaderNames.ACCEPT_LANGUAGE);
		if (acceptLanguage != null) {
			headers.add(new String[] { "Accept-Language", acceptLanguage });
		}
		headers.add(new String[] { "X-Forwarded-Proto", proto });
		if (ctx.channel().remoteAddress() instanceof InetSocketAddress remote) {
			headers.add(new String[] { "X-Forwarded-For", remote.getAddress().getHostAddress() });
		}
		rendering = true;
		edge.render(uri, headers).whenComplete((response, failure) -> ctx.executor().execute(() -> {
			EdgeResponse answer;
			if (failure != null) {
				log.warn("public listener: rendering {} failed: {}", uri, failure.toString());
				answer = EdgeResponse.plain(HttpResponseStatus.BAD_GATEWAY,
						"Der Digitalmonitor ist gerade nicht erreichbar. Bitte versuchen Sie es später noch einmal.\n");
			}
			else {
				List<String[]> received = PublicEdge.headersOf(response);
				answer = EdgeResponse.of(response.statusCode(), received, response.body());
				if (isCacheable(response.statusCode(), received)) {
					edge.keep(key, versionNumber, answer);
				}
			}
			rendering = false;
			if (ctx.channel().isActive()) {
				sendValidated(ctx, answer, ifNoneMatch, ifModifiedSince, head, keepAlive);
				ctx.flush();
				answerWaiting(ctx);
			}
		}));
	}

	private void sendValidated(ChannelHandlerContext ctx, EdgeResponse response, String ifNoneMatch,
			String ifModifiedSince, boolean head, boolean keepAlive) {
		EdgeResponse notModified = response.notModified(ifNoneMatch, ifModifiedSince);
		send(ctx, notModified != null ? notModified : response, head, keepAlive);
	}

	private void send(ChannelHandlerContext ctx, EdgeResponse response, boolean head, boolean keepAlive) {
		ctx.write(response.head.duplicate(), ctx.voidPromise());
		if (head || response.body.readableBytes() == 0) {
			var done = ctx.write(edge.dateAndEndOfHeaders());
			if (!keepAlive) {
				ctx.flush();
				done.addListener(ChannelFutureListener.CLOSE);
			}
			return;
		}
		ctx.write(edge.dateAndEndOfHeaders(), ctx.voidPromise());
		var done = ctx.write(response.body.duplicate());
		if (!keepAlive) {
			ctx.flush();
			done.addListener(ChannelFutureListener.CLOSE);
		}
	}

	/**
	 * Only the public paths, and only in their plain form: no dot segments, no encoded slashes or dots, no
	 * backslashes or path parameters that the servlet container might resolve to an internal path.
	 */
	static boolean isPublic(String uri) {
		if (uri.isEmpty() || uri.charAt(0) != '/' || uri.length() > 4096) {
			return false;
		}
		int q = uri.indexOf('?');
		String path = q < 0 ? uri : uri.substring(0, q);
		String lower = path.toLowerCase(Locale.ROOT);
		if (lower.contains("%2e") || lower.contains("%2f") || lower.contains("%5c") || lower.contains("%25")
				|| path.contains("\\") || path.contains(";") || path.contains("//")) {
			return false;
		}
		try {
			URI parsed = new URI(uri);
			if (!path.equals(parsed.normalize().getRawPath()) || parsed.getRawAuthority() != null) {
				return false;
			}
		}
		catch (URISyntaxException invalid) {
			return false;
		}
		return PUBLIC_PATHS.contains(path) || PUBLIC_PREFIXES.stream().anyMatch(path::startsWith);
	}

	/** A 200 without a visitor's own cookie that the application allows public caches to keep. */
	static boolean isCacheable(int status, List<String[]> headers) {
		if (status != 200) {
			return false;
		}
		for (String[] header : headers) {
			String name = header[0].toLowerCase(Locale.ROOT);
			String value = header[1].toLowerCase(Locale.ROOT);
			if (name.equals("set-cookie") && !value.startsWith(MonitorResponseCache.LANGUAGE_COOKIE + "=")) {
				return false;
			}
			if (name.equals("cache-control") && (value.contains("no-store") || value.contains("private"))) {
				return false;
			}
		}
		return true;
	}

	private static String languageCookie(HttpRequest request) {
		String header = request.headers().get(HttpHeaderNames.COOKIE);
		if (header == null) {
			return null;
		}
		for (Cookie cookie : ServerCookieDecoder.LAX.decode(header)) {
			if (MonitorResponseCache.LANGUAGE_COOKIE.equals(cookie.name())) {
				String value = cookie.value();
				return value.matches("[A-Za-z-]{1,16}") ? value : null;
			}
		}
		return null;
	}
}
