package io.bouncedesk.persistence;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where the default workspace lives: the user's data directory of each operating system. */
public final class WorkspaceLocation {

    public static final String FILE_NAME = "workspace.db";

    private WorkspaceLocation() {
    }

    public static Path defaultFile() {
        return dataDirectory(System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home"))
                .resolve(FILE_NAME);
    }

    /** XDG on Linux and other Unix, Application Support on macOS, %LOCALAPPDATA% on Windows. */
    static Path dataDirectory(Map<String, String> env, String osName, String home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String local = env.get("LOCALAPPDATA");
            Path base = local != null && !local.isBlank() ? Path.of(local) : Path.of(home, "AppData", "Local");
            return base.resolve("BounceDesk");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "BounceDesk");
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".local", "share");
        return base.resolve("bouncedesk");
    }
}
