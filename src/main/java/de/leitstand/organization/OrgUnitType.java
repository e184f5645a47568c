package de.leitstand.organization;

/** Kinds of org units in a German city administration. */
public enum OrgUnitType {
	REFERAT, AMT, EIGENBETRIEB, ABTEILUNG
}
