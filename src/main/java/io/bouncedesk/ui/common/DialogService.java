package io.bouncedesk.ui.common;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Dialogs, file choosers and alerts, behind an interface so view models stay testable without the
 * toolkit (tests pass a scripted fake).
 */
public interface DialogService {

    /** A file to write, or empty when the user cancelled. */
    Optional<Path> chooseFileToSave(String title, String initialName, String filterDescription, String filterPattern);

    /** An existing file to open, or empty when the user cancelled. */
    Optional<Path> chooseFileToOpen(String title, String filterDescription, String filterPattern);

    void showInfo(String title, String message);

    void showError(String title, String message);

    /** Puts plain text on the system clipboard. */
    void copyToClipboard(String text);

    /** An existing folder, or empty when the user cancelled (or the platform has no folder chooser). */
    default Optional<Path> chooseFolder(String title) {
        return Optional.empty();
    }

    /** A notice that does not block, with one action (e.g. "Open folder"); plain info by default. */
    default void notify(String title, String message, String actionLabel, Runnable action) {
        showInfo(title, message);
    }

    /** Shows a folder in the system's file manager; false when the desktop cannot (headless, no browser). */
    default boolean openFolder(Path folder) {
        return false;
    }
}
