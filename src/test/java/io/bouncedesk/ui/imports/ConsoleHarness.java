package io.bouncedesk.ui.imports;

import io.bouncedesk.ui.TestConsole;
import io.bouncedesk.app.Services;
import io.bouncedesk.persistence.Workspace;
import io.bouncedesk.service.DemoDataGenerator;
import io.bouncedesk.service.PasswordHasher;
import io.bouncedesk.service.Progress;
import io.bouncedesk.service.SettableClock;
import io.bouncedesk.service.SimulatedTransport;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The real console on a demo workspace of its own (these tests change data), for the import and
 * bounce tests: build once per test class, start, sign in, and take pictures of windows.
 */
public final class ConsoleHarness {

    private final TestConsole console = new TestConsole();
    public Stage stage;

    /** Builds a small demo workspace in a temporary folder; {@code prepare} may add data before the console opens it. */
    public static Path demoWorkspace(Consumer<Services> prepare) throws Exception {
        Path file = io.bouncedesk.TempFolders.create("bouncedesk-ui-h7").resolve("demo.db");
        try (Workspace ws = Workspace.open(file)) {
            Services s = new Services(ws, new SettableClock(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC),
                    new SimulatedTransport(42), new PasswordHasher(1_000));
            s.demo().generate(new DemoDataGenerator.Plan(800, 3, 42), Progress.NONE);
            prepare.accept(s);
        }
        return file;
    }

    public void start(Stage stage, Path file) {
        this.stage = stage;
        console.start(stage, file, null);
    }

    public void stop() throws Exception {
        console.stop();
    }

    public static void waitUntil(Callable<Boolean> condition) {
        TestConsole.waitUntil(30, condition);
    }

    public static void signIn(FxRobot robot, String user) {
        TestConsole.typeSignIn(robot, user, "demo");
        waitUntil(() -> robot.lookup("#statusUser").tryQuery().isPresent());
    }

    /** The dialog window whose scene root has this id. */
    public static Window windowOf(FxRobot robot, String rootId) {
        return robot.lookup(rootId).query().getScene().getWindow();
    }

    /** Writes target/screenshots/NAME.png of {@code front} drawn over {@code back} where it stands on screen. */
    public static void picture(String name, Window back, Window... front) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(200);
        WaitForAsyncUtils.waitForFxEvents();
        BufferedImage base = shot(back);
        var g = base.createGraphics();
        for (Window w : front) {
            g.drawImage(shot(w), (int) Math.round(w.getX() - back.getX()), (int) Math.round(w.getY() - back.getY()), null);
        }
        g.dispose();
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        ImageIO.write(base, "png", new File(dir.toFile(), name + ".png"));
    }

    private static BufferedImage shot(Window w) throws Exception {
        Node root = w.getScene().getRoot();
        return SwingFXUtils.fromFXImage(WaitForAsyncUtils.asyncFx(() -> root.snapshot(null, null)).get(), null);
    }
}
