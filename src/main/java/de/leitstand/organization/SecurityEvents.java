package de.leitstand.organization;

/**
 * The security event log (sign-ins, failed sign-ins, role changes, API token use, refused access). Other modules
 * record what only they see, e.g. the API token filter: {@code securityEvents.record(SecurityEventType.TOKEN_USED,
 * username, "token " + tokenName)}. The client address is taken from the current request if there is one.
 * Recording never fails the caller's operation for lack of a request; it joins the caller's transaction if one is
 * open (so a role change and its log entry commit together).
 */
public interface SecurityEvents {

	void record(SecurityEventType type, String username, String detail);

	/** The kinds of entry in the security event log. */
	enum SecurityEventType {
		LOGIN_SUCCESS, LOGIN_FAILURE, LOGOUT, ROLE_CHANGE, TOKEN_USED, TOKEN_CREATED, TOKEN_REVOKED, ACCESS_DENIED,
		THROTTLED
	}
}
