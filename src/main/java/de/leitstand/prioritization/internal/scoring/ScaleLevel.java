package de.leitstand.prioritization.internal.scoring;

import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One level of a criterion's rating scale with what it means. */
@Embeddable
public class ScaleLevel {

	@Column(name = "level_value", nullable = false)
	private int value;

	@Column(nullable = false, length = 500)
	private String description;

	protected ScaleLevel() {
	}

	public ScaleLevel(int value, String description) {
		this.value = value;
		this.description = description;
	}

	public int getValue() {
		return value;
	}

	public String getDescription() {
		return description;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof ScaleLevel s && s.value == value && Objects.equals(s.description, description);
	}

	@Override
	public int hashCode() {
		return Objects.hash(value, description);
	}
}
