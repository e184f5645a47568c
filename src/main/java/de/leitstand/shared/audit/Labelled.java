package de.leitstand.shared.audit;

/**
 * An entity that can name itself in a change history (e.g. a goal linked to a bundle).
 */
public interface Labelled {

	String label();
}
