package de.leitstand.shared.web;

import java.util.Iterator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.InvalidPropertyException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.context.request.WebRequest;

/**
 * One limit for the rows a form may bind into a list ({@code costs[99].year}): the binder grows a list up to the
 * index it is given, so without a limit a crafted index would allocate rows by the thousand, and a negative index
 * fails inside the binder with an unchecked exception. A row number that is negative or at or beyond the limit is
 * refused before binding; {@link HtmlErrorPages} answers it, and an index the binder cannot read ({@code costs[x]}
 * on a list), with a 400 naming the field.
 */
@ControllerAdvice
class FormRows {

	/** More rows than any table of a form has (years of a budget, offices, online services). */
	static final int MAX_ROWS = 100;

	/** A numeric index; other keys (a map's, e.g. {@code contributions[<goal id>]}) are the binder's business. */
	private static final Pattern ROW = Pattern.compile("\\[\\s*(-?\\d+)\\s*]");

	@InitBinder
	void limitRows(WebDataBinder binder, WebRequest request) {
		binder.setAutoGrowCollectionLimit(MAX_ROWS);
		for (Iterator<String> names = request.getParameterNames(); names.hasNext();) {
			String name = names.next();
			Matcher row = ROW.matcher(name);
			while (row.find()) {
				if (!inRange(row.group(1))) {
					// The form object is not created yet (constructor binding comes first): name its type.
					Class<?> form = binder.getTargetType() == null ? Object.class : binder.getTargetType().toClass();
					throw new InvalidPropertyException(form, name.substring(0, row.end()),
							"row number outside 0.." + (MAX_ROWS - 1));
				}
			}
		}
	}

	private static boolean inRange(String digits) {
		return !digits.startsWith("-") && digits.length() <= 3 && Integer.parseInt(digits) < MAX_ROWS;
	}
}
