package io.bouncedesk.ui.settings;

import io.bouncedesk.service.SoftBouncePolicy;
import io.bouncedesk.ui.common.Messages;
import io.bouncedesk.ui.common.Theme;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** The soft-bounce policy in force (read-only: it is the platform's rule) and the language and theme. */
public final class GeneralSettingsViewModel {

    private final Messages messages;
    private final SoftBouncePolicy policy;
    private final List<Locale> languages;
    private final Theme theme;
    private final Consumer<Locale> applyLanguage;
    private final Consumer<Theme> applyTheme;

    public GeneralSettingsViewModel(Messages messages, SoftBouncePolicy policy, List<Locale> languages, Theme theme,
                                    Consumer<Locale> applyLanguage, Consumer<Theme> applyTheme) {
        this.messages = messages;
        this.policy = policy;
        this.languages = languages;
        this.theme = theme;
        this.applyLanguage = applyLanguage;
        this.applyTheme = applyTheme;
    }

    /** The policy in sentences: attempts per email and their spread, the next email's attempts, the limit. */
    public List<String> policyLines() {
        int perEmail = policy.attemptsPerEmail();
        long hours = policy.retryWindow().toHours();
        String offsets = String.join(", ", policy.retryOffsets().stream().map(GeneralSettingsViewModel::offset).toList());
        return List.of(messages.format("settings.policy.perEmail", perEmail, hours),
                messages.format("settings.policy.offsets", offsets),
                messages.format("settings.policy.nextEmail", policy.consecutiveLimit() - perEmail),
                messages.format("settings.policy.limit", policy.consecutiveLimit()),
                messages.get("settings.policy.reset"));
    }

    private static String offset(Duration d) {
        return d.isZero() ? "0 h" : d.toHours() + " h";
    }

    public List<Locale> languages() {
        return languages;
    }

    public Locale language() {
        return messages.locale();
    }

    public Theme theme() {
        return theme;
    }

    public void setLanguage(Locale locale) {
        if (locale != null && !locale.getLanguage().equals(messages.locale().getLanguage())) {
            applyLanguage.accept(locale);
        }
    }

    public void setTheme(Theme t) {
        if (t != null && t != theme) {
            applyTheme.accept(t);
        }
    }

    /** A language named in itself ("Polski"), so a user finds theirs whatever is shown now. */
    public static String nameOf(Locale l) {
        String name = l.getDisplayLanguage(l);
        return name.substring(0, 1).toUpperCase(l) + name.substring(1);
    }
}
