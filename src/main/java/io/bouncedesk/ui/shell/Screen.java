package io.bouncedesk.ui.shell;

import javafx.scene.Node;

import java.util.Optional;

/** One screen shown in the shell's content area; disposed when the user goes elsewhere. */
public interface Screen {

    Node node();

    /** Releases timers and listeners that would outlive the screen. */
    default void dispose() {
    }

    /** What File > Export does on this screen, if it exports anything. */
    default Optional<Runnable> export() {
        return Optional.empty();
    }

    static Screen of(Node node) {
        return () -> node;
    }
}
