package de.leitstand.shared.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.InvalidPropertyException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * A browser asking for an unknown page gets the German/English error page, not the RFC 9457 JSON that
 * {@code spring.mvc.problemdetails.enabled} answers with; clients that ask for JSON still get problem details.
 * Sending the error lets the error page render through the normal error controller, with the page layout.
 *
 * <p>A form field that names a list row beyond {@link FormRows#MAX_ROWS}, a negative row or a row that is no number
 * ({@code costs[99999].year}, {@code costs[-1].year}) cannot be bound at all: the binder throws instead of recording
 * a field error. That is a 400 naming the field, on every form, instead of a 500.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class HtmlErrorPages {

	@ExceptionHandler(value = { NoResourceFoundException.class, NoHandlerFoundException.class },
			produces = MediaType.TEXT_HTML_VALUE)
	void notFound(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_NOT_FOUND);
	}

	@ExceptionHandler(value = HttpRequestMethodNotSupportedException.class, produces = MediaType.TEXT_HTML_VALUE)
	void methodNotAllowed(HttpRequestMethodNotSupportedException ex, HttpServletResponse response)
			throws IOException {
		String[] allowed = ex.getSupportedMethods();
		if (allowed != null) {
			response.setHeader("Allow", String.join(", ", allowed));
		}
		response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
	}

	@ExceptionHandler(InvalidPropertyException.class)
	void formField(InvalidPropertyException ex, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		BadRequest.send(request, response, "form-field", ex.getPropertyName());
	}
}
