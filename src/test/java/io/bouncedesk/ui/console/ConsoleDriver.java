package io.bouncedesk.ui.console;

import io.bouncedesk.app.ConsoleWindow;
import io.bouncedesk.ui.DemoWorkspace;
import io.bouncedesk.ui.common.BackgroundTasks;
import io.bouncedesk.ui.common.UiPreferences;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * Starts the real console window on the shared demo workspace (with preferences of its own, so a
 * developer's are never touched) and offers the few robot steps the console tests share.
 */
final class ConsoleDriver {

    final Preferences prefsNode = Preferences.userRoot().node("io/bouncedesk-test/" + UUID.randomUUID());
    private final ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "console-test-worker");
        t.setDaemon(true);
        return t;
    });
    ConsoleWindow window;
    Stage stage;

    void start(Stage stage) {
        start(stage, DemoWorkspace.file());
    }

    void start(Stage stage, Path file) {
        this.stage = stage;
        window = new ConsoleWindow(stage, new UiPreferences(prefsNode), new BackgroundTasks(workers, Platform::runLater));
        stage.setWidth(1280);
        stage.setHeight(800);
        window.start(file);
    }

    void stop() throws BackingStoreException {
        if (window != null) {
            WaitForAsyncUtils.asyncFx(window::close);
            WaitForAsyncUtils.waitForFxEvents();
        }
        workers.shutdownNow();
        prefsNode.removeNode();
    }

    static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.call();
            });
        } catch (java.util.concurrent.TimeoutException e) {
            failurePicture();
            throw new AssertionError("The console did not get there within 20 s (see target/screenshots/failure-*.png)", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
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

    private static int failures;

    private static void failurePicture() {
        try {
            var window = javafx.stage.Window.getWindows().stream().filter(javafx.stage.Window::isShowing).findFirst();
            if (window.isPresent()) {
                Node root = window.get().getScene().getRoot();
                var image = WaitForAsyncUtils.asyncFx(() -> root.snapshot(null, null)).get();
                Path dir = Path.of("target", "screenshots");
                Files.createDirectories(dir);
                ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png",
                        new File(dir.toFile(), "failure-" + (++failures) + ".png"));
            }
        } catch (Exception ignored) {
            // The picture only helps diagnose; the assertion error says what failed.
        }
    }

    static void signIn(FxRobot robot, String user, String password) {
        waitUntil(() -> robot.lookup("#signInUser").tryQuery().isPresent()
                && !robot.lookup("#signInUser").query().isDisabled());
        robot.clickOn("#signInUser").eraseText(20).write(user);
        robot.clickOn("#signInPassword").write(password);
        robot.clickOn("#signInButton");
    }

    @SuppressWarnings("unchecked")
    static <T> TableView<T> table(FxRobot robot, String id) {
        return (TableView<T>) robot.lookup(id).queryAs(TableView.class);
    }

    /** Writes a picture of the whole window to target/screenshots/NAME.png. */
    void snapshot(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(150); // let the last layout pass and the busy bars settle
        WaitForAsyncUtils.waitForFxEvents();
        Node root = stage.getScene().getRoot();
        var image = WaitForAsyncUtils.asyncFx(() -> root.snapshot(null, null)).get();
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", new File(dir.toFile(), name + ".png"));
    }
}
