package de.leitstand.shared.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A 400 whose reason the error answer names: the request is marked with a kind ({@code rejected-url},
 * {@code form-field}) and an optional argument, then sent to the error page, which shows the matching German or
 * English text ({@code error.400.<kind>}) or, for the API and JSON clients, the problem document
 * ({@code api.problem.<kind>}). Usable from filters too (the security firewall), where no controller advice runs.
 */
public final class BadRequest {

	static final String KIND = BadRequest.class.getName() + ".kind";
	static final String ARGUMENT = BadRequest.class.getName() + ".argument";

	/** Longest argument shown; it comes from the request and is only there to help find the mistake. */
	private static final int MAX_ARGUMENT = 80;

	private BadRequest() {
	}

	public static void send(HttpServletRequest request, HttpServletResponse response, String kind, String argument)
			throws IOException {
		request.setAttribute(KIND, kind);
		if (argument != null) {
			request.setAttribute(ARGUMENT,
					argument.length() > MAX_ARGUMENT ? argument.substring(0, MAX_ARGUMENT) + "…" : argument);
		}
		response.sendError(HttpServletResponse.SC_BAD_REQUEST);
	}
}
