package io.bouncedesk.ui.shell;

import io.bouncedesk.ui.common.Theme;

import java.nio.file.Path;
import java.util.Locale;

/** What only the application can do: switch workspaces, sign out, quit, restyle and re-word the window. */
public interface ShellActions {

    /** Creates an empty workspace at {@code file} and opens it (it then asks for its first Super admin). */
    void newWorkspace(Path file);

    void openWorkspace(Path file);

    /** Asks for a team workspace's address and sign-in, then opens it. */
    default void connectTeamWorkspace() {
    }

    void signOut();

    void quit();

    void applyTheme(Theme theme);

    void applyLanguage(Locale locale);

    /** Opens the import wizard (File > Import) for the signed-in user. */
    default void openImportWizard() {
    }
}
