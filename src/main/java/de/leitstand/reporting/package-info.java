/**
 * PDF and XLSX documents (council report, board pack) built from the other modules' public APIs.
 */
package de.leitstand.reporting;
