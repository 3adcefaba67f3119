package io.bouncedesk.ui.contacts;

import io.bouncedesk.ui.TestConsole;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Starts the real console on a workspace (with throw-away preferences) and offers the shared robot steps. */
final class ContactsDriver {

    private final TestConsole console = new TestConsole();

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

    static void signIn(FxRobot robot, String user) {
        TestConsole.typeSignIn(robot, user, "demo");
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

    static <T> TableView<T> table(FxRobot robot, String id) {
        return TestConsole.table(robot, id);
    }

    /** Writes a picture of the whole window to target/screenshots/NAME.png. */
    void snapshot(String name) throws Exception {
        console.snapshot(name);
    }
}
