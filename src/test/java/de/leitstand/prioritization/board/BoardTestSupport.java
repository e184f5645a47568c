package de.leitstand.prioritization.board;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import de.leitstand.portfolio.ProjectDirectory;
import de.leitstand.portfolio.ProjectSnapshot;

/** Drives the board and the portfolio through their pages, as the users would. */
record BoardTestSupport(MockMvc mvc, UserDetailsService users, ProjectDirectory projects) {

	RequestPostProcessor as(String username) {
		return SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(username));
	}

	static String unique() {
		return "T" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** A new project of the lead's office (AMT-51), submitted if asked. */
	ProjectSnapshot project(String title, boolean submit) throws Exception {
		MvcResult created = mvc.perform(post("/portfolio/new").with(as("lead")).with(csrf()).param("title", title)
			.param("shortDescription", "Beschreibung von " + title).param("type", "PROJECT").param("version", "0"))
			.andExpect(status().is3xxRedirection()).andReturn();
		String key = created.getResponse().getRedirectedUrl().split("/")[3];
		ProjectSnapshot project = projects.findByKey(key).orElseThrow();
		if (submit) {
			mvc.perform(post("/portfolio/projects/{key}/transitions", key).with(as("lead")).with(csrf())
				.param("to", "SUBMITTED").param("version", Long.toString(project.version())))
				.andExpect(status().is3xxRedirection());
		}
		return projects.findByKey(key).orElseThrow();
	}

	/** A meeting planned by the portfolio office; returns its id. */
	UUID meeting(String title) throws Exception {
		MvcResult result = mvc.perform(post("/board/meetings/new").with(as("portfolio")).with(csrf())
			.param("meetingTitle", title).param("scheduledAt", "2027-03-10T14:00").param("durationMinutes", "90")
			.param("location", "Rathaus, Raum 101"))
			.andExpect(status().is3xxRedirection()).andReturn();
		return UUID.fromString(result.getResponse().getRedirectedUrl().replace("/board/meetings/", ""));
	}

	void addProposal(UUID meeting, ProjectSnapshot project) throws Exception {
		mvc.perform(post("/board/meetings/{id}/items", meeting).with(as("portfolio")).with(csrf())
			.param("itemType", "PROPOSAL").param("projectId", project.id().toString()))
			.andExpect(status().is3xxRedirection());
	}

	void open(UUID meeting) throws Exception {
		mvc.perform(post("/board/meetings/{id}/open", meeting).with(as("portfolio")).with(csrf()))
			.andExpect(status().is3xxRedirection());
	}

	void close(UUID meeting) throws Exception {
		mvc.perform(post("/board/meetings/{id}/close", meeting).with(as("board")).with(csrf()))
			.andExpect(status().is3xxRedirection());
	}
}
