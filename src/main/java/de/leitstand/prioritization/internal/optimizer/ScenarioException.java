package de.leitstand.prioritization.internal.optimizer;

/** A scenario that cannot be read or makes no sense (unknown id, cycle, bad number); names the problem. */
public class ScenarioException extends RuntimeException {

	private final Text text;

	public ScenarioException(Text text) {
		super(text.key() + " " + text.args());
		this.text = text;
	}

	public Text text() {
		return text;
	}
}
