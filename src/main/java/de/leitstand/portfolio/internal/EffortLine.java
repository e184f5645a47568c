package de.leitstand.portfolio.internal;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Staff effort of one org unit in one year, in person-days. */
@Embeddable
public class EffortLine {

	@Column(name = "unit_id", nullable = false)
	private UUID unitId;

	@Column(name = "budget_year", nullable = false)
	private int year;

	@Column(name = "person_days", nullable = false, precision = 10, scale = 1)
	private BigDecimal personDays;

	protected EffortLine() {
	}

	public EffortLine(UUID unitId, int year, BigDecimal personDays) {
		this.unitId = unitId;
		this.year = year;
		this.personDays = personDays.setScale(1, java.math.RoundingMode.HALF_UP);
	}

	public UUID unitId() {
		return unitId;
	}

	public int year() {
		return year;
	}

	public BigDecimal personDays() {
		return personDays;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof EffortLine e && e.unitId.equals(unitId) && e.year == year
				&& e.personDays.compareTo(personDays) == 0;
	}

	@Override
	public int hashCode() {
		return Objects.hash(unitId, year, personDays.stripTrailingZeros());
	}

	@Override
	public String toString() {
		return year + ": " + personDays.stripTrailingZeros().toPlainString() + " PT";
	}
}
