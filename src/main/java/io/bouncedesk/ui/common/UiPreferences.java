package io.bouncedesk.ui.common;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What the console remembers between runs: window bounds, theme, language and last workspace, under
 * one {@link Preferences} node ({@link #USER_NODE} for people; tests pass a node of their own).
 */
public final class UiPreferences {

    public static final String USER_NODE = "io/bouncedesk";

    /** A window's position and size. */
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
    }

    private final Preferences node;

    public UiPreferences(Preferences node) {
        this.node = node;
    }

    public static UiPreferences forUser() {
        return new UiPreferences(Preferences.userRoot().node(USER_NODE));
    }

    public Optional<WindowBounds> windowBounds() {
        double w = node.getDouble("window.width", -1);
        double h = node.getDouble("window.height", -1);
        if (w < 200 || h < 200) {
            return Optional.empty();
        }
        return Optional.of(new WindowBounds(node.getDouble("window.x", 0), node.getDouble("window.y", 0), w, h,
                node.getBoolean("window.maximized", false)));
    }

    public void setWindowBounds(WindowBounds b) {
        node.putDouble("window.x", b.x());
        node.putDouble("window.y", b.y());
        node.putDouble("window.width", b.width());
        node.putDouble("window.height", b.height());
        node.putBoolean("window.maximized", b.maximized());
    }

    public Theme theme() {
        try {
            return Theme.valueOf(node.get("theme", Theme.LIGHT.name()));
        } catch (IllegalArgumentException e) {
            return Theme.LIGHT;
        }
    }

    public void setTheme(Theme theme) {
        node.put("theme", theme.name());
    }

    public Locale language() {
        return Locale.forLanguageTag(node.get("language", "en"));
    }

    public void setLanguage(Locale locale) {
        node.put("language", locale.toLanguageTag());
    }

    public Optional<Path> lastWorkspace() {
        String p = node.get("workspace.last", "");
        return p.isBlank() ? Optional.empty() : Optional.of(Path.of(p));
    }

    public void setLastWorkspace(Path file) {
        node.put("workspace.last", file.toAbsolutePath().toString());
    }

    /** Writes to the backing store now; failures are ignored (preferences are a convenience). */
    /** The team workspace connected last (its URL and database user; never its password). */
    public Optional<String> teamWorkspaceUrl() {
        String url = node.get("team.url", "");
        return url.isEmpty() ? Optional.empty() : Optional.of(url);
    }

    public Optional<String> teamWorkspaceUser() {
        String user = node.get("team.user", "");
        return user.isEmpty() ? Optional.empty() : Optional.of(user);
    }

    public void setTeamWorkspace(String url, String user) {
        node.put("team.url", url);
        node.put("team.user", user);
    }

    public void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // Nothing to do: the console works the same without remembered settings.
        }
    }
}
