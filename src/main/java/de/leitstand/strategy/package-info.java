/**
 * The strategy house: strategy versions, fields of action, strategic goals with KPIs, measure bundles.
 */
package de.leitstand.strategy;
