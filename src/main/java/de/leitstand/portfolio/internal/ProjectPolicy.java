package de.leitstand.portfolio.internal;

import org.springframework.stereotype.Component;

import de.leitstand.organization.LeitstandUser;
import de.leitstand.organization.Role;
import de.leitstand.portfolio.ProjectStatus;

/**
 * Who may see and change which project. Portfolio managers may do everything; a project lead acts only for
 * projects whose lead office (Federführung) is their own; everyone inside may read submitted projects, while
 * ideas (drafts) stay with their office and the portfolio office.
 */
@Component
public class ProjectPolicy {

	public boolean canRead(LeitstandUser user, Project project) {
		if (project.getStatus() != ProjectStatus.IDEA) {
			return true;
		}
		return user.has(Role.PORTFOLIO_MANAGER) || user.actsFor(project.getLeadUnitId())
				|| user.username().equals(project.getCreatedBy());
	}

	public boolean canCreate(LeitstandUser user) {
		return user.hasAny(Role.PORTFOLIO_MANAGER, Role.PROJECT_LEAD);
	}

	public boolean canEdit(LeitstandUser user, Project project) {
		if (user.has(Role.PORTFOLIO_MANAGER)) {
			return true;
		}
		return user.has(Role.PROJECT_LEAD) && user.actsFor(project.getLeadUnitId())
				&& !project.getStatus().isFinal();
	}

	public boolean canTake(LeitstandUser user, Project project, Lifecycle step) {
		if (step.roles().contains(Role.PORTFOLIO_MANAGER) && user.has(Role.PORTFOLIO_MANAGER)) {
			return true;
		}
		if (step.roles().contains(Role.BOARD) && user.has(Role.BOARD)) {
			return true;
		}
		return step.roles().contains(Role.PROJECT_LEAD) && user.has(Role.PROJECT_LEAD)
				&& user.actsFor(project.getLeadUnitId());
	}
}
