package io.bouncedesk.ui.settings;

import io.bouncedesk.persistence.SendingDomainRow;
import io.bouncedesk.service.EmailSummary;
import io.bouncedesk.service.SegmentService;
import io.bouncedesk.ui.dashboard.SmallWorkspace;
import io.bouncedesk.ui.recipients.RecipientItem;
import io.bouncedesk.ui.segments.SegmentsViewModel;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.IntStream;

import static io.bouncedesk.ui.settings.ConsoleHarness.signIn;
import static io.bouncedesk.ui.settings.ConsoleHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives Dashboard, Segments and Settings in the real console on a small workspace of this class's
 * own (the tests add segments, domains and users), and takes their pictures.
 */
@ExtendWith(ApplicationExtension.class)
class WorkspaceScreensFlowTest {

    static Path dir;
    static SmallWorkspace ws;
    private final ConsoleHarness console = new ConsoleHarness();

    @BeforeAll
    static void build() throws Exception {
        dir = Files.createTempDirectory("bouncedesk-screens");
        ws = new SmallWorkspace(dir, 1_500, 6);
        // kept open beside the console (as the shared demo workspace is) to check figures against
    }

    @AfterAll
    static void delete() throws Exception {
        ws.close();
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Start
    void start(Stage stage) {
        console.start(stage, ws.file);
    }

    @AfterEach
    void stop() throws Exception {
        console.stop();
    }

    @SuppressWarnings("unchecked")
    private static <T> TableView<T> table(FxRobot robot, String id) {
        return (TableView<T>) robot.lookup(id).queryAs(TableView.class);
    }

    @Test
    void theDashboardShowsItsChartsAndACategoryOpensTheContacts(FxRobot robot) throws Exception {
        signIn(robot, "admin", "demo");
        robot.clickOn("#nav-dashboard");
        waitUntil(() -> robot.lookup("#bouncesOverTimeChart").tryQuery().isPresent());
        XYChart<?, ?> status = robot.lookup("#dashboardStatusChart").queryAs(XYChart.class);
        XYChart<?, ?> weeks = robot.lookup("#bouncesOverTimeChart").queryAs(XYChart.class);
        assertThat(status.getData().get(0).getData()).hasSize(5);
        assertThat(weeks.getData()).isNotEmpty();
        assertThat(weeks.getData().get(0).getData()).hasSize(12);
        assertThat(robot.lookup("#billableCard .card-value").queryAs(Label.class).getText())
                .isEqualTo(java.text.NumberFormat.getIntegerInstance(java.util.Locale.ENGLISH)
                        .format(ws.services.dashboard.summary().billable()));
        console.snapshot("dashboard");
        robot.interact(() -> robot.lookup("#dashboardView").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1));
        console.snapshot("dashboard-lower");

        Node firstLegend = robot.lookup(".legend-chip").query();
        io.bouncedesk.domain.BounceCategory category =
                io.bouncedesk.domain.BounceCategory.valueOf(firstLegend.getId().substring("legend-".length()));
        robot.clickOn(firstLegend);
        waitUntil(() -> robot.lookup("#nav-contacts").queryAs(ToggleButton.class).isSelected());
        // the Contacts list arrives filtered on that category, exactly as the database counts it
        long expected = ws.services.contacts.count(new io.bouncedesk.persistence.ContactFilter(null, null, false,
                category, false));
        waitUntil(() -> robot.lookup("#contactsTable").tryQuery().isPresent()
                && table(robot, "#contactsTable").getItems().size() == expected);
        assertThat(expected).isLessThan(ws.services.dashboard.summary().contacts());
    }

