package de.leitstand.publicmonitor.internal;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpRequestDecoder;

/**
 * The public listener of the Digitalmonitor: a second port (Netty) that answers only the public paths
 * ({@code /monitor} and below, and the style sheets, scripts and fonts its pages use) and nothing of the internal
 * application. Each answer is rendered once by the application (a request to the servlet port on the loopback
 * interface, through the same controllers, filters and security headers as every other request), then kept encoded
 * as bytes per URL, scheme, language and read-model version, and replayed; a publication changes the version and so
 * empties the cache. It exists because the servlet container's cost per request, not the page, limits how many
 * citizens one server can answer (see docs/benchmarks.md). Off unless {@code leitstand.monitor.edge.port} is set.
 */
public class PublicEdge {

	private static final Logger log = LoggerFactory.getLogger(PublicEdge.class);

	private final MonitorVersion version;
	private final String address;
	private final int configuredPort;
	private final int threads;
	private final LongAdder hits = new LongAdder();
	private final LongAdder misses = new LongAdder();
	private final VersionedCache<EdgeResponse> cache = new VersionedCache<>();
	private volatile DateLine date = new DateLine(0, Unpooled.EMPTY_BUFFER);

	private final String applicationHost;
	private HttpClient client;
	private java.util.concurrent.ExecutorService clientThreads;
	private EventLoopGroup group;
	private Channel channel;
	private volatile int applicationPort;

	private record DateLine(long second, ByteBuf line) {
	}

	/**
	 * @param applicationAddress {@code server.address} (empty: all interfaces); where the listener reaches the
	 *        servlet port — the loopback interface unless the servlet port is bound to one address only
	 */
	public PublicEdge(MonitorVersion version, String address, int port, int threads, String applicationAddress) {
		this.version = version;
		this.address = address;
		this.configuredPort = port;
		this.threads = threads;
		this.applicationHost = switch (applicationAddress) {
			case "", "0.0.0.0", "::", "0:0:0:0:0:0:0:0" -> "127.0.0.1";
			default -> applicationAddress.contains(":") ? "[" + applicationAddress + "]" : applicationAddress;
		};
	}

	/** Starts once the servlet port is known (the listener renders through it). */
	@EventListener
	public synchronized void onWebServer(WebServerInitializedEvent event) {
		if (channel != null || event.getApplicationContext().getServerNamespace() != null) {
			return;
		}
		applicationPort = event.getWebServer().getPort();
		clientThreads = Executors.newFixedThreadPool(Math.max(2, threads), r -> {
			Thread t = new Thread(r, "public-edge-client");
			t.setDaemon(true);
			return t;
		});
		client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.followRedirects(HttpClient.Redirect.NEVER)
			.executor(clientThreads)
			.build();
		boolean epoll = Epoll.isAvailable();
		group = new MultiThreadIoEventLoopGroup(threads,
				epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
		PublicEdge edge = this;
		ServerBootstrap bootstrap = new ServerBootstrap().group(group)
			.channel(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
			.option(ChannelOption.SO_BACKLOG, 1024)
			.childOption(ChannelOption.TCP_NODELAY, true)
			.childHandler(new ChannelInitializer<SocketChannel>() {
				@Override
				protected void initChannel(SocketChannel ch) {
					ch.pipeline()
						.addLast(new HttpRequestDecoder(8192, 16 * 1024, 8192))
						.addLast(new PublicEdgeHandler(edge));
				}
			});
		try {
			channel = bootstrap.bind(new InetSocketAddress(address, configuredPort)).sync().channel();
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("public listener not started", interrupted);
		}
		log.info("Public listener of the Digitalmonitor on {}:{} ({}), rendering through {}:{}", address, port(),
				epoll ? "epoll" : "nio", applicationHost, applicationPort);
	}

	public synchronized void stop() {
		if (channel != null) {
			channel.close().syncUninterruptibly();
			group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
			clientThreads.shutdownNow();
			channel = null;
		}
	}

	/** The port it listens on (the configured one, or the one chosen for 0); -1 before the start. */
	public int port() {
		Channel c = channel;
		return c == null ? -1 : ((InetSocketAddress) c.localAddress()).getPort();
	}

	public double hits() {
		return hits.sum();
	}

	public double misses() {
		return misses.sum();
	}

	long versionNumber() {
		return version.current().number();
	}

	/** The cached answer for a key of the current version, counted as a hit; null if none. */
	EdgeResponse cached(String key, long versionNumber) {
		EdgeResponse response = cache.get(key, versionNumber);
		if (response != null) {
			hits.increment();
		}
		return response;
	}

	/** Keeps an answer if the version it was rendered for is still the current one and there is room. */
	void keep(String key, long versionNumber, EdgeResponse response) {
		cache.keep(key, versionNumber, version.current().number(), response, response.size);
	}

	/** Renders an answer through the servlet port: method GET, path and query as received, selected headers. */
	CompletableFuture<HttpResponse<byte[]>> render(String uri, List<String[]> headers) {
		misses.increment();
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + applicationHost + ":" + applicationPort + uri))
			.timeout(Duration.ofSeconds(30))
			.GET();
		headers.forEach(h -> request.header(h[0], h[1]));
		return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	/** "Date: …\r\n\r\n" of the current second, shared by all answers of that second. */
	ByteBuf dateAndEndOfHeaders() {
		long second = System.currentTimeMillis() / 1000;
		DateLine current = date;
		if (current.second() != second) {
			byte[] line = ("Date: " + EdgeResponse.HTTP_DATE.format(Instant.ofEpochSecond(second)) + "\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1);
			current = new DateLine(second, Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(line).asReadOnly()));
			date = current;
		}
		return current.line().duplicate();
	}

	static List<String[]> headersOf(HttpResponse<?> response) {
		List<String[]> headers = new ArrayList<>();
		response.headers().map().forEach((name, values) -> values.forEach(v -> headers.add(new String[] { name, v })));
		return headers;
	}
}
