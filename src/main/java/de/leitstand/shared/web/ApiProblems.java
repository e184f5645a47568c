package de.leitstand.shared.web;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.ErrorResponse;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import de.leitstand.shared.InvalidInput;
import de.leitstand.shared.NotFoundException;
import de.leitstand.shared.RuleViolation;
import de.leitstand.shared.StaleVersionException;
import de.leitstand.shared.web.ApiProblemFactory.FieldError;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every error of an {@link ApiController} as RFC 9457 problem details ({@code application/problem+json}), with a
 * German {@code detail} unless {@code Accept-Language} asks for English, an {@code errors} array of
 * {@code {field, message}} for invalid input, and never a stack trace.
 *
 * <ul>
 * <li>{@link InvalidInput} → 422 with {@code errors}; unreadable JSON, unknown enum values, wrong types → 400
 * naming the field</li>
 * <li>{@link RuleViolation} (e.g. an illegal lifecycle step) → 409</li>
 * <li>{@link StaleVersionException} (version in the body) → 409; {@link PreconditionFailed} → 412, or 428 when
 * {@code If-Match} is missing</li>
 * <li>{@link NotFoundException} → 404, {@link AccessDeniedException} → 403, anything else → 500</li>
 * </ul>
 */
@RestControllerAdvice(annotations = ApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ApiProblems {

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	private final ApiProblemFactory problems;

	ApiProblems(ApiProblemFactory problems) {
		this.problems = problems;
	}

	@ExceptionHandler(InvalidInput.class)
	ResponseEntity<ProblemDetail> invalidInput(InvalidInput ex, HttpServletRequest request) {
		Locale locale = ApiLocale.of(request);
		List<FieldError> errors = ex.problems().stream()
			.map(p -> new FieldError(p.field(), problems.message(p.messageKey(), locale, p.args())))
			.toList();
		ProblemDetail problem = problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-input", locale,
				errors.size(), errors.stream().map(FieldError::field).distinct().collect(Collectors.joining(", ")));
		problems.addErrors(problem, errors);
		return respond(problem, request, null);
	}

	@ExceptionHandler(RuleViolation.class)
	ResponseEntity<ProblemDetail> ruleViolation(RuleViolation ex, HttpServletRequest request) {
		Locale locale = ApiLocale.of(request);
		ProblemDetail problem = problems.problemWithDetailKey(HttpStatus.CONFLICT, "rule-violation", locale,
				ex.messageKey(), ex.arguments());
		if (ex.field() != null) {
			problems.addErrors(problem, List.of(new FieldError(ex.field(), problem.getDetail())));
		}
		return respond(problem, request, null);
	}

	@ExceptionHandler(StaleVersionException.class)
	ResponseEntity<ProblemDetail> stale(StaleVersionException ex, HttpServletRequest request) {
		ProblemDetail problem = problems.problem(HttpStatus.CONFLICT, "stale-version", ApiLocale.of(request),
				ex.currentVersion());
		problem.setProperty("currentVersion", ex.currentVersion());
		return respond(problem, request, null);
	}

	@ExceptionHandler(ObjectOptimisticLockingFailureException.class)
	ResponseEntity<ProblemDetail> concurrentSave(HttpServletRequest request) {
		return respond(problems.problem(HttpStatus.CONFLICT, "concurrent-change", ApiLocale.of(request)), request,
				null);
	}

	@ExceptionHandler(PreconditionFailed.class)
	ResponseEntity<ProblemDetail> precondition(PreconditionFailed ex, HttpServletRequest request) {
		Locale locale = ApiLocale.of(request);
		if (ex.isRequired()) {
			return respond(problems.problem(HttpStatus.PRECONDITION_REQUIRED, "precondition-required", locale),
					request, null);
		}
		ProblemDetail problem = problems.problem(HttpStatus.PRECONDITION_FAILED, "precondition-failed", locale,
				ex.currentVersion());
		problem.setProperty("currentVersion", ex.currentVersion());
		HttpHeaders headers = new HttpHeaders();
		headers.setETag("\"" + ex.currentVersion() + "\"");
		return respond(problem, request, headers);
	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<ProblemDetail> notFound(HttpServletRequest request) {
		return respond(problems.problem(HttpStatus.NOT_FOUND, "not-found", ApiLocale.of(request)), request, null);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ProblemDetail> forbidden(HttpServletRequest request) {
		return respond(problems.problem(HttpStatus.FORBIDDEN, "forbidden", ApiLocale.of(request)), request, null);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request) {
		Locale locale = ApiLocale.of(request);
		String value = String.valueOf(ex.getValue());
		ProblemDetail problem = badValue(ex.getName(), value, ex.getRequiredType(), locale);
		return respond(problem, request, null);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletRequest request) {
		if (ex instanceof ErrorResponse standard) {
			// Spring MVC's own errors (405, 406, 415, missing parameters, …): same shape, localised texts.
			ProblemDetail problem = problems.problem(standard.getStatusCode(), "http", ApiLocale.of(request),
					standard.getStatusCode().value());
			if (standard.getBody().getDetail() != null) {
				problem.setProperty("reason", standard.getBody().getDetail());
			}
			return respond(problem, request, standard.getHeaders());
		}
		log.error("API request {} {} failed", request.getMethod(), request.getRequestURI(), ex);
		return respond(problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", ApiLocale.of(request)),
				request, null);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex, HttpServletRequest servlet) {
		Locale locale = ApiLocale.of(servlet);
		Throwable cause = ex.getMostSpecificCause();
		ProblemDetail problem;
		if (cause instanceof InvalidFormatException invalid && !invalid.getPath().isEmpty()) {
			problem = badValue(path(invalid), String.valueOf(invalid.getValue()), invalid.getTargetType(), locale);
		}
		else if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
			String field = path(mismatch);
			problem = problems.problem(HttpStatus.BAD_REQUEST, "bad-value", locale, field, "");
			problem.setDetail(problems.message("api.problem.bad-value.wrongType", locale, field));
			problems.addErrors(problem, List.of(new FieldError(field, problem.getDetail())));
		}
		else if (cause instanceof StreamReadException read && read.getLocation() != null) {
			problem = problems.problem(HttpStatus.BAD_REQUEST, "malformed", locale, read.getLocation().getLineNr(),
					read.getLocation().getColumnNr());
		}
		else if (cause instanceof JacksonException json && !json.getPath().isEmpty()) {
			String field = path(json);
			problem = problems.problem(HttpStatus.BAD_REQUEST, "bad-value", locale, field, "");
			problem.setDetail(problems.message("api.problem.bad-value.wrongType", locale, field));
			problems.addErrors(problem, List.of(new FieldError(field, problem.getDetail())));
		}
		else {
			problem = problems.problem(HttpStatus.BAD_REQUEST, "missing-body", locale);
		}
		return respond(problem, servlet, null);
	}

	private ProblemDetail badValue(String field, String value, Class<?> type, Locale locale) {
		ProblemDetail problem;
		if (type != null && type.isEnum()) {
			String allowed = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
				.collect(Collectors.joining(", "));
			problem = problems.problem(HttpStatus.BAD_REQUEST, "bad-value", locale, field, value);
			problem.setDetail(problems.message("api.problem.bad-value.enum", locale, field, value, allowed));
		}
		else {
			problem = problems.problem(HttpStatus.BAD_REQUEST, "bad-value", locale, field, value);
		}
		problems.addErrors(problem, List.of(new FieldError(field, problem.getDetail())));
		return problem;
	}

	/** A JSON path such as {@code goals[0].contribution}. */
	static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference ref : ex.getPath()) {
			if (ref.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(ref.getPropertyName());
			}
			else if (ref.getIndex() >= 0) {
				path.append('[').append(ref.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem, HttpServletRequest request,
			HttpHeaders headers) {
		problem.setInstance(URI.create(request.getRequestURI()));
		ResponseEntity.BodyBuilder builder = ResponseEntity.status(problem.getStatus())
			.contentType(ApiProblemFactory.PROBLEM_JSON);
		if (headers != null) {
			HttpHeaders copy = new HttpHeaders();
			copy.putAll(headers);
			copy.remove(HttpHeaders.CONTENT_TYPE);
			builder.headers(copy);
		}
		return builder.body(problem);
	}
}
