/**
 * Org units (Referat, Amt, Eigenbetrieb, Abteilung), user accounts, roles and sign-in.
 */
package de.leitstand.organization;
