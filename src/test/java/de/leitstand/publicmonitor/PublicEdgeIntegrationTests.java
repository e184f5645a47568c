package de.leitstand.publicmonitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import de.leitstand.organization.OrgUnitDirectory;
import de.leitstand.portfolio.internal.Project;
import de.leitstand.portfolio.internal.ProjectService;
import de.leitstand.publicmonitor.internal.PublicEdge;
import de.leitstand.strategy.StrategyCatalog;

/**
 * The public listener on its own port: the same answers as the application gives, replayed from its cache, fresh
 * after a publication, and nothing of the internal application reachable through it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "leitstand.monitor.edge.port=0", "leitstand.monitor.edge.address=127.0.0.1",
				"leitstand.public.base-url=https://monitor.stadt.example/" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PublicEdgeIntegrationTests {

	@LocalServerPort
	int applicationPort;

	@Autowired
	PublicEdge edge;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	ProjectService projects;

	@Autowired
	OrgUnitDirectory units;

	@Autowired
	StrategyCatalog strategy;

	final HttpClient http = HttpClient.newHttpClient();

	MonitorFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new MonitorFixtures(mvc, users, projects, units, strategy);
	}

	@Test
	void answersAsTheApplicationDoesAndReplaysFromItsCache() throws Exception {
		String url = "/monitor?q=" + MonitorFixtures.unique();
		HttpResponse<String> direct = get(applicationPort, url);
		double rendered = edge.misses();
		HttpResponse<String> first = get(edge.port(), url);
		double hits = edge.hits();
		HttpResponse<String> second = get(edge.port(), url);

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.body()).isEqualTo(direct.body()).contains("Digitalmonitor");
		assertThat(second.body()).isEqualTo(first.body());
		assertThat(edge.misses()).isEqualTo(rendered + 1);
		assertThat(edge.hits()).isEqualTo(hits + 1);
		for (String header : new String[] { "Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options",
				"Cache-Control", "Content-Type" }) {
			assertThat(second.headers().firstValue(header)).as(header).isEqualTo(direct.headers().firstValue(header));
		}
		assertThat(second.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag")).isPresent();
		assertThat(second.headers().firstValue("Date")).isPresent();
		assertThat(second.headers().firstValue("Set-Cookie")).isEmpty();
	}

	@Test
	void revalidatesWithEtagAndLastModifiedAndAnswersHead() throws Exception {
		HttpResponse<String> page = get(edge.port(), "/monitor/barrierefreiheit");
		String etag = page.headers().firstValue("ETag").orElseThrow();
		String lastModified = page.headers().firstValue("Last-Modified").orElseThrow();

		assertThat(send(edge.port(), HttpRequest.newBuilder(uri(edge.port(), "/monitor/barrierefreiheit"))
			.header("If-None-Match", etag)).statusCode()).isEqualTo(304);
		assertThat(send(edge.port(), HttpRequest.newBuilder(uri(edge.port(), "/monitor/barrierefreiheit"))
			.header("If-Modified-Since", lastModified)).statusCode()).isEqualTo(304);
		assertThat(send(edge.port(), HttpRequest.newBuilder(uri(edge.port(), "/monitor/barrierefreiheit"))
			.header("If-None-Match", "\"something-else\"")).statusCode()).isEqualTo(200);

		String head = raw(edge.port(), "HEAD /monitor/barrierefreiheit HTTP/1.1\r\nHost: localhost\r\n"
				+ "Connection: close\r\n\r\n");
		assertThat(head).startsWith("HTTP/1.1 200 OK\r\n")
			.contains("Content-Length: " + page.body().getBytes(StandardCharsets.UTF_8).length + "\r\n")
			.endsWith("\r\n\r\n");
	}

	@Test
	void aPublicationIsVisibleAtOnce() throws Exception {
		String marker = MonitorFixtures.unique();
		String url = "/monitor?q=" + marker;
		assertThat(get(edge.port(), url).body()).doesNotContain("Edge " + marker);
		assertThat(get(edge.port(), url).body()).doesNotContain("Edge " + marker);

		Project project = fixtures.create(fixtures.internalProfile("e" + marker, false, Set.of()));
		fixtures.publication(project, true, "Edge " + marker, "Über den öffentlichen Port.");

		assertThat(get(edge.port(), url).body()).contains("Edge " + marker);
		fixtures.publication(project, false, "Edge " + marker, "Über den öffentlichen Port.");
		assertThat(get(edge.port(), url).body()).doesNotContain("Edge " + marker);
		assertThat(get(edge.port(), "/monitor/projects/" + project.getKey()).statusCode()).isEqualTo(404);
	}

	@Test
	void servesNothingOfTheInternalApplication() throws Exception {
		for (String path : new String[] { "/", "/login", "/admin/users", "/portfolio", "/api/v1/projects",
				"/actuator/health", "/actuator/prometheus", "/monitor/../admin/users", "/monitor/%2e%2e/admin/users",
				"/monitor/..%2fadmin/users", "/monitor;jsessionid=1/../../admin/users", "/monitor//../admin/users",
				"/monitor\\..\\admin", "/monitorx", "/v3/api-docs" }) {
			String answer = raw(edge.port(), "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
			assertThat(answer).as(path).startsWith("HTTP/1.1 404 Not Found\r\n")
				.contains("nicht zum öffentlichen Digitalmonitor");
		}
		String post = raw(edge.port(), "POST /monitor HTTP/1.1\r\nHost: localhost\r\nContent-Length: 3\r\n"
				+ "Connection: close\r\n\r\nx=1");
		assertThat(post).startsWith("HTTP/1.1 405 Method Not Allowed\r\n").contains("Allow: GET, HEAD\r\n");
		assertThat(raw(edge.port(), "GET /monitor HTTP/1.1\r\nHost: evil.example/\r\nConnection: close\r\n\r\n"))
			.startsWith("HTTP/1.1 400 Bad Request\r\n");
		assertThat(raw(edge.port(), "NONSENSE\r\n\r\n")).startsWith("HTTP/1.1 400 Bad Request\r\n");
	}

	@Test
	void linksInTheFeedNameTheConfiguredAddressWhateverHostTheVisitorSends() throws Exception {
		String foreign = raw(edge.port(), "GET /monitor/feed.atom HTTP/1.1\r\nHost: evil.example\r\n"
				+ "Connection: close\r\n\r\n");
		String own = raw(edge.port(), "GET /monitor/feed.atom HTTP/1.1\r\nHost: monitor.stadt.example\r\n"
				+ "Connection: close\r\n\r\n");
		assertThat(foreign).startsWith("HTTP/1.1 200 OK\r\n").contains("https://monitor.stadt.example/monitor")
			.doesNotContain("evil.example")
			.doesNotContain("127.0.0.1:" + applicationPort);
		assertThat(own.substring(own.indexOf("\r\n\r\n"))).isEqualTo(foreign.substring(foreign.indexOf("\r\n\r\n")));
	}

	@Test
	void keepsTheOrderOfPipelinedRequestsAndTheChosenLanguage() throws Exception {
		String marker = MonitorFixtures.unique();
		String answers = raw(edge.port(),
				"GET /monitor?q=" + marker + " HTTP/1.1\r\nHost: localhost\r\n\r\n"
						+ "GET /monitor/barrierefreiheit HTTP/1.1\r\nHost: localhost\r\n"
						+ "Cookie: JSESSIONID=not-forwarded; leitstand-lang=en\r\nConnection: close\r\n\r\n");
		int second = answers.indexOf("HTTP/1.1 200 OK", 1);
		assertThat(second).isPositive();
		assertThat(answers.substring(0, second)).contains(marker);
		assertThat(answers.substring(second)).doesNotContain(marker).contains("lang=\"en\"");
	}

	private HttpResponse<String> get(int port, String path) throws Exception {
		return send(port, HttpRequest.newBuilder(uri(port, path)));
	}

	private HttpResponse<String> send(int port, HttpRequest.Builder request) throws Exception {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static URI uri(int port, String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	/** Sends bytes as they are (no client-side normalisation of the path) and reads until the server closes. */
	private static String raw(int port, String request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			in.transferTo(answer);
			return answer.toString(StandardCharsets.UTF_8);
		}
	}
}
