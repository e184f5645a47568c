package de.leitstand.organization.internal;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.ResourceBundle;

import org.apache.catalina.core.StandardHost;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

import de.leitstand.shared.web.ApiLocale;

/**
 * Requests the web server refuses before the application sees them (a raw backslash or control character in the
 * address, an encoded slash, backslash or NUL): Tomcat answers those itself, with its own English page and without
 * any security header. Its error report valve is replaced by this one, which answers such a 400 like the firewall's
 * ({@link RejectedRequests}): the page headers, {@code no-store}, and a German (or English, by
 * {@code Accept-Language}) page, or a problem document for the API and JSON clients. Answers the application has
 * written are left alone, as by the standard valve.
 */
public class ServerRejections extends ErrorReportValve {

	private static final Logger log = LoggerFactory.getLogger(ServerRejections.class);

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		if (response.getStatus() != 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			super.report(request, response, throwable);
			return;
		}
		Locale locale = ApiLocale.of(request);
		try {
			response.resetBuffer();
			RejectedRequests.HEADERS.forEach(writer -> writer.writeHeaders(request, response));
			response.setHeader("Cache-Control", "no-store");
			response.setCharacterEncoding("UTF-8");
			boolean api = isApi(request);
			response.setContentType(api ? "application/problem+json" : "text/html");
			Writer out = response.getReporter();
			if (out == null) {
				return;
			}
			if (api) {
				ResourceBundle texts = texts("i18n/api", locale);
				out.write("{\"type\":\"urn:leitstand:problem:rejected-url\",\"title\":\""
						+ json(texts.getString("api.problem.rejected-url.title")) + "\",\"status\":400,\"detail\":\""
						+ json(texts.getString("api.problem.rejected-url.detail")) + "\"}");
			}
			else {
				ResourceBundle texts = texts("i18n/shared", locale);
				String title = html(texts.getString("error.400.title"));
				out.write("<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\">"
						+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title
						+ "</title><link rel=\"stylesheet\" href=\"/vendor/kern/kern.min.css\">"
						+ "<link rel=\"stylesheet\" href=\"/css/leitstand.css\"></head><body class=\"kern-body\">"
						+ "<main id=\"main-content\" class=\"kern-container\"><h1 class=\"kern-heading-large\">" + title
						+ "</h1><p class=\"kern-body\" id=\"bad-request-reason\">"
						+ html(texts.getString("error.400.rejected-url")) + "</p><p><a class=\"kern-link\" href=\"/\">"
						+ html(texts.getString("error.home")) + "</a></p></main></body></html>");
			}
			response.finishResponse();
		}
		catch (IOException | RuntimeException ex) {
			log.debug("Could not write the answer to a refused request: {}", ex.toString());
		}
	}

	/**
	 * The API's paths (the raw address, as the server refused to decode it) or a client asking for JSON. A request
	 * line the server cannot even parse (a raw backslash) leaves both unknown: that answer is the page.
	 */
	private static boolean isApi(Request request) {
		String uri = request.getRequestURI();
		String accept = request.getHeader("Accept");
		return (uri != null && uri.replaceAll("/{2,}", "/").startsWith("/api/"))
				|| (accept != null && accept.contains("json") && !accept.contains("text/html"));
	}

	/** German is the base file: no fallback to the JVM's default locale, which would pick the English one. */
	private static ResourceBundle texts(String name, Locale locale) {
		return ResourceBundle.getBundle(name, locale,
				ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
	}

	private static String html(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	private static String json(String text) {
		return text.replace("\\", "\\\\").replace("\"", "\\\"");
	}

	/** Installs the valve on the host of the embedded Tomcat. */
	@Component
	static class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

		@Override
		public void customize(TomcatServletWebServerFactory factory) {
			factory.addContextCustomizers(context -> {
				if (context.getParent() instanceof StandardHost host) {
					host.setErrorReportValveClass(ServerRejections.class.getName());
				}
			});
		}
	}
}
