/**
 * Building block 2: scoring models, assessments, portfolio scenarios and optimisation, board meetings and
 * decisions.
 */
package de.leitstand.prioritization;
