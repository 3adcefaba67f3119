package io.bouncedesk.ui.settings;

import io.bouncedesk.ui.TestConsole;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** The real console window on a given workspace file, 1280x800, with preferences of its own. */
final class ConsoleHarness {

    private final TestConsole console = new TestConsole();

    void start(Stage stage, Path file) {
        console.start(stage, file, null);
    }

    void stop() throws Exception {
        console.stop();
    }

    static void waitUntil(Callable<Boolean> condition) {
        TestConsole.waitUntil(20, condition);
    }

    static void signIn(FxRobot robot, String user, String password) {
        TestConsole.typeSignIn(robot, user, password);
        waitUntil(() -> robot.lookup("#nav-dashboard").tryQuery().isPresent());
    }

    /** Writes a picture of the whole window to target/screenshots/NAME.png. */
    void snapshot(String name) throws Exception {
        console.snapshot(name);
    }
}
