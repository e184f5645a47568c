package de.leitstand.prioritization.internal.scoring;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface BenefitPlans extends JpaRepository<BenefitPlan, UUID> {
}
