package io.bouncedesk.app;

import io.bouncedesk.persistence.WorkspaceLocation;
import io.bouncedesk.persistence.WorkspaceTarget;
import io.bouncedesk.ui.common.BackgroundTasks;
import io.bouncedesk.ui.common.UiPreferences;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JavaFX application: opens the workspace (building the demo workspace on the very first run,
 * and otherwise reopening the last workspace used when none was named), then the console window.
 */
public final class ConsoleApp extends Application {

    private static volatile WorkspaceTarget requested;
    private ExecutorService workers;
    private ConsoleWindow window;

    /**
     * Opens the console on {@code workspace} (a team workspace first asks for its sign-in);
     * returns when the last window closes.
     */
    public static void start(WorkspaceTarget workspace) {
        requested = workspace;
        Application.launch(ConsoleApp.class);
    }

    @Override
    public void start(Stage stage) {
        UiPreferences prefs = UiPreferences.forUser();
        workers = workers();
        window = new ConsoleWindow(stage, prefs, new BackgroundTasks(workers, Platform::runLater));
        WorkspaceTarget target = requested;
        if (target != null && target.team()) {
            stage.show();
            window.askForTeamWorkspace(target.jdbcUrl(), prefs.teamWorkspaceUser()
                    .orElse(System.getProperty("user.name", "")), null);
        } else {
            window.start(startFile(target == null ? null : target.file(), prefs.lastWorkspace()));
        }
    }

    /**
     * The command line passes the default location when no workspace was named: the workspace used
     * last time is then the one the user expects (as long as it still exists).
     */
    static Path startFile(Path requested, Optional<Path> last) {
        Path file = requested == null ? WorkspaceLocation.defaultFile() : requested;
        boolean unnamed = file.toAbsolutePath().normalize()
                .equals(WorkspaceLocation.defaultFile().toAbsolutePath().normalize());
        if (unnamed && last.isPresent() && Files.exists(last.get())) {
            return last.get();
        }
        return file;
    }

    /** Two daemon threads: a page load and a count can run side by side; none keeps the JVM alive. */
    private static ExecutorService workers() {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "bouncedesk-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
        if (workers != null) {
            workers.shutdownNow();
        }
    }
}
