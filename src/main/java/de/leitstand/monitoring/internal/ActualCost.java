package de.leitstand.monitoring.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Actual costs to date in one budget year (EUR), as a status report states them. */
@Embeddable
public class ActualCost {

	@Column(name = "budget_year", nullable = false)
	private int year;

	@Column(nullable = false, precision = 15, scale = 2)
	private BigDecimal amount;

	protected ActualCost() {
	}

	public ActualCost(int year, BigDecimal amount) {
		this.year = year;
		this.amount = amount.setScale(2, RoundingMode.HALF_UP);
	}

	public int year() {
		return year;
	}

	public BigDecimal amount() {
		return amount;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof ActualCost that && that.year == year && that.amount.compareTo(amount) == 0;
	}

	@Override
	public int hashCode() {
		return Integer.hashCode(year);
	}
}
