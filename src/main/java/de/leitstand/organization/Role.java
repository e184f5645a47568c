package de.leitstand.organization;

/**
 * The roles of DESIGN.md §2. Authorisation is deny-by-default; each role grants only what it names.
 */
public enum Role {

	ADMIN, PORTFOLIO_MANAGER, PROJECT_LEAD, EVALUATOR, BOARD, READER;

	public String authority() {
		return "ROLE_" + name();
	}
}
