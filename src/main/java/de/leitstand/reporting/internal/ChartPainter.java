package de.leitstand.reporting.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

/**
 * Static charts for the PDF, drawn with Java2D into PNG (the PDF cannot run ECharts). Drawn at twice the printed
 * size for sharpness; deterministic, so the same data gives the same bytes. Each chart stands next to a table with
 * the same figures.
 */
final class ChartPainter {

	static final Color INK = new Color(0x1a, 0x1a, 0x1a);
	static final Color GRID = new Color(0xd0, 0xd0, 0xd0);
	static final Color BAR = new Color(0x1f, 0x4e, 0x79);
	static final Color TARGET = new Color(0x2e, 0x7d, 0x32);
	static final Color FORECAST = new Color(0xb3, 0x59, 0x00);
	private static final int SCALE = 2;

	private ChartPainter() {
	}

	record Bar(String label, Double value, Color color) {
	}

	/** Vertical bars on a 0–100 % axis (null values are drawn as an empty slot labelled "–"). */
	static String percentBars(List<Bar> bars, int width, int height) {
		return bars(bars, width, height, 100, "%");
	}

	/** Vertical bars on a 0–max axis with value labels. */
	static String bars(List<Bar> bars, int width, int height, double max, String suffix) {
		BufferedImage image = new BufferedImage(width * SCALE, height * SCALE, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = start(image);
		int left = 40, right = 10, top = 14, bottom = 30;
		int plotW = width - left - right, plotH = height - top - bottom;
		double top100 = max <= 0 ? 1 : max;
		g.setFont(font(9));
		for (int i = 0; i <= 4; i++) {
			double v = top100 * i / 4;
			int y = top + plotH - (int) Math.round(plotH * i / 4.0);
			g.setColor(GRID);
			g.draw(new Line2D.Double(left, y, left + plotW, y));
			g.setColor(INK);
			String label = format(v) + (suffix.isEmpty() ? "" : " " + suffix);
			g.drawString(label, left - 4 - g.getFontMetrics().stringWidth(label), y + 3);
		}
		int n = Math.max(bars.size(), 1);
		double slot = plotW / (double) n;
		for (int i = 0; i < bars.size(); i++) {
			Bar bar = bars.get(i);
			int x = left + (int) Math.round(slot * i + slot * 0.2);
			int w = (int) Math.round(slot * 0.6);
			g.setColor(INK);
			FontMetrics fm = g.getFontMetrics();
			String label = fit(bar.label(), fm, (int) slot - 2);
			g.drawString(label, left + (int) Math.round(slot * i + (slot - fm.stringWidth(label)) / 2), top + plotH + 12);
			String valueText = bar.value() == null ? "–" : format(bar.value()) + (suffix.isEmpty() ? "" : " " + suffix);
			int h = bar.value() == null ? 0 : (int) Math.round(plotH * Math.min(bar.value(), top100) / top100);
			g.setColor(bar.color() == null ? BAR : bar.color());
			g.fillRect(x, top + plotH - h, w, h);
			g.setColor(INK);
			g.drawString(valueText, x + (w - fm.stringWidth(valueText)) / 2, top + plotH - h - 3);
		}
		g.setColor(INK);
		g.draw(new Line2D.Double(left, top + plotH, left + plotW, top + plotH));
		return png(image, g);
	}

	/** Two bars per group (e.g. plan and actual per year) with a legend; the figures stand in the table beside. */
	static String groupedBars(List<String> groups, List<double[]> values, List<String> series, List<Color> colours,
			double max, String suffix, int width, int height) {
		BufferedImage image = new BufferedImage(width * SCALE, height * SCALE, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = start(image);
		int left = 64, right = 10, top = 22, bottom = 20;
		int plotW = width - left - right, plotH = height - top - bottom;
		double top100 = max <= 0 ? 1 : max;
		g.setFont(font(9));
		FontMetrics fm = g.getFontMetrics();
		int lx = left;
		for (int s = 0; s < series.size(); s++) {
			g.setColor(colours.get(s));
			g.fillRect(lx, 4, 10, 10);
			g.setColor(INK);
			g.drawString(series.get(s), lx + 14, 13);
			lx += 24 + fm.stringWidth(series.get(s));
		}
		for (int i = 0; i <= 4; i++) {
			double v = top100 * i / 4;
			int y = top + plotH - (int) Math.round(plotH * i / 4.0);
			g.setColor(GRID);
			g.draw(new Line2D.Double(left, y, left + plotW, y));
			g.setColor(INK);
			String label = format(v) + (suffix.isEmpty() ? "" : " " + suffix);
			g.drawString(label, left - 4 - fm.stringWidth(label), y + 3);
		}
		double slot = plotW / (double) Math.max(groups.size(), 1);
		for (int i = 0; i < groups.size(); i++) {
			double[] v = values.get(i);
			double w = slot * 0.7 / v.length;
			for (int s = 0; s < v.length; s++) {
				int h = (int) Math.round(plotH * Math.min(v[s], top100) / top100);
				g.setColor(colours.get(s));
				g.fillRect((int) Math.round(left + slot * i + slot * 0.15 + w * s), top + plotH - h, (int) Math.round(w), h);
			}
			g.setColor(INK);
			String label = groups.get(i);
			g.drawString(label, (float) (left + slot * i + (slot - fm.stringWidth(label)) / 2), top + plotH + 13);
		}
		g.setColor(INK);
		g.draw(new Line2D.Double(left, top + plotH, left + plotW, top + plotH));
		return png(image, g);
	}

	/**
	 * A KPI over time: the measured line from the baseline, the target as a dashed horizontal line up to the target
	 * date, and the forecast as a dotted line from the last point to the target date.
	 */
	static String kpiLine(LocalDate baselineDate, double baseline, List<LocalDate> dates, List<Double> values,
			LocalDate targetDate, double target, Double forecast, int width, int height) {
		BufferedImage image = new BufferedImage(width * SCALE, height * SCALE, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = start(image);
		int left = 46, right = 12, top = 10, bottom = 22;
		int plotW = width - left - right, plotH = height - top - bottom;
		double min = Math.min(baseline, target), max = Math.max(baseline, target);
		for (double v : values) {
			min = Math.min(min, v);
			max = Math.max(max, v);
		}
		if (forecast != null) {
			min = Math.min(min, forecast);
			max = Math.max(max, forecast);
		}
		double pad = (max - min) * 0.1 + 1e-9;
		min -= pad;
		max += pad;
		long x0 = baselineDate.toEpochDay(), x1 = Math.max(targetDate.toEpochDay(), x0 + 1);
		double fMin = min, fMax = max;
		java.util.function.DoubleUnaryOperator sx = d -> left + plotW * (d - x0) / (double) (x1 - x0);
		java.util.function.DoubleUnaryOperator sy = v -> top + plotH - plotH * (v - fMin) / (fMax - fMin);
		g.setFont(font(8));
		for (int i = 0; i <= 4; i++) {
			double v = min + (max - min) * i / 4;
			double y = sy.applyAsDouble(v);
			g.setColor(GRID);
			g.draw(new Line2D.Double(left, y, left + plotW, y));
			g.setColor(INK);
			String label = format(v);
			g.drawString(label, left - 4 - g.getFontMetrics().stringWidth(label), (float) y + 3);
		}
		for (int year = baselineDate.getYear() + 1; year <= targetDate.getYear(); year++) {
			double x = sx.applyAsDouble(LocalDate.of(year, 1, 1).toEpochDay());
			g.setColor(GRID);
			g.draw(new Line2D.Double(x, top, x, top + plotH));
			g.setColor(INK);
			String label = String.valueOf(year);
			g.drawString(label, (float) x - g.getFontMetrics().stringWidth(label) / 2f, top + plotH + 12);
		}
		g.setColor(TARGET);
		g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] { 6, 4 }, 0));
		double ty = sy.applyAsDouble(target);
		g.draw(new Line2D.Double(left, ty, sx.applyAsDouble(targetDate.toEpochDay()), ty));
		double lastX = sx.applyAsDouble(x0), lastY = sy.applyAsDouble(baseline);
		g.setColor(BAR);
		g.setStroke(new BasicStroke(2f));
		for (int i = 0; i < dates.size(); i++) {
			double x = sx.applyAsDouble(dates.get(i).toEpochDay()), y = sy.applyAsDouble(values.get(i));
			g.draw(new Line2D.Double(lastX, lastY, x, y));
			lastX = x;
			lastY = y;
		}
		g.fillOval((int) sx.applyAsDouble(x0) - 3, (int) sy.applyAsDouble(baseline) - 3, 6, 6);
		for (int i = 0; i < dates.size(); i++) {
			g.fillOval((int) sx.applyAsDouble(dates.get(i).toEpochDay()) - 3, (int) sy.applyAsDouble(values.get(i)) - 3,
					6, 6);
		}
		if (forecast != null) {
			g.setColor(FORECAST);
			g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] { 2, 3 }, 0));
			double fx = sx.applyAsDouble(targetDate.toEpochDay()), fy = sy.applyAsDouble(forecast);
			g.draw(new Line2D.Double(lastX, lastY, fx, fy));
			g.fillRect((int) fx - 3, (int) fy - 3, 6, 6);
		}
		g.setColor(INK);
		g.setStroke(new BasicStroke(1f));
		g.draw(new Line2D.Double(left, top + plotH, left + plotW, top + plotH));
		return png(image, g);
	}

	private static Graphics2D start(BufferedImage image) {
		Graphics2D g = image.createGraphics();
		g.scale(SCALE, SCALE);
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, image.getWidth(), image.getHeight());
		return g;
	}

	private static Font font(int size) {
		return new Font(Font.SANS_SERIF, Font.PLAIN, size);
	}

	private static String fit(String text, FontMetrics fm, int width) {
		if (fm.stringWidth(text) <= width) {
			return text;
		}
		String t = text;
		while (t.length() > 1 && fm.stringWidth(t + "…") > width) {
			t = t.substring(0, t.length() - 1);
		}
		return t + "…";
	}

	static String format(double v) {
		if (Math.abs(v - Math.rint(v)) < 0.05 || Math.abs(v) >= 100) {
			return String.format(Locale.GERMAN, "%,.0f", v);
		}
		return String.format(Locale.GERMAN, "%,.1f", v);
	}

	/** The image as a data URI for the XHTML template. */
	private static String png(BufferedImage image, Graphics2D g) {
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
	}
}
