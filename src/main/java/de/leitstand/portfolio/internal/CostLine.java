package de.leitstand.portfolio.internal;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Planned costs of one budget year: investment and running costs in EUR. */
@Embeddable
public class CostLine {

	@Column(name = "budget_year", nullable = false)
	private int year;

	@Column(nullable = false, precision = 15, scale = 2)
	private BigDecimal investment;

	@Column(nullable = false, precision = 15, scale = 2)
	private BigDecimal running;

	protected CostLine() {
	}

	public CostLine(int year, BigDecimal investment, BigDecimal running) {
		this.year = year;
		this.investment = investment.setScale(2, java.math.RoundingMode.HALF_UP);
		this.running = running.setScale(2, java.math.RoundingMode.HALF_UP);
	}

	public int year() {
		return year;
	}

	public BigDecimal investment() {
		return investment;
	}

	public BigDecimal running() {
		return running;
	}

	public BigDecimal total() {
		return investment.add(running);
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof CostLine c && c.year == year && c.investment.compareTo(investment) == 0
				&& c.running.compareTo(running) == 0;
	}

	@Override
	public int hashCode() {
		return Objects.hash(year, investment.stripTrailingZeros(), running.stripTrailingZeros());
	}

	@Override
	public String toString() {
		NumberFormat eur = NumberFormat.getCurrencyInstance(Locale.GERMANY);
		return year + ": " + eur.format(investment) + " + " + eur.format(running);
	}
}