    @Test
    void aSegmentFromTheBouncedTabListsExactlyThoseContacts(FxRobot robot) throws Exception {
        signIn(robot, "marketer", "demo");
        TableView<EmailSummary> emails = table(robot, "#emailsTable");
        robot.clickOn("#nav-emails");
        waitUntil(() -> emails.getItems().size() == 6);
        int row = IntStream.range(0, 6).boxed()
                .max(Comparator.comparingLong(i -> emails.getItems().get(i).counts().bounced())).orElseThrow();
        EmailSummary email = emails.getItems().get(row);
        robot.interact(() -> emails.getSelectionModel().select(row));
        robot.clickOn("#emailsTable").type(javafx.scene.input.KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#tab-bounced").tryQuery().isPresent());
        assertThat(robot.lookup("#createSegmentFromRecipientsButton").query().isVisible()).isFalse();
        robot.clickOn("#tab-bounced");
        TableView<RecipientItem> recipients = table(robot, "#recipientsTable");
        waitUntil(() -> recipients.getItems().size() == email.counts().bounced()
                && robot.lookup("#createSegmentFromRecipientsButton").query().isVisible());
        robot.clickOn("#createSegmentFromRecipientsButton");
        waitUntil(() -> robot.lookup("#segmentNameField").tryQuery().isPresent());
        robot.doubleClickOn("#segmentNameField").eraseText(80).write("Bounced on the worst email");
        robot.clickOn("OK");
        waitUntil(() -> robot.lookup(".dialog-pane .content").tryQuery()
                .map(n -> ((Label) n).getText().startsWith("Segment \"Bounced on the worst email\"")).orElse(false));
        robot.clickOn("OK");

        robot.clickOn("#nav-segments");
        TableView<SegmentsViewModel.SegmentItem> segments = table(robot, "#segmentsTable");
        waitUntil(() -> !segments.getItems().isEmpty());
        SegmentsViewModel.SegmentItem item = segments.getItems().stream()
                .filter(i -> i.segment().name().equals("Bounced on the worst email")).findFirst().orElseThrow();
        long contacts = ws.services.segments.list().stream().filter(s -> s.name().equals(item.segment().name()))
                .mapToLong(SegmentService.Segment::id).map(id -> ws.services.segments.count(id)).findFirst().orElseThrow();
        assertThat(item.members()).isEqualTo(contacts).isPositive().isLessThanOrEqualTo(email.counts().bounced());
        robot.interact(() -> segments.getSelectionModel().select(item));
        TableView<?> members = table(robot, "#segmentMembersTable");
        waitUntil(() -> members.getItems().size() == Math.min(contacts, 200));

        // A dynamic one beside it, for the picture and the form.
        robot.clickOn("#createSegmentButton");
        robot.clickOn("#segmentName").write("Unknown users, hard bounce known");
        robot.clickOn("#segmentReasonKnown");
        robot.clickOn("#saveSegmentButton");
        waitUntil(() -> segments.getItems().size() == 2 && robot.lookup("#segmentMembersTable").tryQuery().isPresent());
        robot.interact(() -> segments.getSelectionModel().select(segments.getItems().stream()
                .filter(i -> i.segment().name().equals("Bounced on the worst email")).findFirst().orElseThrow()));
        waitUntil(() -> members.getItems().size() == Math.min(contacts, 200));
        console.snapshot("segments");
    }

    @Test
    void anAdminAddsASendingDomain(FxRobot robot) throws Exception {
        signIn(robot, "admin", "demo");
        robot.clickOn("#nav-settings");
        TableView<SendingDomainRow> domains = table(robot, "#settingsDomainsTable");
        waitUntil(() -> !domains.getItems().isEmpty());
        int before = domains.getItems().size();
        robot.clickOn("#domainField").write("news.example.org");
        robot.clickOn("#addDomainButton");
        waitUntil(() -> domains.getItems().size() == before + 1);
        assertThat(domains.getItems()).anyMatch(d -> d.domain().equals("news.example.org") && d.connected());
        robot.interact(() -> domains.getSelectionModel().clearSelection());
        console.snapshot("settings");
        robot.clickOn("#settings-tab-users");
        TableView<?> users = table(robot, "#settingsUsersTable");
        waitUntil(() -> !users.getItems().isEmpty());
        assertThat(robot.lookup("#usersEditing").query().isDisabled()).isFalse();
        console.snapshot("settings-users");
        robot.clickOn("#settings-tab-mailbox");
        console.snapshot("settings-mailbox");
        robot.clickOn("#settings-tab-general");
        console.snapshot("settings-general");
    }

    @Test
    void aViewerSeesUsersReadOnlyWithTheReason(FxRobot robot) {
        signIn(robot, "support", "demo");
        robot.clickOn("#nav-settings");
        robot.clickOn("#settings-tab-users");
        TableView<?> users = table(robot, "#settingsUsersTable");
        waitUntil(() -> !users.getItems().isEmpty());
        assertThat(robot.lookup("#usersEditing").query().isDisabled()).isTrue();
        assertThat(robot.lookup("#usersReadOnly").queryAs(Label.class).getText())
                .contains("only a Super admin manages users").contains("Viewer");
        assertThat(robot.lookup("#usersReadOnly").query().isVisible()).isTrue();
    }
}
