package de.leitstand.shared.web;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import de.leitstand.shared.NotFoundException;
import de.leitstand.shared.RuleViolation;

/**
 * Turns known failures on HTML pages into readable pages. API controllers have their own problem-detail advice.
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class WebErrorAdvice {

	@ExceptionHandler(NotFoundException.class)
	String notFound(HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		return "error/404";
	}

	@ExceptionHandler(ObjectOptimisticLockingFailureException.class)
	String concurrentSave(HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_CONFLICT);
		return "error/409";
	}

	@ExceptionHandler(RuleViolation.class)
	String ruleViolation(RuleViolation violation, HttpServletResponse response, org.springframework.ui.Model model) {
		response.setStatus(422);
		model.addAttribute("ruleKey", violation.messageKey());
		model.addAttribute("ruleArgs", violation.arguments());
		return "error/422";
	}
}
