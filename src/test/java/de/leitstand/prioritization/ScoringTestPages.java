package de.leitstand.prioritization;

import java.util.UUID;

import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

import de.leitstand.prioritization.internal.scoring.ModelStatus;
import de.leitstand.prioritization.internal.scoring.ScoringModel;
import de.leitstand.prioritization.internal.scoring.ScoringModelService;

/**
 * Fills {draftModel} (a draft scoring model, copied from the active one if there is none) and {draftCriterion} (its
 * first criterion) into page paths for tests.
 */
public final class ScoringTestPages {

	private ScoringTestPages() {
	}

	public static String resolve(String path, ApplicationContext context) {
		ScoringModelService models = context.getBean(ScoringModelService.class);
		TransactionTemplate tx = context.getBean(TransactionTemplate.class);
		UserDetails user = context.getBean(UserDetailsService.class).loadUserByUsername("portfolio");
		var security = SecurityContextHolder.getContext();
		var previous = security.getAuthentication();
		security.setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
		try {
			return tx.execute(s -> {
				ScoringModel draft = models.all().stream().filter(m -> m.getStatus() == ModelStatus.DRAFT)
					.filter(m -> !m.criteria().isEmpty()).findFirst()
					.orElseGet(() -> models.copy(models.requireActive().getId()));
				UUID criterion = draft.criteria().get(0).getId();
				return path.replace("{draftModel}", draft.getId().toString())
					.replace("{draftCriterion}", criterion.toString());
			});
		}
		finally {
			security.setAuthentication(previous);
		}
	}
}
