package de.leitstand.portfolio.internal;

import java.util.Collection;
import java.util.List;

import jakarta.persistence.TypedQuery;

import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.predicate.dsl.SimpleBooleanPredicateClausesCollector;
import org.springframework.stereotype.Component;

import de.leitstand.organization.LeitstandUser;
import de.leitstand.organization.Role;
import de.leitstand.portfolio.ProjectStatus;

/**
 * Who may see and change which project: the one visibility rule of Leitstand. Everyone signed in may read a
 * project once it was submitted; an idea (a draft, or a proposal withdrawn back to "Idee") stays with its lead office
 * (Federführung) and the portfolio office. Nobody else learns that it exists: every read path answers for it exactly
 * as for an unknown key.
 *
 * <p>The rule has three encodings, for a loaded project ({@link #canRead}), for a JPQL query
 * ({@link #readable(String)}) and for the search index ({@link #readable(SearchPredicateFactory,
 * SimpleBooleanPredicateClausesCollector, LeitstandUser)}); {@code ProjectVisibilityRuleIntegrationTests} proves that
 * they agree. Other modules see only the result, through {@link de.leitstand.portfolio.ProjectDirectory}.
 *
 * <p>Portfolio managers may change everything; a project lead acts only for projects whose lead office is their own.
 */
@Component
public class ProjectPolicy {

	public boolean canRead(LeitstandUser user, Project project) {
		return mayRead(user, project);
	}

	static boolean mayRead(LeitstandUser user, Project project) {
		if (user == null) {
			return false;
		}
		return project.getStatus() != ProjectStatus.IDEA || user.has(Role.PORTFOLIO_MANAGER)
				|| user.actsFor(project.getLeadUnitId());
	}

	/** The projects of the collection the user may read, in their order. */
	public List<Project> readable(LeitstandUser user, Collection<Project> projects) {
		return projects.stream().filter(p -> canRead(user, p)).toList();
	}

	/**
	 * The rule as a JPQL condition on the project alias; bind it with {@link #bind(TypedQuery, LeitstandUser)}.
	 */
	public String readable(String alias) {
		return "(:seeAll = true or (:signedIn = true and (" + alias + ".status <> :ideaStatus or " + alias
				+ ".leadUnitId = :ownUnit)))";
	}

	/** Binds the parameters of {@link #readable(String)} for the user; without a user nothing is readable. */
	public <T> TypedQuery<T> bind(TypedQuery<T> query, LeitstandUser user) {
		// A user without an office matches no lead office: a fresh random id stands for "none".
		java.util.UUID own = user != null && user.orgUnitId() != null ? user.orgUnitId() : java.util.UUID.randomUUID();
		return query.setParameter("seeAll", user != null && user.has(Role.PORTFOLIO_MANAGER))
			.setParameter("signedIn", user != null)
			.setParameter("ideaStatus", ProjectStatus.IDEA)
			.setParameter("ownUnit", own);
	}

	/** The rule as a search predicate (the portfolio list, suggestions, exports). */
	public void readable(SearchPredicateFactory f, SimpleBooleanPredicateClausesCollector<?, ?> root,
			LeitstandUser user) {
		if (user != null && user.has(Role.PORTFOLIO_MANAGER)) {
			return;
		}
		var visible = f.or();
		visible.add(f.not(f.match().field("status").matching(ProjectStatus.IDEA)));
		if (user != null && user.orgUnitId() != null) {
			visible.add(f.match().field("leadUnitId").matching(user.orgUnitId()));
		}
		root.add(visible);
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
