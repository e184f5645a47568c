package de.leitstand.shared.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the API's RFC 9457 problem details from message keys ({@code i18n/api.properties}): a stable
 * {@code type} per kind of problem, a localised {@code title} and {@code detail}, and for invalid input an
 * {@code errors} array of {@code {field, message}}. Also writes them outside Spring MVC (security filters).
 */
@Component
public class ApiProblemFactory {

	/** Media type of every API error answer. */
	public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

	private final MessageSource messages;
	private final JsonMapper json;

	ApiProblemFactory(MessageSource messages, JsonMapper json) {
		this.messages = messages;
		this.json = json;
	}

	/** One field-level error as the API shows it. */
	public record FieldError(String field, String message) {
	}

	/**
	 * A problem of the given kind: {@code kind} names the type URI ({@code urn:leitstand:problem:<kind>}) and the
	 * message keys {@code api.problem.<kind>.title} and {@code api.problem.<kind>.detail}.
	 */
	public ProblemDetail problem(HttpStatusCode status, String kind, Locale locale, Object... detailArgs) {
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setType(URI.create("urn:leitstand:problem:" + kind));
		problem.setTitle(message("api.problem." + kind + ".title", locale));
		problem.setDetail(message("api.problem." + kind + ".detail", locale, detailArgs));
		return problem;
	}

	/** A problem whose detail comes from a domain message key (e.g. a rule violation). */
	public ProblemDetail problemWithDetailKey(HttpStatusCode status, String kind, Locale locale, String detailKey,
			Object... detailArgs) {
		ProblemDetail problem = problem(status, kind, locale);
		problem.setDetail(message(detailKey, locale, detailArgs));
		return problem;
	}

	public void addErrors(ProblemDetail problem, List<FieldError> errors) {
		problem.setProperty("errors", errors);
	}

	/** A message in the given language; an unknown key falls back to a general "invalid value" text. */
	public String message(String key, Locale locale, Object... args) {
		String text = messages.getMessage(key, args, null, locale);
		if (text == null) {
			text = messages.getMessage("api.problem.field.invalid", null, "?", locale);
		}
		return text;
	}

	/** Writes a problem outside Spring MVC, e.g. from an authentication entry point. */
	public void write(HttpServletRequest request, HttpServletResponse response, HttpStatusCode status, String kind)
			throws java.io.IOException {
		ProblemDetail problem = problem(status, kind, ApiLocale.of(request));
		problem.setInstance(URI.create(request.getRequestURI()));
		response.setStatus(status.value());
		response.setContentType(PROBLEM_JSON.toString());
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getWriter(), body(problem));
	}

	/** The members of a problem without errors, in the order the API documents them. */
	public Map<String, Object> body(ProblemDetail problem) {
		Map<String, Object> body = new java.util.LinkedHashMap<>();
		body.put("type", problem.getType().toString());
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		if (problem.getInstance() != null) {
			body.put("instance", problem.getInstance().toString());
		}
		return body;
	}
}
