package de.leitstand.portfolio.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

import de.leitstand.organization.LeitstandUser;
import de.leitstand.portfolio.ProjectDirectory;
import de.leitstand.portfolio.ProjectQuery;
import de.leitstand.portfolio.ProjectSnapshot;
import de.leitstand.portfolio.ProjectStatus;

/**
 * The visibility rule has three encodings in {@link ProjectPolicy} (a loaded project, a JPQL condition, a search
 * predicate); for every demo user they must select exactly the same projects of the demo portfolio, and
 * {@link ProjectDirectory} must return exactly those. Ideas of AMT-51 and AMT-63 are among them, so the offices differ.
 */
@SpringBootTest
@ActiveProfiles("test")
@Transactional
class ProjectVisibilityRuleIntegrationTests {

	@Autowired
	ProjectPolicy policy;

	@Autowired
	ProjectSearch search;

	@Autowired
	ProjectDirectory directory;

	@Autowired
	UserDetailsService users;

	@Autowired
	EntityManager em;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void theThreeEncodingsOfTheRuleAndTheDirectoryAgreeForEveryUser() {
		List<Project> all = em.createQuery("select p from Project p", Project.class).getResultList();
		assertThat(all.stream().filter(p -> p.getStatus() == ProjectStatus.IDEA).map(Project::getLeadUnitId)
			.distinct().count()).as("ideas of several offices").isGreaterThan(1);
		Set<UUID> everything = all.stream().map(Project::getId).collect(Collectors.toSet());
		for (String name : List.of("admin", "portfolio", "lead", "lead2", "evaluator", "board", "reader")) {
			LeitstandUser user = (LeitstandUser) users.loadUserByUsername(name);
			SecurityContextHolder.getContext()
				.setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));

			Set<UUID> loaded = all.stream().filter(p -> policy.canRead(user, p)).map(Project::getId)
				.collect(Collectors.toSet());
			Set<UUID> jpql = new HashSet<>(policy.bind(em.createQuery("select p.id from Project p where "
					+ policy.readable("p"), UUID.class), user).getResultList());
			Set<UUID> indexed = new HashSet<>(search.ids(ProjectQuery.all(), 100_000));
			Set<UUID> directoryIds = directory.inStatus(Set.of(ProjectStatus.values())).stream()
				.map(ProjectSnapshot::id).collect(Collectors.toSet());

			assertThat(jpql).as("JPQL = loaded project, for %s", name).isEqualTo(loaded);
			assertThat(indexed).as("search index = loaded project, for %s", name).isEqualTo(loaded);
			assertThat(directoryIds).as("directory = rule, for %s", name).isEqualTo(loaded);
			assertThat(directory.visibleToCurrentUser(everything)).isEqualTo(loaded);
			assertThat(directory.findAll(everything).stream().map(ProjectSnapshot::id).collect(Collectors.toSet()))
				.isEqualTo(loaded);
			boolean seesAllIdeas = name.equals("portfolio");
			assertThat(loaded.size() == everything.size()).as("%s sees every idea", name).isEqualTo(seesAllIdeas);
		}
	}

	@Test
	void anAnonymousRequestReadsNothingAndCodeOutsideARequestActsForTheSystem() {
		SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
		assertThat(directory.inStatus(Set.of(ProjectStatus.values()))).isEmpty();
		assertThat(directory.findByKey("P-0001")).isEmpty();

		SecurityContextHolder.clearContext();
		long count = em.createQuery("select count(p) from Project p", Long.class).getSingleResult();
		assertThat(directory.inStatus(Set.of(ProjectStatus.values()))).hasSize((int) count);
		assertThat(directory.asSystem().inStatus(Set.of(ProjectStatus.values()))).hasSize((int) count);
	}
}
