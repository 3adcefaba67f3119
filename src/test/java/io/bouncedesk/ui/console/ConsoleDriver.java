package io.bouncedesk.ui.console;

import io.bouncedesk.ui.TestConsole;
import io.bouncedesk.ui.DemoWorkspace;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * Starts the real console window on the shared demo workspace (with preferences of its own, so a
 * developer's are never touched) and offers the few robot steps the console tests share.
 */
final class ConsoleDriver {

    private final TestConsole console = new TestConsole();

    void start(Stage stage) {
        start(stage, DemoWorkspace.file());
    }

    void start(Stage stage, Path file) {
        console.start(stage, file, null);
    }

    void stop() throws Exception {
        console.stop();
    }

    io.bouncedesk.app.ConsoleWindow window() {
        return console.window();
    }

    static void waitUntil(Callable<Boolean> condition) {
        TestConsole.waitUntil(20, condition);
    }

    /** The table row showing item {@code index} (rows are recycled, so scene order is not item order). */
    static javafx.scene.control.TableRow<?> row(FxRobot robot, String table, int index) {
        return robot.lookup(table + " .table-row-cell").queryAllAs(javafx.scene.control.TableRow.class).stream()
                .filter(r -> r.getIndex() == index && !r.isEmpty()).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + index + " shown in " + table));
    }

    /** The expander button of the row showing item {@code index}. */
    static Node expander(FxRobot robot, int index) {
        return robot.from(row(robot, "#recipientsTable", index)).lookup(".row-expander").query();
    }

    static void signIn(FxRobot robot, String user, String password) {
        TestConsole.typeSignIn(robot, user, password);
    }

    static <T> TableView<T> table(FxRobot robot, String id) {
        return TestConsole.table(robot, id);
    }

    /** Writes a picture of the whole window to target/screenshots/NAME.png. */
    void snapshot(String name) throws Exception {
        console.snapshot(name);
    }
}
