package io.bouncedesk.bounce;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/** Tolerant parsing of RFC 5322 dates as real bounces write them (and ISO-8601 as a bonus). */
final class MailDates {

    private static final String MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";

    private MailDates() {
    }

    /** The instant, or null when the text is no recognisable date. */
    static Instant parse(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip();
        if (t.length() >= 19 && Character.isDigit(t.charAt(0)) && t.charAt(4) == '-' && t.charAt(10) == 'T') {
            try {
                return Instant.parse(t.endsWith("Z") || t.contains("+") ? t : t + "Z");
            } catch (RuntimeException e) {
                return null;
            }
        }
        int paren = t.indexOf('(');
        if (paren > 0) {
            t = t.substring(0, paren);
        }
        String[] tok = tokens(t);
        int day = -1;
        int month = -1;
        int year = -1;
        int[] hms = null;
        int offsetMinutes = 0;
        for (String w : tok) {
            String lw = w.toLowerCase(Locale.ROOT);
            if (lw.indexOf(':') > 0 && hms == null) {
                hms = time(lw);
            } else if ((lw.startsWith("+") || lw.startsWith("-")) && lw.length() == 5 && isDigits(lw.substring(1))) {
                int v = Integer.parseInt(lw.substring(1));
                offsetMinutes = (v / 100 * 60 + v % 100) * (lw.charAt(0) == '-' ? -1 : 1);
            } else if (isDigits(lw)) {
                int v = Integer.parseInt(lw.length() > 6 ? lw.substring(0, 6) : lw);
                if (day < 0 && lw.length() <= 2) {
                    day = v;
                } else if (year < 0) {
                    year = lw.length() == 2 ? (v < 50 ? 2000 + v : 1900 + v) : v;
                }
            } else if (lw.length() >= 3 && month < 0 && MONTHS.indexOf(lw.substring(0, 3)) % 3 == 0
                    && MONTHS.contains(lw.substring(0, 3))) {
                month = MONTHS.indexOf(lw.substring(0, 3)) / 3 + 1;
            } else {
                Integer z = zone(lw);
                if (z != null) {
                    offsetMinutes = z;
                }
            }
        }
        if (day < 1 || day > 31 || month < 1 || year < 1970 || year > 2200 || hms == null) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hms[0], hms[1], hms[2])
                    .toInstant(ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Words separated by white space or commas. */
    private static String[] tokens(String t) {
        java.util.List<String> out = new java.util.ArrayList<>(8);
        int n = t.length();
        int i = 0;
        while (i < n) {
            while (i < n && (t.charAt(i) <= ' ' || t.charAt(i) == ',')) {
                i++;
            }
            int start = i;
            while (i < n && t.charAt(i) > ' ' && t.charAt(i) != ',') {
                i++;
            }
            if (i > start) {
                out.add(t.substring(start, i));
            }
        }
        return out.toArray(new String[0]);
    }

    private static int[] time(String w) {
        String[] p = w.split(":", -1);
        try {
            int h = Integer.parseInt(p[0]);
            int m = Integer.parseInt(p[1]);
            int sec = p.length > 2 ? Integer.parseInt(p[2].length() > 2 ? p[2].substring(0, 2) : p[2]) : 0;
            return h < 24 && m < 60 && sec < 61 ? new int[]{h, m, Math.min(sec, 59)} : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Integer zone(String z) {
        return switch (z) {
            case "gmt", "ut", "utc", "z" -> 0;
            case "est" -> -300;
            case "edt" -> -240;
            case "cst" -> -360;
            case "cdt" -> -300;
            case "mst" -> -420;
            case "mdt" -> -360;
            case "pst" -> -480;
            case "pdt" -> -420;
            case "jst" -> 540;
            case "cet" -> 60;
            case "cest" -> 120;
            default -> null;
        };
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
