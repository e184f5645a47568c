/**
 * Building block 3: reporting cycles, status reports, milestones, risks, dependencies across offices, KPI
 * measurements and dashboards.
 */
package de.leitstand.monitoring;
