package de.leitstand.portfolio.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import de.leitstand.portfolio.ProjectDirectory;
import de.leitstand.portfolio.ProjectSnapshot;
import de.leitstand.portfolio.ProjectStatus;

/** The portfolio's reads without the visibility rule, for the system's own work ({@link ProjectDirectory#asSystem()}). */
@Component
@Transactional(readOnly = true)
class SystemProjectReads implements ProjectDirectory.SystemReads {

	private final Projects projects;
	private final EntityManager em;

	SystemProjectReads(Projects projects, EntityManager em) {
		this.projects = projects;
		this.em = em;
	}

	@Override
	public Optional<ProjectSnapshot> find(UUID id) {
		return id == null ? Optional.empty() : projects.findById(id).map(JpaProjectDirectory::snapshot);
	}

	@Override
	public Optional<ProjectSnapshot> findByKey(String key) {
		return key == null ? Optional.empty()
				: projects.findByKeyIgnoreCase(key.trim()).map(JpaProjectDirectory::snapshot);
	}

	@Override
	public List<ProjectSnapshot> findAll(Collection<UUID> ids) {
		return projects.findAllById(ids).stream().map(JpaProjectDirectory::snapshot).toList();
	}

	@Override
	public List<ProjectSnapshot> inStatus(Set<ProjectStatus> statuses) {
		return em.createQuery("select p from Project p where p.status in :s order by p.key", Project.class)
			.setParameter("s", statuses).getResultList().stream().map(JpaProjectDirectory::snapshot).toList();
	}
}
