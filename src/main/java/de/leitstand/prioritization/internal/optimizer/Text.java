package de.leitstand.prioritization.internal.optimizer;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A message key of the prioritization bundle with its arguments, so the optimiser can explain itself in the web
 * application (Spring's MessageSource) and on the command line (plain ResourceBundle) with the same texts.
 */
public record Text(String key, List<Object> args) {

	public Text {
		args = List.copyOf(args);
	}

	public static Text of(String key, Object... args) {
		return new Text(key, List.of(args));
	}

	public Object[] argArray() {
		return args.toArray();
	}

	/** Renders the text outside Spring (command line); German unless the locale says otherwise. */
	public String render(Locale locale) {
		ResourceBundle bundle = ResourceBundle.getBundle("i18n/prioritization", locale,
				ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
		String pattern = bundle.containsKey(key) ? bundle.getString(key) : key;
		return new MessageFormat(pattern, locale).format(argArray());
	}
}
