package de.leitstand.portfolio;

/** How much a project contributes to a strategic goal: hoch, mittel, gering. */
public enum Contribution {

	HIGH(3), MEDIUM(2), LOW(1);

	private final int weight;

	Contribution(int weight) {
		this.weight = weight;
	}

	public int weight() {
		return weight;
	}
}
