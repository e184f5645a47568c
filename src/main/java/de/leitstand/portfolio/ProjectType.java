package de.leitstand.portfolio;

/** Projekt, Daueraufgabe or Quick Win. */
public enum ProjectType {
	PROJECT, CONTINUOUS_TASK, QUICK_WIN
}
