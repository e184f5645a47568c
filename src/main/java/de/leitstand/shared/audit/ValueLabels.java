package de.leitstand.shared.audit;

import java.util.Locale;
import java.util.Optional;

/**
 * Names values a change history would otherwise show raw (ids of org units, goals, bundles; embedded rows).
 * Modules declare beans; the first that knows a value wins.
 */
public interface ValueLabels {

	Optional<String> label(Object value, Locale locale);
}
