package io.bouncedesk.ui.console;

import io.bouncedesk.app.Services;
import io.bouncedesk.domain.NotSentReason;
import io.bouncedesk.persistence.RecipientCounts;
import io.bouncedesk.service.EmailSummary;
import io.bouncedesk.ui.DemoWorkspace;
import io.bouncedesk.ui.recipients.RecipientItem;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.text.NumberFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static io.bouncedesk.ui.console.ConsoleDriver.signIn;
import static io.bouncedesk.ui.console.ConsoleDriver.table;
import static io.bouncedesk.ui.console.ConsoleDriver.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** Drives the real console headless: sign in, open an email, and use its Recipients view. */
@ExtendWith(ApplicationExtension.class)
class ConsoleFlowTest {

    private final ConsoleDriver console = new ConsoleDriver();
    private final Services services = DemoWorkspace.services();

    @Start
    void start(Stage stage) {
        console.start(stage);
    }

    @AfterEach
    void stop() throws Exception {
        console.stop();
    }

    @Test
    void aSupportAgentOpensAnEmailAndReadsItsBouncesAndNotSentReasons(FxRobot robot) throws Exception {
        signIn(robot, "support", "demo");
        TableView<EmailSummary> emails = table(robot, "#emailsTable");
        waitUntil(() -> emails.getItems().size() == 6);
        assertThat(robot.lookup("#statusUser").queryAs(Label.class).getText()).isEqualTo("Sam Support · Viewer");

        EmailSummary email = emails.getItems().get(0);
        robot.doubleClickOn(ConsoleDriver.row(robot, "#emailsTable", 0));
        waitUntil(() -> robot.lookup("#recipientsTabs").tryQuery().isPresent());
        RecipientCounts counts = services.recipients.counts(email.email().id());

        // Bounced: the tab's count and the table's rows are the database's.
        robot.clickOn("#tab-bounced");
        TableView<RecipientItem> recipients = table(robot, "#recipientsTable");
        waitUntil(() -> recipients.getItems().size() == counts.bounced());
        assertThat(robot.lookup(".count-bounced").queryAs(Label.class).getText())
                .isEqualTo(NumberFormat.getIntegerInstance(Locale.ENGLISH).format(counts.bounced()));

        robot.clickOn("#bounceType-hard");
        waitUntil(() -> recipients.getItems().size() == counts.hardBounced());
        robot.clickOn("#bounceType-all");
        waitUntil(() -> recipients.getItems().size() == counts.bounced());

        // Expanding a row shows its reason and the server's full diagnostic text in place.
        RecipientItem first = recipients.getItems().get(0);
        robot.clickOn(ConsoleDriver.expander(robot, 0));
        waitUntil(() -> robot.lookup(".recipient-detail").tryQuery().isPresent()
                && texts(robot, ".recipient-detail .label").stream().anyMatch(t -> t.startsWith("Delivery attempts (")));
        assertThat(texts(robot, ".recipient-detail .label")).contains(first.recipient().diagnostic())
                .anyMatch(t -> t.contains(first.recipient().bounceReason().code()));

        // Not sent: every row says why, in words.
        robot.clickOn("#tab-notsent");
        waitUntil(() -> recipients.getItems().size() == counts.notSent()
                && !recipients.getItems().get(0).isPlaceholder());
        Set<String> reasons = Arrays.stream(NotSentReason.values()).map(NotSentReason::label).collect(Collectors.toSet());
        assertThat(texts(robot, "#recipientsTable .table-cell")).anyMatch(reasons::contains);

        // Search narrows the list (done by the database).
        robot.clickOn("#tab-sent");
        waitUntil(() -> recipients.getItems().size() == counts.sent());
        String address = recipients.getItems().get(0).address();
        robot.clickOn("#recipientsSearch").write(address.substring(0, address.indexOf('@')));
        waitUntil(() -> recipients.getItems().size() < counts.sent() && !recipients.getItems().isEmpty());
        assertThat(recipients.getItems().get(0).address()).isEqualTo(address);
    }

    @Test
    void copyForTheItTeamPutsEveryDetailOnTheClipboard(FxRobot robot) {
        signIn(robot, "support", "demo");
        TableView<EmailSummary> emails = table(robot, "#emailsTable");
        waitUntil(() -> !emails.getItems().isEmpty());
        EmailSummary email = emails.getItems().get(0);
        robot.clickOn(ConsoleDriver.row(robot, "#emailsTable", 0));
        robot.type(javafx.scene.input.KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#tab-delivered").tryQuery().isPresent());
        robot.clickOn("#tab-delivered");
        TableView<RecipientItem> recipients = table(robot, "#recipientsTable");
        waitUntil(() -> !recipients.getItems().isEmpty() && !recipients.getItems().get(0).isPlaceholder()
                && recipients.getItems().get(0).recipient().deliveredAt() != null);
        robot.clickOn(ConsoleDriver.row(robot, "#recipientsTable", 0));
        robot.clickOn("#viewDetailsButton");
        waitUntil(() -> robot.lookup("#copyItDetailsButton").tryQuery().isPresent()
                && !robot.lookup("#copyItDetailsButton").query().isDisabled());
        RecipientItem delivered = recipients.getSelectionModel().getSelectedItem();
        robot.clickOn("#copyItDetailsButton");
        waitUntil(() -> clipboard() != null && clipboard().contains(delivered.address()));
        String text = clipboard();
        assertThat(text).contains(email.email().subject(), email.email().fromName(), email.email().fromAddress(),
                delivered.recipient().messageId(), "192.0.2.10", "192.0.2.11", "(UTC+0");
        assertThat(robot.lookup("#domainCheck").queryAs(Label.class).getText()).contains("is a connected sending domain");
    }

    @Test
    void fiveWrongPasswordsInARowLockSignInForThirtySeconds(FxRobot robot) {
        for (int i = 0; i < 5; i++) {
            signIn(robot, "admin", "wrong" + i);
            int attempt = i;
            waitUntil(() -> robot.lookup(".danger").queryAs(Label.class).getText().contains(attempt < 4 ? "Wrong" : "Try again"));
        }
        assertThat(robot.lookup("#signInButton").query().isDisabled()).isTrue();
        assertThat(robot.lookup(".danger").queryAs(Label.class).getText()).contains("Try again in");
    }

    private static String clipboard() {
        try {
            return WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get();
        } catch (Exception e) {
            return null;
        }
    }

    private static java.util.List<String> texts(FxRobot robot, String query) {
        return robot.lookup(query).queryAll().stream()
                .map(n -> n instanceof javafx.scene.control.Labeled l ? l.getText() : null)
                .filter(t -> t != null && !t.isBlank()).toList();
    }
}
