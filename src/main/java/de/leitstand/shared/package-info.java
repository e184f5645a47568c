/**
 * Small cross-cutting pieces every module may use: web layout, form and conflict handling, audit history.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package de.leitstand.shared;
