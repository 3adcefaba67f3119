package io.bouncedesk.ui.common;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** How the console writes numbers, rates and times: in the user's language and the workspace's time zone. */
public final class Formats {

    /** Unambiguous for other people's IT teams whatever their language: 2026-11-19 11:02:07 CET (UTC+01:00). */
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z '(UTC'xxx')'",
            Locale.ROOT);

    private final Locale locale;
    private final ZoneId zone;
    private final DateTimeFormatter dateTime;

    public Formats(Locale locale, ZoneId zone) {
        this.locale = locale;
        this.zone = zone;
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(zone);
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : dateTime.format(instant);
    }

    /** A time with its zone and offset, for text copied out of the console. */
    public static String fullDateTime(ZonedDateTime time) {
        return time == null ? "" : FULL.format(time);
    }

    public String number(long n) {
        return NumberFormat.getIntegerInstance(locale).format(n);
    }

    /** A rate with one decimal, two below 1% so that 0.1% spam-report limits stay readable. */
    public String percent(double fraction) {
        NumberFormat f = NumberFormat.getPercentInstance(locale);
        int digits = fraction != 0 && fraction < 0.01 ? 2 : 1;
        f.setMinimumFractionDigits(digits);
        f.setMaximumFractionDigits(digits);
        return f.format(fraction);
    }

    public ZoneId zone() {
        return zone;
    }

    public Locale locale() {
        return locale;
    }
}
