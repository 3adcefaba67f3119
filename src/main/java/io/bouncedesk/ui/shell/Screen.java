package io.bouncedesk.ui.shell;

import javafx.scene.Node;

import java.util.Optional;

/** One screen shown in the shell's content area; disposed when the user goes elsewhere. */
public interface Screen {

    Node node();

    /** Releases timers and listeners that would outlive the screen. */
    default void dispose() {
    }

    /**
     * Reads again what the screen shows, keeping the user's place in it: another console changed
     * the workspace (a team workspace's change feed).
     */
    default void refresh() {
    }

    /** What File > Export does on this screen, if it exports anything. */
    default Optional<Runnable> export() {
        return Optional.empty();
    }

    /**
     * What the user chose on this screen that its place does not say (the open tab of an email's
     * recipients), so that rebuilding the window in another language returns to it.
     */
    default Object state() {
        return null;
    }

    /** Returns to a {@link #state()} taken from the same kind of screen before it was rebuilt. */
    default void restore(Object state) {
    }

    static Screen of(Node node) {
        return () -> node;
    }

    /** A screen whose only clean-up is {@code dispose}. */
    static Screen of(Node node, Runnable dispose) {
        return of(node, dispose, () -> { });
    }

    /** A screen that cleans up with {@code dispose} and reads its data again with {@code refresh}. */
    static Screen of(Node node, Runnable dispose, Runnable refresh) {
        return new Screen() {
            @Override
            public Node node() {
                return node;
            }

            @Override
            public void dispose() {
                dispose.run();
            }

            @Override
            public void refresh() {
                refresh.run();
            }
        };
    }
}
