package de.leitstand.prioritization.internal.board;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import de.leitstand.organization.Role;
import de.leitstand.shared.web.NavigationLink;

@Configuration
class BoardNavigation {

	@Bean
	NavigationLink boardMeetingsLink() {
		return new NavigationLink("nav.board", "nav.board.description", "/board/meetings", 500, Set.of());
	}

	@Bean
	NavigationLink boardDecisionsLink() {
		return new NavigationLink("nav.boardDecisions", "nav.boardDecisions.description", "/board/decisions", 510,
				Set.of());
	}
}
