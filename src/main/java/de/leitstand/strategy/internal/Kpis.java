package de.leitstand.strategy.internal;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface Kpis extends JpaRepository<Kpi, UUID> {
}
