package io.bouncedesk.ui.bounces;

import io.bouncedesk.domain.BounceReason;
import io.bouncedesk.domain.RecipientTab;
import io.bouncedesk.domain.Role;
import io.bouncedesk.domain.TrackingIds;
import io.bouncedesk.domain.User;
import io.bouncedesk.persistence.RecipientQuery;
import io.bouncedesk.persistence.RecipientRow;
import io.bouncedesk.service.EmailSummary;
import io.bouncedesk.service.IngestSummary;
import io.bouncedesk.service.Progress;
import io.bouncedesk.ui.common.FxDialogService;
import io.bouncedesk.ui.common.Messages;
import io.bouncedesk.ui.imports.ConsoleHarness;
import io.bouncedesk.ui.recipients.RecipientItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static io.bouncedesk.ui.imports.ConsoleHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** A bounced recipient row: its original DSN in the viewer, and Reclassify changing the shown reason. */
@ExtendWith(ApplicationExtension.class)
class BounceConsoleTest {

    private static Path workspace;
    private static long emailId;
    private static String address;
    private final ConsoleHarness console = new ConsoleHarness();

    @BeforeAll
    static void build() throws Exception {
        workspace = ConsoleHarness.demoWorkspace(s -> {
            emailId = s.reports.emails("").get(0).email().id();
            RecipientRow r = s.recipients.page(RecipientQuery.of(emailId, RecipientTab.DELIVERED), 0, 1).get(0).recipient();
            address = r.address();
            try {
                Path dsn = io.bouncedesk.TempFolders.create("bouncedesk-dsn").resolve("bounce.eml");
                Files.writeString(dsn, dsn(address, r.messageId(), TrackingIds.token(emailId, r.id())),
                        StandardCharsets.UTF_8);
                IngestSummary sum = s.bounceImports.importPaths(new User(2, "marketer", "Maja", Role.MARKETING_EMAIL),
                        List.of(dsn), Progress.NONE);
                assertThat(sum.updated()).isEqualTo(1);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    static String dsn(String recipient, String messageId, String token) {
        return String.join("\r\n",
                "Return-Path: <>",
                "Received: from mx.example.org (mx.example.org [192.0.2.25])",
                "\tby bounces.mail.example.eu with ESMTP id 4F2A1; Tue, 17 Nov 2026 10:05:00 +0000",
                "From: MAILER-DAEMON@mx.example.org (Mail Delivery System)",
                "To: bounces@mail.example.eu",
                "Subject: Undelivered Mail Returned to Sender",
                "Date: Tue, 17 Nov 2026 10:05:00 +0000",
                "MIME-Version: 1.0",
                "Content-Type: multipart/report; report-type=delivery-status;",
                "\tboundary=\"XYZ\"",
                "Message-ID: <dsn-4F2A1@mx.example.org>",
                "",
                "--XYZ",
                "Content-Type: text/plain; charset=us-ascii",
                "",
                "This is the mail system at host mx.example.org.",
                "I'm sorry to have to inform you that your message could not be delivered.",
                "",
                "--XYZ",
                "Content-Type: message/delivery-status",
                "",
                "Reporting-MTA: dns; mx.example.org",
                "",
                "Final-Recipient: rfc822; " + recipient,
                "Action: failed",
                "Status: 5.1.1",
                "Remote-MTA: dns; mx.example.org",
                "Diagnostic-Code: smtp; 550 5.1.1 <" + recipient + ">: Recipient address rejected: User unknown",
                "",
                "--XYZ",
                "Content-Type: text/rfc822-headers",
                "",
                "Message-ID: " + messageId,
                TrackingIds.HEADER + ": " + token,
                "From: Example <news@mail.example.eu>",
                "To: " + recipient,
                "",
                "--XYZ--",
                "");
    }

    @Start
    void start(Stage stage) {
        console.start(stage, workspace);
    }

    @AfterEach
    void stop() throws Exception {
        console.stop();
    }

    @SuppressWarnings("unchecked")
    private TableView<RecipientItem> openBouncedRow(FxRobot robot) {
        ConsoleHarness.signIn(robot, "marketer");
        TableView<EmailSummary> emails = robot.lookup("#emailsTable").queryTableView();
        waitUntil(() -> !emails.getItems().isEmpty());
        int index = 0;
        while (emails.getItems().get(index).email().id() != emailId) {
            index++;
        }
        int row = index;
        robot.interact(() -> emails.scrollTo(row));
        robot.doubleClickOn(robot.lookup("#emailsTable .table-row-cell").queryAllAs(javafx.scene.control.TableRow.class)
                .stream().filter(r -> r.getIndex() == row).findFirst().orElseThrow());
        waitUntil(() -> robot.lookup("#tab-bounced").tryQuery().isPresent());
        robot.clickOn("#tab-bounced");
        TableView<RecipientItem> recipients = robot.lookup("#recipientsTable").queryTableView();
        robot.clickOn("#recipientsSearch").write(address);
        waitUntil(() -> recipients.getItems().size() == 1 && !recipients.getItems().get(0).isPlaceholder());
        robot.clickOn((javafx.scene.Node) robot.lookup("#recipientsTable .row-expander").query());
        waitUntil(() -> robot.lookup("#viewOriginalButton").tryQuery().isPresent());
        return recipients;
    }

    @Test
    void theOriginalMessageOpensFromTheBouncedRowWithItsHeaders(FxRobot robot) throws Exception {
        openBouncedRow(robot);
        robot.clickOn("#viewOriginalButton");
        waitUntil(() -> robot.lookup("#originalHeaders").tryQuery().isPresent()
                && !robot.lookup("#originalHeaders").queryTableView().getItems().isEmpty());
        TableView<OriginalMessage.Header> headers = robot.lookup("#originalHeaders").queryTableView();
        assertThat(headers.getItems()).extracting(OriginalMessage.Header::name)
                .contains("Received", "From", "Subject", "Content-Type");
        assertThat(headers.getItems()).anyMatch(h -> h.value().equals("Undelivered Mail Returned to Sender"));
        assertThat(robot.lookup("#originalBody").queryAs(TextArea.class).getText()).contains("Status: 5.1.1");
        Window viewer = ConsoleHarness.windowOf(robot, "#originalMessage");
        ConsoleHarness.picture("original-message", console.stage, viewer);
        robot.clickOn("#closeOriginal");
    }

    @Test
    @SuppressWarnings("unchecked")
    void reclassifyFromTheRowChangesTheShownReason(FxRobot robot) throws Exception {
        TableView<RecipientItem> recipients = openBouncedRow(robot);
        assertThat(recipients.getItems().get(0).recipient().bounceReason()).isEqualTo(BounceReason.USERUNKNOWN);
        robot.clickOn("#reclassifyButton");
        waitUntil(() -> robot.lookup("#reclassifyDialog").tryQuery().isPresent());
        ComboBox<BounceReason> reason = robot.lookup("#reclassifyReason").queryComboBox();
        robot.interact(() -> reason.setValue(BounceReason.FILTERED));
        robot.clickOn("#reclassifyComment").write("The server's security filter refused it; the mailbox exists.");
        Window dialog = ConsoleHarness.windowOf(robot, "#reclassifyDialog");
        ConsoleHarness.picture("reclassify-dialog", console.stage, dialog);
        robot.clickOn("#reclassifySave");
        waitUntil(() -> robot.lookup("#reclassifyDialog").tryQuery().isEmpty());
        waitUntil(() -> !recipients.getItems().isEmpty() && !recipients.getItems().get(0).isPlaceholder()
                && recipients.getItems().get(0).recipient().bounceReason() == BounceReason.FILTERED);
        waitUntil(() -> robot.lookup("#recipientsTable .table-cell").queryAllAs(javafx.scene.control.Labeled.class)
                .stream().anyMatch(c -> "filtered".equals(c.getText())));
    }

    @Test
    void anExportEndsWithANoticeThatOffersTheFolder(FxRobot robot) throws Exception {
        openBouncedRow(robot);
        // The export itself (the OS file chooser cannot be driven headless), then the console's notice.
        Path out = io.bouncedesk.TempFolders.create("bouncedesk-export").resolve("recipients-bounced.csv");
        long rows;
        try (var ws = io.bouncedesk.persistence.Workspace.open(workspace)) {
            var s = new io.bouncedesk.app.Services(ws, java.time.Clock.systemUTC(), null);
            rows = s.exports.recipients(new User(2, "marketer", "Maja", Role.MARKETING_EMAIL),
                    RecipientQuery.of(emailId, RecipientTab.BOUNCED), out,
                    io.bouncedesk.service.CsvOptions.forLanguage(Locale.ENGLISH), Progress.NONE);
        }
        Messages m = Messages.of(Locale.ENGLISH);
        FxDialogService dialogs = new FxDialogService(() -> console.stage, m);
        robot.interact(() -> dialogs.notify(m.get("export.title"), m.format("export.done", rows, out),
                m.get("export.openFolder"), () -> { }));
        waitUntil(() -> robot.lookup("#noticeAction").tryQuery().isPresent());
        Window notice = robot.lookup("#notice").query().getScene().getWindow();
        ConsoleHarness.picture("export-done", console.stage, notice);
        assertThat(dialogs.openFolder(out.getParent())).as("headless: the desktop cannot open folders").isFalse();
        robot.clickOn("#noticeClose");
    }
}
