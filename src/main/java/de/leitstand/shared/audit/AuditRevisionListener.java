package de.leitstand.shared.audit;

import org.hibernate.envers.RevisionListener;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Stamps each revision with the signed-in user, or "system" for jobs and start-up data.
 */
public class AuditRevisionListener implements RevisionListener {

	@Override
	public void newRevision(Object revisionEntity) {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		String name = auth == null || !auth.isAuthenticated() ? "system" : auth.getName();
		((AuditRevision) revisionEntity).setUsername(name.length() > 100 ? name.substring(0, 100) : name);
	}
}
