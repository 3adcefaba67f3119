package io.bouncedesk.ui.settings;

import io.bouncedesk.app.ConsoleWindow;
import io.bouncedesk.ui.common.BackgroundTasks;
import io.bouncedesk.ui.common.UiPreferences;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
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
import java.util.prefs.Preferences;

/** The real console window on a given workspace file, 1280x800, with preferences of its own. */
final class ConsoleHarness {

    private final Preferences prefs = Preferences.userRoot().node("io/bouncedesk-test/" + UUID.randomUUID());
    private final ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "settings-test-worker");
        t.setDaemon(true);
        return t;
    });
    private ConsoleWindow window;
    private Stage stage;

    void start(Stage stage, Path file) {
        this.stage = stage;
        window = new ConsoleWindow(stage, new UiPreferences(prefs), new BackgroundTasks(workers, Platform::runLater));
        stage.setWidth(1280);
        stage.setHeight(800);
        window.start(file);
    }

    void stop() throws Exception {
        if (window != null) {
            WaitForAsyncUtils.asyncFx(window::close);
            WaitForAsyncUtils.waitForFxEvents();
        }
        workers.shutdownNow();
        prefs.removeNode();
    }

    static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.call();
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("The console did not get there within 20 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    static void signIn(FxRobot robot, String user, String password) {
        waitUntil(() -> robot.lookup("#signInUser").tryQuery().isPresent()
                && !robot.lookup("#signInUser").query().isDisabled());
        robot.clickOn("#signInUser").eraseText(20).write(user);
        robot.clickOn("#signInPassword").write(password);
        robot.clickOn("#signInButton");
        waitUntil(() -> robot.lookup("#nav-dashboard").tryQuery().isPresent());
    }

    /** Writes a picture of the whole window to target/screenshots/NAME.png. */
    void snapshot(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(200);
        WaitForAsyncUtils.waitForFxEvents();
        Node root = stage.getScene().getRoot();
        var image = WaitForAsyncUtils.asyncFx(() -> root.snapshot(null, null)).get();
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", new File(dir.toFile(), name + ".png"));
    }
}
