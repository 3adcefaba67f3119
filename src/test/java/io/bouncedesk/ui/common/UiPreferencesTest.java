package io.bouncedesk.ui.common;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

class UiPreferencesTest {

    /** A node of its own, so a developer's remembered window is never touched. */
    private final Preferences node = Preferences.userRoot().node("io/bouncedesk-test/" + UUID.randomUUID());
    private final UiPreferences prefs = new UiPreferences(node);

    @AfterEach
    void removeNode() throws BackingStoreException {
        node.removeNode();
    }

    @Test
    void startsWithDefaults() {
        assertThat(prefs.windowBounds()).isEmpty();
        assertThat(prefs.theme()).isEqualTo(Theme.LIGHT);
        assertThat(prefs.language()).isEqualTo(Locale.ENGLISH);
        assertThat(prefs.lastWorkspace()).isEmpty();
    }

    @Test
    void remembersWindowThemeLanguageAndWorkspace() {
        prefs.setWindowBounds(new UiPreferences.WindowBounds(10, 20, 1280, 800, true));
        prefs.setTheme(Theme.DARK);
        prefs.setLanguage(Locale.forLanguageTag("cs"));
        prefs.setLastWorkspace(Path.of("/tmp/w.db"));
        UiPreferences again = new UiPreferences(node);
        assertThat(again.windowBounds()).contains(new UiPreferences.WindowBounds(10, 20, 1280, 800, true));
        assertThat(again.theme()).isEqualTo(Theme.DARK);
        assertThat(again.language().getLanguage()).isEqualTo("cs");
        assertThat(again.lastWorkspace()).contains(Path.of("/tmp/w.db").toAbsolutePath());
    }

    @Test
    void aDamagedValueFallsBackToTheDefault() {
        node.put("theme", "PURPLE");
        assertThat(prefs.theme()).isEqualTo(Theme.LIGHT);
    }
}
