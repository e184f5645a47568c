package de.leitstand.portfolio.internal;

import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import de.leitstand.portfolio.MaturityModel;

/** An online service (OZG-Leistung) the project works on, with its maturity now and as targeted. */
@Embeddable
public class OnlineServiceLink {

	@Column(name = "leika_key", nullable = false, length = 30)
	private String leikaKey;

	@Column(nullable = false, length = 300)
	private String name;

	@Enumerated(EnumType.STRING)
	@Column(name = "maturity_model", nullable = false, length = 10)
	private MaturityModel model;

	@Column(name = "current_level", nullable = false)
	private int currentLevel;

	@Column(name = "target_level", nullable = false)
	private int targetLevel;

	protected OnlineServiceLink() {
	}

	public OnlineServiceLink(String leikaKey, String name, MaturityModel model, int currentLevel, int targetLevel) {
		this.leikaKey = leikaKey;
		this.name = name;
		this.model = model;
		this.currentLevel = currentLevel;
		this.targetLevel = targetLevel;
	}

	public String leikaKey() {
		return leikaKey;
	}

	public String name() {
		return name;
	}

	public MaturityModel model() {
		return model;
	}

	public int currentLevel() {
		return currentLevel;
	}

	public int targetLevel() {
		return targetLevel;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof OnlineServiceLink s && s.leikaKey.equals(leikaKey) && s.name.equals(name)
				&& s.model == model && s.currentLevel == currentLevel && s.targetLevel == targetLevel;
	}

	@Override
	public int hashCode() {
		return Objects.hash(leikaKey, name, model, currentLevel, targetLevel);
	}

	@Override
	public String toString() {
		return leikaKey + " " + name + " (" + model + " " + currentLevel + "→" + targetLevel + ")";
	}
}
