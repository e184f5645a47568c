package de.leitstand.prioritization.internal.scoring;

import org.springframework.security.access.AccessDeniedException;

import de.leitstand.organization.LeitstandUser;
import de.leitstand.organization.Role;

/** Deny-by-default checks of the scoring part, used by the services (not only by URLs). */
final class Access {

	private Access() {
	}

	static LeitstandUser user() {
		return LeitstandUser.current().orElseThrow(() -> new AccessDeniedException("not signed in"));
	}

	static LeitstandUser requirePortfolioManager() {
		LeitstandUser user = user();
		if (!user.has(Role.PORTFOLIO_MANAGER)) {
			throw new AccessDeniedException("only the portfolio office may do this");
		}
		return user;
	}

	static LeitstandUser requireEvaluator() {
		LeitstandUser user = user();
		if (!user.has(Role.EVALUATOR)) {
			throw new AccessDeniedException("only evaluators rate proposals");
		}
		return user;
	}
}
