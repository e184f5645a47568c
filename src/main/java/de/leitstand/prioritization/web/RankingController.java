package de.leitstand.prioritization.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import de.leitstand.prioritization.internal.scoring.ScoreBoard;
import de.leitstand.prioritization.internal.scoring.ScoringModelService;

/** The ranking of assessed proposals under the active model, each with its WiBe verdict and a drill-down. */
@Controller
class RankingController {

	static final String RANKING = "prioritization/ranking";

	private final ScoreBoard scores;
	private final ScoringModelService models;

	RankingController(ScoreBoard scores, ScoringModelService models) {
		this.scores = scores;
		this.models = models;
	}

	@GetMapping("/ranking")
	String ranking(Model model) {
		model.addAttribute("activeModel", models.active().orElse(null));
		model.addAttribute("ranked", scores.rankedEvaluations());
		return RANKING;
	}
}
