/**
 * The public Digitalmonitor: an anonymous, accessible portal of published projects, the AI register and open
 * data, served from its own read model of published fields only.
 */
package de.leitstand.publicmonitor;
