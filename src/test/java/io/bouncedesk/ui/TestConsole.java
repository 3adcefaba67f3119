package io.bouncedesk.ui;

import io.bouncedesk.app.ConsoleWindow;
import io.bouncedesk.ui.common.BackgroundTasks;
import io.bouncedesk.ui.common.UiPreferences;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.prefs.Preferences;

/**
 * The real console window for TestFX tests: 1280x800 on a workspace file, with preferences of its
 * own (a developer's are never touched), and the robot steps every console test shares. The
 * feature drivers (ui/console, ui/contacts, ui/settings, ui/imports, ui/i18n) add their own steps.
 */
public final class TestConsole {

    private static final AtomicInteger FAILURES = new AtomicInteger();

    private final Preferences prefsNode = Preferences.userRoot().node("io/bouncedesk-test/" + UUID.randomUUID());
    private final ExecutorService workers = workers("console-test-worker");
    private ConsoleWindow window;
    private Stage stage;

    /** Opens the console on {@code file}; a language, when given, is chosen before it opens. */
    public void start(Stage stage, Path file, Locale language) {
        this.stage = stage;
        UiPreferences prefs = new UiPreferences(prefsNode);
        if (language != null) {
            prefs.setLanguage(language);
        }
        window = new ConsoleWindow(stage, prefs, new BackgroundTasks(workers, Platform::runLater));
        stage.setWidth(1280);
        stage.setHeight(800);
        window.start(file);
    }

    public void stop() throws Exception {
        if (window != null) {
            WaitForAsyncUtils.asyncFx(window::close);
            WaitForAsyncUtils.waitForFxEvents();
        }
        workers.shutdownNow();
        prefsNode.removeNode();
    }

    public Stage stage() {
        return stage;
    }

    public ConsoleWindow window() {
        return window;
    }

    /** Two daemon threads for a screen's background work, as the console's own BackgroundTasks have. */
    public static ExecutorService workers(String name) {
        return Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Writes a picture of the whole window to target/screenshots/NAME.png. */
    public void snapshot(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(150); // let the last layout pass and the busy bars settle
        WaitForAsyncUtils.waitForFxEvents();
        write(WaitForAsyncUtils.asyncFx(() -> stage.getScene().getRoot().snapshot(null, null)).get(), name);
    }

    /** Writes a picture of one node (a dialog's content, say) to target/screenshots/NAME.png. */
    public static void snapshot(Node node, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        write(WaitForAsyncUtils.asyncFx(() -> node.snapshot(null, null)).get(), name);
    }

    /**
     * Waits until {@code condition} holds; on time-out writes a picture of the front window to
     * target/screenshots/failure-N.png and fails.
     */
    public static void waitUntil(int seconds, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.call();
            });
        } catch (java.util.concurrent.TimeoutException e) {
            failurePicture();
            throw new AssertionError("The console did not get there within " + seconds
                    + " s (see target/screenshots/failure-*.png)", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Types the user and password into the sign-in screen once it is ready, and signs in. */
    public static void typeSignIn(FxRobot robot, String user, String password) {
        waitUntil(20, () -> robot.lookup("#signInUser").tryQuery().isPresent()
                && !robot.lookup("#signInUser").query().isDisabled());
        robot.clickOn("#signInUser").eraseText(20).write(user);
        robot.clickOn("#signInPassword").write(password);
        robot.clickOn("#signInButton");
    }

    @SuppressWarnings("unchecked")
    public static <T> TableView<T> table(FxRobot robot, String id) {
        return (TableView<T>) robot.lookup(id).queryAs(TableView.class);
    }

    private static void failurePicture() {
        try {
            var front = Window.getWindows().stream().filter(Window::isShowing).reduce((a, b) -> b);
            if (front.isPresent()) {
                Node root = front.get().getScene().getRoot();
                write(WaitForAsyncUtils.asyncFx(() -> root.snapshot(null, null)).get(),
                        "failure-" + FAILURES.incrementAndGet());
            }
        } catch (Exception ignored) {
            // the picture only helps diagnose; the assertion error says what failed
        }
    }

    private static void write(javafx.scene.image.WritableImage image, String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", new File(dir.toFile(), name + ".png"));
    }
}
