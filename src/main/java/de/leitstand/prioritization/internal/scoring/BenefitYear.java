package de.leitstand.prioritization.internal.scoring;

import java.math.BigDecimal;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Monetary benefit expected in one budget year (EUR). */
@Embeddable
public class BenefitYear {

	@Column(name = "budget_year", nullable = false)
	private int year;

	@Column(nullable = false, precision = 15, scale = 2)
	private BigDecimal amount;

	protected BenefitYear() {
	}

	public BenefitYear(int year, BigDecimal amount) {
		this.year = year;
		this.amount = amount;
	}

	public int getYear() {
		return year;
	}

	public BigDecimal getAmount() {
		return amount;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof BenefitYear b && b.year == year && b.amount.compareTo(amount) == 0;
	}

	@Override
	public int hashCode() {
		return Objects.hash(year, amount.stripTrailingZeros());
	}
}
