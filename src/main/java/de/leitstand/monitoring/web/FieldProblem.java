package de.leitstand.monitoring.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.leitstand.shared.InvalidInput;

/**
 * A broken rule as the plain monitoring forms show it: the message key with its arguments (so that "höchstens
 * {0} Zeichen" says how many) and the id of the input it belongs to, for the error summary's link.
 */
public record FieldProblem(String anchor, String messageKey, Object[] args) {

	/**
	 * One problem per field, the first one wins; unreadable values (a date that is no date) before the rules'
	 * problems of the same field.
	 *
	 * @param keyPrefix prefix of the map keys, e.g. {@code "risk."} where one page has several forms
	 * @param idPrefix prefix of the input ids, e.g. {@code "risk"} for {@code riskTitle}
	 */
	static Map<String, FieldProblem> of(List<InvalidInput.Problem> unreadable, InvalidInput invalid, String keyPrefix,
			String idPrefix) {
		Map<String, FieldProblem> map = new LinkedHashMap<>();
		for (List<InvalidInput.Problem> list : List.of(unreadable, invalid.problems())) {
			for (InvalidInput.Problem problem : list) {
				String anchor = idPrefix.isEmpty() ? problem.field()
						: idPrefix + Character.toUpperCase(problem.field().charAt(0)) + problem.field().substring(1);
				map.putIfAbsent(keyPrefix + problem.field(),
						new FieldProblem(anchor, problem.messageKey(), problem.args() == null ? new Object[0] : problem.args()));
			}
		}
		return map;
	}
}
