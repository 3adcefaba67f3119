package io.bouncedesk.ui.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The console's visible words, from {@code io/bouncedesk/ui/messages*.properties}. A language
 * without its own bundle falls back to English (the base bundle), never to the system's locale.
 */
public final class Messages {

    public static final String BUNDLE = "io.bouncedesk.ui.messages";

    private final ResourceBundle bundle;
    private final Locale locale;

    private Messages(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    public static Messages of(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new Messages(bundle, locale);
    }

    /** The text of {@code key}; a missing key shows as the key itself so it is noticed, not hidden. */
    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    /** The text of {@code key} with {0}, {1}... filled in the current locale's number format. */
    public String format(String key, Object... args) {
        return new MessageFormat(get(key), locale).format(args);
    }

    /** The label of an enum constant: key {@code prefix.CONSTANT}. */
    public String of(String prefix, Enum<?> value) {
        return value == null ? "" : get(prefix + "." + value.name());
    }

    public Locale locale() {
        return locale;
    }

    public ResourceBundle bundle() {
        return bundle;
    }
}
