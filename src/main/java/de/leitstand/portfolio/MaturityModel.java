package de.leitstand.portfolio;

/**
 * Versioned maturity scales for online services: the OZG model (levels 0–4) and the 2025 model (levels 0–7).
 */
public enum MaturityModel {

	OZG_2017(4), MODEL_2025(7);

	private final int maxLevel;

	MaturityModel(int maxLevel) {
		this.maxLevel = maxLevel;
	}

	public int maxLevel() {
		return maxLevel;
	}
}
