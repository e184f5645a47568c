package de.leitstand.monitoring.internal;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import de.leitstand.portfolio.ProjectDirectory;
import de.leitstand.portfolio.ProjectSnapshot;
import de.leitstand.shared.NotFoundException;

/**
 * Object-level visibility of monitoring records: reports, milestones, risks and issues belong to a project and are
 * shown only to those who may see the project in the portfolio. A draft (idea) of another office is not
 * disclosed: its monitoring routes answer 404 and its rows are left out of every list and count.
 */
@Component
public class ProjectVisibility {

	private final ProjectDirectory directory;

	ProjectVisibility(ProjectDirectory directory) {
		this.directory = directory;
	}

	/** The project by key if the signed-in user may see it; otherwise not found, exactly like an unknown key. */
	public ProjectSnapshot require(String key) {
		ProjectSnapshot p = directory.findByKey(key).orElseThrow(() -> new NotFoundException("project " + key));
		if (!directory.isVisibleToCurrentUser(p.id())) {
			throw new NotFoundException("project " + key);
		}
		return p;
	}

	public Set<UUID> visible(Collection<UUID> projectIds) {
		return directory.visibleToCurrentUser(projectIds);
	}

	/** The rows whose project the signed-in user may see, in their order. */
	public <T> List<T> filter(List<T> rows, Function<T, UUID> projectOf) {
		if (rows.isEmpty()) {
			return rows;
		}
		Set<UUID> visible = visible(rows.stream().map(projectOf).toList());
		return rows.stream().filter(r -> visible.contains(projectOf.apply(r))).toList();
	}
}
