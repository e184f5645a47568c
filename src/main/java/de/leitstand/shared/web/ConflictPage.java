package de.leitstand.shared.web;

import java.beans.PropertyDescriptor;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.springframework.beans.BeanWrapper;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.ui.Model;

/**
 * The page shown when someone saved the same record after this user opened it: the other person's values beside
 * this user's, and a form that keeps this user's input so that nothing is lost. Works for any form-backing bean
 * with a {@code version} property.
 */
public final class ConflictPage {

	public static final String VIEW = "conflict";

	private ConflictPage() {
	}

	/** One field: the stored value (the other person's change) and this user's value. */
	public record Row(String field, String theirs, String mine, boolean differs) {
	}

	/** A value to resend: the form keeps this user's input as hidden fields. */
	public record Hidden(String name, String value) {
	}

	/**
	 * Puts the conflict into the model and returns the view name.
	 *
	 * @param mine the form this user submitted
	 * @param theirs the same form filled from the record as it is stored now
	 * @param currentVersion the stored version, so a deliberate "save mine" is not refused again
	 * @param action where "save my version" posts to
	 * @param backUrl where "discard mine" leads
	 */
	public static String show(Model model, Object mine, Object theirs, long currentVersion, String action,
			String backUrl) {
		BeanWrapper mineBean = new BeanWrapperImpl(mine);
		BeanWrapper theirsBean = new BeanWrapperImpl(theirs);
		List<Row> rows = new ArrayList<>();
		List<Hidden> hidden = new ArrayList<>();
		for (PropertyDescriptor property : mineBean.getPropertyDescriptors()) {
			String name = property.getName();
			if ("class".equals(name) || property.getWriteMethod() == null) {
				continue;
			}
			Object mineValue = mineBean.getPropertyValue(name);
			if ("version".equals(name)) {
				continue;
			}
			String mineText = text(mineValue);
			String theirsText = text(theirsBean.getPropertyValue(name));
			rows.add(new Row(name, theirsText, mineText, !Objects.equals(mineText, theirsText)));
			if (mineValue instanceof Collection<?> values) {
				values.forEach(v -> hidden.add(new Hidden(name, raw(v))));
			}
			else {
				hidden.add(new Hidden(name, raw(mineValue)));
			}
		}
		hidden.add(new Hidden("version", Long.toString(currentVersion)));
		model.addAttribute("conflictRows", rows);
		model.addAttribute("conflictHidden", hidden);
		model.addAttribute("conflictAction", action);
		model.addAttribute("conflictBack", backUrl);
		return VIEW;
	}

	private static String raw(Object value) {
		return value == null ? "" : value.toString();
	}

	private static String text(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Collection<?> values) {
			return values.stream().map(ConflictPage::text).sorted().reduce((a, b) -> a + ", " + b).orElse("");
		}
		if (value instanceof TemporalAccessor) {
			return value.toString();
		}
		return value.toString();
	}
}
