package de.leitstand.strategy.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.leitstand.strategy.StrategyCatalog;
import de.leitstand.strategy.StrategyStatus;

@Service
@Transactional(readOnly = true)
class ActiveStrategyCatalog implements StrategyCatalog {

	private final Strategies strategies;
	private final StrategicGoals goals;
	private final MeasureBundles bundles;

	ActiveStrategyCatalog(Strategies strategies, StrategicGoals goals, MeasureBundles bundles) {
		this.strategies = strategies;
		this.goals = goals;
		this.bundles = bundles;
	}

	@Override
	public List<FieldSummary> activeFields() {
		return strategies.findFirstByStatus(StrategyStatus.ACTIVE)
			.map(s -> s.getFields().stream()
				.map(f -> new FieldSummary(f.getId(), f.getNumber(), f.getName(),
						f.getGoals().stream().map(ActiveStrategyCatalog::summary).toList(),
						f.getBundles().stream().map(ActiveStrategyCatalog::summary).toList()))
				.toList())
			.orElse(List.of());
	}

	@Override
	public Optional<GoalSummary> goal(UUID goalId) {
		return goalId == null ? Optional.empty() : goals.findById(goalId).map(ActiveStrategyCatalog::summary);
	}

	@Override
	public Optional<BundleSummary> bundle(UUID bundleId) {
		return bundleId == null ? Optional.empty() : bundles.findById(bundleId).map(ActiveStrategyCatalog::summary);
	}

	static GoalSummary summary(StrategicGoal g) {
		return new GoalSummary(g.getId(), g.getCode(), g.getTitle(), g.getField().getId(), g.getField().getNumber(),
				g.getField().getName(),
				g.getKpis().stream()
					.map(k -> new KpiSummary(k.getId(), k.getName(), k.getUnit(), k.getBaselineValue(),
							k.getBaselineDate(), k.getTargetValue(), k.getTargetDate(), k.getDirection()))
					.toList());
	}

	static BundleSummary summary(MeasureBundle b) {
		return new BundleSummary(b.getId(), b.getCode(), b.getTitle(), b.getField().getId(),
				b.getGoals().stream().map(StrategicGoal::getId).toList());
	}
}
