package io.bouncedesk.ui.console;

import io.bouncedesk.domain.NotSentReason;
import io.bouncedesk.service.EmailSummary;
import io.bouncedesk.ui.recipients.RecipientItem;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.IntStream;

import static io.bouncedesk.ui.console.ConsoleDriver.signIn;
import static io.bouncedesk.ui.console.ConsoleDriver.table;
import static io.bouncedesk.ui.console.ConsoleDriver.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** Pictures of the screens on the demo workspace, written to target/screenshots/ by every build. */
@ExtendWith(ApplicationExtension.class)
class ScreenshotsTest {

    private final ConsoleDriver console = new ConsoleDriver();

    @Start
    void start(Stage stage) {
        console.start(stage);
    }

    @AfterEach
    void stop() throws Exception {
        console.stop();
    }

    @Test
    void picturesOfEveryScreen(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#demo-support").tryQuery().isPresent());
        console.snapshot("signin");
        signIn(robot, "support", "demo");
        TableView<EmailSummary> emails = table(robot, "#emailsTable");
        waitUntil(() -> emails.getItems().size() == 6);
        console.snapshot("emails");

        robot.clickOn("#nav-dashboard");
        waitUntil(() -> robot.lookup(".figure-card").tryQuery().isPresent());
        console.snapshot("dashboard");
        robot.clickOn("#nav-emails");
        TableView<EmailSummary> list = table(robot, "#emailsTable");
        waitUntil(() -> list.getItems().size() == 6);

        // The email with the most bounces makes the clearest pictures.
        int row = IntStream.range(0, 6).boxed()
                .max(Comparator.comparingLong(i -> list.getItems().get(i).counts().bounced())).orElseThrow();
        robot.doubleClickOn(ConsoleDriver.row(robot, "#emailsTable", row));
        waitUntil(() -> robot.lookup("#recipientsTabs").tryQuery().isPresent());

        robot.clickOn("#tab-bounced");
        TableView<RecipientItem> recipients = table(robot, "#recipientsTable");
        waitUntil(() -> !recipients.getItems().isEmpty() && !recipients.getItems().get(0).isPlaceholder()
                && recipients.getItems().get(0).recipient().bounceType() != null);
        robot.clickOn(ConsoleDriver.expander(robot, 1));
        waitUntil(() -> robot.lookup(".recipient-detail").tryQuery().isPresent());
        console.snapshot("recipients-bounced");

        // Not sent on the newest email: earlier emails left hard bounces behind, so every reason shows.
        robot.clickOn("#backToEmails");
        TableView<EmailSummary> again = table(robot, "#emailsTable");
        waitUntil(() -> again.getItems().size() == 6);
        robot.doubleClickOn(ConsoleDriver.row(robot, "#emailsTable", 0));
        waitUntil(() -> robot.lookup("#tab-notsent").tryQuery().isPresent());
        robot.clickOn("#tab-notsent");
        TableView<RecipientItem> notSent = table(robot, "#recipientsTable");
        waitUntil(() -> !notSent.getItems().isEmpty() && !notSent.getItems().get(0).isPlaceholder()
                && notSent.getItems().get(0).recipient().notSentReason() != null);
        var unsorted = notSent.getItems();
        robot.clickOn(robot.lookup("#col-notSentReason").queryAs(Node.class)); // sorted by the database
        waitUntil(() -> notSent.getItems() != unsorted && !notSent.getItems().get(0).isPlaceholder());
        assertThat(notSent.getSortOrder()).hasSize(1);
        int bounced = IntStream.range(0, Math.min(100, notSent.getItems().size()))
                .filter(i -> notSent.getItems().get(i).recipient().notSentReason() == NotSentReason.PREVIOUSLY_BOUNCED)
                .findFirst().orElse(0);
        robot.interact(() -> notSent.scrollTo(Math.max(0, bounced - 2)));
        robot.clickOn(ConsoleDriver.expander(robot, bounced));
        waitUntil(() -> robot.lookup(".recipient-detail").tryQuery().isPresent()
                && robot.lookup(".recipient-detail .label").queryAll().stream()
                .anyMatch(n -> ((javafx.scene.control.Label) n).getText().startsWith("The address hard-bounced on")));
        console.snapshot("recipients-notsent");

        robot.clickOn("#tab-delivered");
        waitUntil(() -> !notSent.getItems().isEmpty() && !notSent.getItems().get(0).isPlaceholder()
                && notSent.getItems().get(0).recipient().deliveredAt() != null);
        robot.clickOn(ConsoleDriver.row(robot, "#recipientsTable", 2));
        robot.clickOn("#viewDetailsButton");
        waitUntil(() -> robot.lookup("#copyItDetailsButton").tryQuery().isPresent());
        console.snapshot("details");

        // The same screen in the dark theme: the console's own styles follow the theme's colours.
        robot.interact(() -> console.window().applyTheme(io.bouncedesk.ui.common.Theme.DARK));
        try {
            console.snapshot("details-dark");
        } finally {
            robot.interact(() -> console.window().applyTheme(io.bouncedesk.ui.common.Theme.LIGHT));
        }

        for (String name : new String[] {"signin", "emails", "dashboard", "recipients-bounced", "recipients-notsent",
                "details"}) {
            assertThat(Path.of("target", "screenshots", name + ".png")).exists();
            assertThat(Files.size(Path.of("target", "screenshots", name + ".png"))).isGreaterThan(10_000);
        }
    }
}
