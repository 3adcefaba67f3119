package io.bouncedesk.app.bench;

import java.util.Locale;

/**
 * One measured figure against its target.
 *
 * @param higherIsBetter true for throughputs (target is a minimum), false for times and sizes (a maximum)
 * @param value          NaN when not measured (then {@code note} says why)
 */
public record Figure(String key, String label, double value, String unit, double target, boolean higherIsBetter,
                     String note) {

    public boolean measured() {
        return !Double.isNaN(value);
    }

    public boolean met() {
        return measured() && (higherIsBetter ? value >= target : value <= target);
    }

    /** "met", or by how much the target is missed, e.g. "missed by 23% (61.5 s > 60 s)". */
    public String verdict() {
        if (!measured()) {
            return "not measured" + (note == null ? "" : ": " + note);
        }
        if (met()) {
            return "met";
        }
        double off = higherIsBetter ? (target - value) / target : (value - target) / target;
        return String.format(Locale.ROOT, "missed by %.0f%% (%s %s %s)", off * 100, format(value), higherIsBetter ? "<" : ">",
                format(target));
    }

    static String format(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (Math.abs(v) >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, v >= 100 ? "%.0f" : v >= 10 ? "%.1f" : "%.2f", v);
    }
}
