package de.leitstand.shared.web;

/** A choice in a select or checkbox group: the submitted value and its visible label. */
public record Option(String value, String label) {
}
