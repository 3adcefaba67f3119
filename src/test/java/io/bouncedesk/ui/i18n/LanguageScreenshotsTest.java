package io.bouncedesk.ui.i18n;

import atlantafx.base.theme.PrimerLight;
import io.bouncedesk.app.Services;
import io.bouncedesk.domain.ContactStatus;
import io.bouncedesk.domain.User;
import io.bouncedesk.persistence.ContactFilter;
import io.bouncedesk.persistence.ContactListDao;
import io.bouncedesk.ui.DemoWorkspace;
import io.bouncedesk.ui.TestConsole;
import io.bouncedesk.ui.common.BackgroundTasks;
import io.bouncedesk.ui.common.Formats;
import io.bouncedesk.ui.common.Messages;
import io.bouncedesk.ui.contacts.ContactScreens;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import io.bouncedesk.ui.shell.TeamConnectDialog;
import io.bouncedesk.ui.shell.TeamConnectViewModel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

import static io.bouncedesk.ui.i18n.I18nConsole.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pictures of a locally bounced contact's record and of its unbounce dialog in each translated
 * language, for people to review the words in place: target/screenshots/contact-bounced-LANG.png
 * and unbounce-dialog-LANG.png. It also fails when a text of the banner or dialog is cut short
 * (shown with an ellipsis).
 */
@ExtendWith(ApplicationExtension.class)
class LanguageScreenshotsTest {

    private final ExecutorService workers = TestConsole.workers("screenshot-worker");
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"pl", "fr", "da", "cs"})
    void bouncedContactAndUnbounceDialog(String language, FxRobot robot) throws Exception {
        Services s = DemoWorkspace.services();
        User marketer = s.users.authenticate("marketer", "demo".toCharArray());
        long contactId = locallyBouncedContact(s, marketer);
        Messages m = Messages.of(Bundles.locale(language));
        Formats f = new Formats(m.locale(), ZoneOffset.UTC);
        ContactScreens screens = new ContactScreens(s.contactList, s.contacts, s.unbounce,
                new BackgroundTasks(workers, Platform::runLater), m, f, marketer);
        WaitForAsyncUtils.asyncFx(() -> {
            StackPane root = new StackPane(screens.record(contactId, () -> { }));
            Scene scene = new Scene(root, 1280, 800);
            scene.getStylesheets().add(LanguageScreenshotsTest.class
                    .getResource("/io/bouncedesk/ui/console.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
        }).get();

        waitUntil(() -> robot.lookup("#bouncedBanner").tryQuery().isPresent()
                && !robot.lookup("#unbounceButton").queryAs(Button.class).isDisabled());
        snapshot("contact-bounced-" + language);
        List<String> cut = new ArrayList<>(clipped(robot.lookup("#bouncedBanner").query()));

        robot.clickOn("#unbounceButton");
        waitUntil(() -> robot.lookup("#unbounceDialog").tryQuery().isPresent()
                && !robot.lookup("#quotaLabel").queryAs(Label.class).getText().isBlank());
        snapshot("unbounce-dialog-" + language);
        cut.addAll(clipped(robot.lookup("#unbounceDialog").query()));
        assertThat(robot.lookup("#confirmCheckBox").queryAs(Labeled.class).getText()).isEqualTo(m.get("unbounce.confirm"));
        assertThat(cut).as("texts of the bounced banner and unbounce dialog cut short in %s", language).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "pl", "fr", "da", "cs"})
    void teamWorkspaceConnectionForm(String language, FxRobot robot) throws Exception {
        Messages m = Messages.of(Bundles.locale(language));
        for (boolean store : new boolean[] {true, false}) {
            TeamConnectViewModel vm = new TeamConnectViewModel(m, store)
                    .prefill("", "anna", null, null);
            WaitForAsyncUtils.asyncFx(() -> {
                StackPane root = new StackPane(TeamConnectDialog.form(vm, m));
                root.setPadding(new javafx.geometry.Insets(12));
                stage.setScene(new Scene(root, 620, 340));
                stage.show();
            }).get();
            robot.interact(vm::request); // no URL yet: the form says what is missing
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(vm.errorProperty().get()).isEqualTo(m.get("team.error.url"));
            snapshot("team-connect-" + language + (store ? "" : "-no-store"));
            assertThat(clipped(stage.getScene().getRoot())).as("texts of the connection form cut short in %s", language)
                    .isEmpty();
        }
    }

    /** A contact hard-bounced in this workspace (not globally) that the marketer may unbounce now. */
    private static long locallyBouncedContact(Services s, User user) {
        List<ContactListDao.Item> bounced = s.contactList.page(ContactFilter.all().withStatus(ContactStatus.BOUNCED),
                ContactListDao.Sort.ID, false, 0, 500);
        return bounced.stream().map(i -> i.contact().id())
                .filter(id -> s.unbounce.check(user, id).allowed()).findFirst()
                .orElseThrow(() -> new AssertionError("the demo workspace has no contact the marketer may unbounce"));
    }

    /** Labels and buttons whose text the layout cut short ("Unbounce this con..."). */
    private static List<String> clipped(Node root) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            List<String> cut = new ArrayList<>();
            collectClipped(root, cut);
            return cut;
        }).get();
    }

    private static void collectClipped(Node node, List<String> cut) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            for (Node child : l.getChildrenUnmodifiable()) {
                if (child instanceof Text t && !t.getText().equals(l.getText()) && t.getText().endsWith(l.getEllipsisString())) {
                    cut.add(l.getText());
                }
            }
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collectClipped(c, cut));
        }
    }

    private void snapshot(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(200); // the last layout pass
        WaitForAsyncUtils.waitForFxEvents();
        var image = WaitForAsyncUtils.asyncFx(() -> stage.getScene().getRoot().snapshot(null, null)).get();
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", new File(dir.toFile(), name + ".png"));
    }
}
