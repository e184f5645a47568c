package de.leitstand.portfolio.internal;

import static de.leitstand.portfolio.ProjectStatus.*;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import de.leitstand.organization.Role;
import de.leitstand.portfolio.ProjectStatus;

/**
 * Which lifecycle step exists and who may take it. Project leads act only for their own office's projects;
 * that check is made by {@link ProjectPolicy}.
 */
public enum Lifecycle {

	SUBMIT(IDEA, SUBMITTED, Role.PROJECT_LEAD, Role.PORTFOLIO_MANAGER),
	WITHDRAW(SUBMITTED, IDEA, Role.PROJECT_LEAD, Role.PORTFOLIO_MANAGER),
	START_REVIEW(SUBMITTED, IN_REVIEW, Role.PORTFOLIO_MANAGER),
	APPROVE(IN_REVIEW, APPROVED, Role.PORTFOLIO_MANAGER, Role.BOARD),
	DEFER(IN_REVIEW, DEFERRED, Role.PORTFOLIO_MANAGER, Role.BOARD),
	REJECT(IN_REVIEW, REJECTED, Role.PORTFOLIO_MANAGER, Role.BOARD),
	RESUME_REVIEW(DEFERRED, IN_REVIEW, Role.PORTFOLIO_MANAGER),
	START(APPROVED, IN_IMPLEMENTATION, Role.PROJECT_LEAD, Role.PORTFOLIO_MANAGER),
	COMPLETE(IN_IMPLEMENTATION, COMPLETED, Role.PROJECT_LEAD, Role.PORTFOLIO_MANAGER),
	CANCEL_APPROVED(APPROVED, CANCELLED, Role.PORTFOLIO_MANAGER, Role.BOARD),
	CANCEL(IN_IMPLEMENTATION, CANCELLED, Role.PORTFOLIO_MANAGER, Role.BOARD);

	private final ProjectStatus from;
	private final ProjectStatus to;
	private final Set<Role> roles;

	Lifecycle(ProjectStatus from, ProjectStatus to, Role... roles) {
		this.from = from;
		this.to = to;
		this.roles = EnumSet.copyOf(List.of(roles));
	}

	public ProjectStatus from() {
		return from;
	}

	public ProjectStatus to() {
		return to;
	}

	public Set<Role> roles() {
		return roles;
	}

	public static boolean allows(ProjectStatus from, ProjectStatus to) {
		return step(from, to) != null;
	}

	public static Lifecycle step(ProjectStatus from, ProjectStatus to) {
		for (Lifecycle step : values()) {
			if (step.from == from && step.to == to) {
				return step;
			}
		}
		return null;
	}

	public static List<Lifecycle> from(ProjectStatus status) {
		return java.util.Arrays.stream(values()).filter(s -> s.from == status).toList();
	}
}
