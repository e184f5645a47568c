/**
 * Building block 1: one central portfolio. Every digitalisation project of every office, its profile
 * (Steckbrief), lifecycle, intake, search and duplicate detection, import and export.
 */
package de.leitstand.portfolio;
