package de.leitstand.monitoring;

/** Ampel of a status report: always shown with its word (grün, gelb, rot), never by colour alone. */
public enum TrafficLight {
	GREEN, YELLOW, RED
}
