package de.leitstand.support;

import java.net.ServerSocket;
import java.nio.file.Files;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.impl.Log4jContextFactory;
import org.apache.logging.log4j.spi.LoggerContextFactory;
import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * A real OpenSearch node in this JVM (no container engine here): one node, single-node discovery, on a free port.
 * The runner starts the node directly, without OpenSearch's launcher and its refusal to run as root. Closing it
 * stops the node, deletes its data and gives Log4j back to the application.
 */
public final class OpenSearchNode implements AutoCloseable {

	private final OpenSearchRunner runner;
	private final LoggerContextFactory loggingBefore;
	private final int port;

	private OpenSearchNode(OpenSearchRunner runner, LoggerContextFactory loggingBefore, int port) {
		this.runner = runner;
		this.loggingBefore = loggingBefore;
		this.port = port;
	}

	public static OpenSearchNode start(String clusterName) throws Exception {
		// OpenSearch asserts its own Lucene version; Hibernate Search brings a newer patch release of Lucene 9.12.
		ClassLoader.getSystemClassLoader().setPackageAssertionStatus("org.opensearch", false);
		// Netty's processor count is fixed once per JVM, and earlier tests (the public listener) already used Netty:
		// OpenSearch must not try to set it again.
		System.setProperty("opensearch.set.netty.runtime.available.processors", "false");
		// OpenSearch sets log levels through Log4j itself; Log4j calls of the application go to SLF4J/Logback.
		// While the node runs, Log4j's own implementation answers (its default: errors only, to the console).
		LoggerContextFactory loggingBefore = LogManager.getFactory();
		LogManager.setFactory(new Log4jContextFactory());
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		OpenSearchRunner runner = new OpenSearchRunner();
		runner.onBuild((number, settings) -> {
			settings.put("discovery.type", "single-node");
			settings.put("http.port", port);
			settings.put("transport.port", "0");
		});
		runner.build(OpenSearchRunner.newConfigs()
			.basePath(Files.createTempDirectory("opensearch").toString())
			.clusterName(clusterName)
			.numOfNode(1)
			.disableESLogger());
		runner.ensureYellow();
		return new OpenSearchNode(runner, loggingBefore, port);
	}

	public int port() {
		return port;
	}

	@Override
	public void close() throws Exception {
		try {
			runner.close();
			runner.clean();
		}
		finally {
			LogManager.setFactory(loggingBefore);
		}
	}
}
