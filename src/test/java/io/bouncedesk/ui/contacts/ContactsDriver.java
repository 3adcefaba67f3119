package io.bouncedesk.ui.contacts;

import io.bouncedesk.app.ConsoleWindow;
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
import java.util.prefs.Preferences;

/** Starts the real console on a workspace (with throw-away preferences) and offers the shared robot steps. */
final class ContactsDriver {

    private final Preferences prefsNode = Preferences.userRoot().node("io/bouncedesk-test/" + UUID.randomUUID());
    private final ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "contacts-test-worker");
        t.setDaemon(true);
        return t;
    });
    private ConsoleWindow window;
    private Stage stage;

    void start(Stage stage, Path file) {
        this.stage = stage;
        window = new ConsoleWindow(stage, new UiPreferences(prefsNode), new BackgroundTasks(workers, Platform::runLater));
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
        prefsNode.removeNode();
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

    static void signIn(FxRobot robot, String user) {
        waitUntil(() -> robot.lookup("#signInUser").tryQuery().isPresent()
                && !robot.lookup("#signInUser").query().isDisabled());
        robot.clickOn("#signInUser").eraseText(20).write(user);
        robot.clickOn("#signInPassword").write("demo");
        robot.clickOn("#signInButton");
        waitUntil(() -> robot.lookup("#nav-contacts").tryQuery().isPresent());
    }

    /** Opens the record of the contact with this address: Contacts, search, Enter. */
    static void openContact(FxRobot robot, String address) {
        robot.clickOn("#nav-contacts");
        waitUntil(() -> robot.lookup("#contactsTable").tryQuery().isPresent());
        TableView<ContactItem> table = table(robot, "#contactsTable");
        robot.clickOn("#contactsSearch").write(address);
        waitUntil(() -> table.getItems().size() >= 1 && !table.getItems().get(0).isPlaceholder()
                && table.getItems().get(0).item().contact().address().address().equals(address));
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().select(0);
        });
        robot.type(javafx.scene.input.KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#contactStatus").tryQuery().isPresent()
                && robot.lookup("#contactProperties").tryQuery().isPresent());
    }

    static boolean shown(FxRobot robot, String id) {
        return robot.lookup(id).tryQuery().map(ContactsDriver::visibleInScene).orElse(false);
    }

    /** Visible itself and inside visible parents (a banner hides its button with it). */
    private static boolean visibleInScene(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    @SuppressWarnings("unchecked")
    static <T> TableView<T> table(FxRobot robot, String id) {
        return (TableView<T>) robot.lookup(id).queryAs(TableView.class);
    }

    /** Writes a picture of the whole window to target/screenshots/NAME.png. */
    void snapshot(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(150);
        WaitForAsyncUtils.waitForFxEvents();
        Node root = stage.getScene().getRoot();
        var image = WaitForAsyncUtils.asyncFx(() -> root.snapshot(null, null)).get();
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", new File(dir.toFile(), name + ".png"));
    }
}
