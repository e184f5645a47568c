package de.leitstand.shared.web;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

import tools.jackson.databind.json.JsonMapper;

/**
 * Every answer of the error path ({@code /error}): the error page in the layout for browsers, RFC 9457 problem
 * details for the API and JSON clients, and always {@code Cache-Control: no-store}, so that no shared cache keeps an
 * error (the public monitor marks its answers public before they are rendered). {@code /error} asked for directly
 * is a 404, not the 500 Spring Boot answers when no error is recorded on the request. A 400 marked by
 * {@link BadRequest} names its reason on the page and in the problem.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ErrorAnswers extends BasicErrorController {

	private final ApiProblemFactory problems;
	private final JsonMapper json;

	ErrorAnswers(ErrorAttributes attributes, WebProperties web, ObjectProvider<ErrorViewResolver> resolvers,
			ApiProblemFactory problems, JsonMapper json) {
		super(attributes, web.getError(), resolvers.orderedStream().toList());
		this.problems = problems;
		this.json = json;
	}

	@Override
	public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
		response.setHeader("Cache-Control", "no-store");
		if (isApi(request)) {
			// The API has no pages: a browser that opens an API address gets the problem document as well.
			writeProblem(request, response);
			return null;
		}
		ModelAndView page = super.errorHtml(request, response);
		Object kind = request.getAttribute(BadRequest.KIND);
		if (kind != null) {
			page.addObject("badRequestKind", kind);
			page.addObject("badRequestArgument", request.getAttribute(BadRequest.ARGUMENT));
		}
		return page;
	}

	@Override
	public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
		HttpStatus status = getStatus(request);
		return ResponseEntity.status(status)
			.cacheControl(CacheControl.noStore())
			.contentType(ApiProblemFactory.PROBLEM_JSON)
			.body(problems.body(problem(request, status)));
	}

	/** No error recorded on the request: someone asked for the error path itself, which is no page. */
	@Override
	protected HttpStatus getStatus(HttpServletRequest request) {
		if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null) {
			return HttpStatus.NOT_FOUND;
		}
		return super.getStatus(request);
	}

	private void writeProblem(HttpServletRequest request, HttpServletResponse response) {
		HttpStatus status = getStatus(request);
		response.setStatus(status.value());
		response.setContentType(ApiProblemFactory.PROBLEM_JSON.toString());
		response.setCharacterEncoding("UTF-8");
		try {
			json.writeValue(response.getWriter(), problems.body(problem(request, status)));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private ProblemDetail problem(HttpServletRequest request, HttpStatus status) {
		Locale locale = ApiLocale.of(request);
		Object kind = request.getAttribute(BadRequest.KIND);
		ProblemDetail problem;
		if (kind != null) {
			Object argument = request.getAttribute(BadRequest.ARGUMENT);
			problem = problems.problem(status, kind.toString(), locale, argument == null ? "" : argument);
		}
		else {
			problem = switch (status) {
				case NOT_FOUND -> problems.problem(status, "not-found", locale);
				case FORBIDDEN -> problems.problem(status, "forbidden", locale);
				case UNAUTHORIZED -> problems.problem(status, "unauthorized", locale);
				case INTERNAL_SERVER_ERROR -> problems.problem(status, "internal", locale);
				default -> problems.problem(status, "http", locale, status.value());
			};
		}
		URI instance = instance(request);
		if (instance != null) {
			problem.setInstance(instance);
		}
		return problem;
	}

	/** The address that failed, if it is one (a rejected address may not even parse). */
	private static URI instance(HttpServletRequest request) {
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri == null || request.getAttribute(BadRequest.KIND) != null) {
			return null;
		}
		try {
			return new URI(uri.toString());
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

	/** An API address (also one the firewall rejected, e.g. with doubled slashes). */
	private static boolean isApi(HttpServletRequest request) {
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = uri == null ? request.getRequestURI() : uri.toString();
		return path.replaceAll("/{2,}", "/").startsWith("/api/");
	}
}
