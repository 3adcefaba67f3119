package io.bouncedesk.ui.contacts;

import io.bouncedesk.persistence.AuditEntry;
import io.bouncedesk.persistence.ContactFilter;
import io.bouncedesk.service.UnbounceRefusedException;
import io.bouncedesk.service.UnbounceRule;
import io.bouncedesk.ui.audit.AuditItem;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;

import static io.bouncedesk.ui.contacts.ContactsDriver.openContact;
import static io.bouncedesk.ui.contacts.ContactsDriver.shown;
import static io.bouncedesk.ui.contacts.ContactsDriver.signIn;
import static io.bouncedesk.ui.contacts.ContactsDriver.table;
import static io.bouncedesk.ui.contacts.ContactsDriver.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Drives the Contacts list, the contact record, the unbounce dialog and the audit log headless, on
 * a workspace of its own; writes contacts.png, contact-bounced.png, unbounce-dialog.png,
 * contact-global.png and audit.png to target/screenshots/.
 */
@ExtendWith(ApplicationExtension.class)
class ContactsFlowTest {

    private static ContactsWorkspace ws;
    private static List<ContactsWorkspace.Pick> bounced;
    private final ContactsDriver console = new ContactsDriver();

    @BeforeAll
    static void build() {
        ws = new ContactsWorkspace();
        bounced = ws.locallyBounced(8);
    }

    @AfterAll
    static void close() {
        ws.close();
    }

    @Start
    void start(Stage stage) {
        console.start(stage, ws.file);
    }

    @AfterEach
    void stop() throws Exception {
        console.stop();
    }

    @Test
    void theListFiltersOnAKnownHardBounceReasonInTheDatabase(FxRobot robot) throws Exception {
        signIn(robot, "support");
        robot.clickOn("#nav-contacts");
        TableView<ContactItem> table = table(robot, "#contactsTable");
        long all = ws.services.contactList.count(ContactFilter.all());
        waitUntil(() -> table.getItems().size() == all);
        robot.clickOn("#bounceReasonKnownFilter");
        long known = ws.services.contactList.count(new ContactFilter(null, null, true, null, false));
        waitUntil(() -> table.getItems().size() == known && !table.getItems().get(0).isPlaceholder());
        assertThat(known).isPositive().isLessThan(all);
        assertThat(table.getItems().get(0).item().category()).isNotNull();
        console.snapshot("contacts");
    }

    @Test
    void unbouncingALocallyBouncedContactRemovesTheBannerAndWritesTheAuditLog(FxRobot robot) throws Exception {
        ContactsWorkspace.Pick pick = bounced.get(0);
        signIn(robot, "marketer");
        openContact(robot, pick.address());
        assertThat(shown(robot, "#bouncedBanner")).isTrue();
        assertThat(shown(robot, "#globalBouncedBanner")).isFalse();
        assertThat(robot.lookup("#contactStatus").queryAs(Label.class).getText()).isEqualTo("Bounced");
        console.snapshot("contact-bounced");

        robot.clickOn("#unbounceButton");
        waitUntil(() -> shown(robot, "#unbounceDialog"));
        Button confirm = robot.lookup("#confirmUnbounceButton").queryAs(Button.class);
        assertThat(confirm.isDisabled()).isTrue();
        int used = ws.services.unbounce.quota().used();
        assertThat(robot.lookup("#quotaLabel").queryAs(Label.class).getText())
                .isEqualTo(used + " of " + ws.services.unbounce.quota().limit() + " unbounces used this month");
        robot.clickOn("#confirmCheckBox");
        assertThat(confirm.isDisabled()).isFalse();
        console.snapshot("unbounce-dialog");

        robot.clickOn("#confirmUnbounceButton");
        waitUntil(() -> robot.lookup("#unbounceDialog").tryQuery().isEmpty() && !shown(robot, "#bouncedBanner"));
        assertThat(robot.lookup("#contactNotice").queryAs(Label.class).getText()).contains(pick.address(),
                (used + 1) + " of ");
        assertThat(robot.lookup("#contactStatus").queryAs(Label.class).getText()).isNotEqualTo("Bounced");
        assertThat(ws.services.contacts.details(pick.id()).eligible()).isTrue();

        robot.clickOn("#nav-audit");
        TableView<AuditItem> audit = table(robot, "#auditTable");
        waitUntil(() -> !audit.getItems().isEmpty() && !audit.getItems().get(0).isPlaceholder());
        AuditEntry newest = audit.getItems().get(0).entry();
        assertThat(newest.action()).isEqualTo("UNBOUNCE");
        assertThat(newest.username()).isEqualTo("marketer");
        assertThat(newest.subject()).contains(pick.address());
        console.snapshot("audit");
    }

    @Test
    void aViewerSeesWhyTheyCannotUnbounce(FxRobot robot) {
        signIn(robot, "support");
        openContact(robot, bounced.get(1).address());
        assertThat(shown(robot, "#bouncedBanner")).isTrue();
        assertThat(robot.lookup("#unbounceButton").query().isDisabled()).isTrue();
        assertThat(robot.lookup("#unbounceBlocked").queryAs(Label.class).getText())
                .isEqualTo("Only Super admin and Marketing email users may unbounce contacts.");
    }

    @Test
    void aGlobalBounceShowsItsOwnBannerAndNoUnbounce(FxRobot robot) throws Exception {
        signIn(robot, "admin");
        openContact(robot, ws.globallyBounced().address());
        assertThat(shown(robot, "#globalBouncedBanner")).isTrue();
        assertThat(shown(robot, "#bouncedBanner")).isFalse();
        assertThat(shown(robot, "#unbounceButton")).isFalse();
        assertThat(robot.lookup("#globalBouncedText").queryAs(Label.class).getText())
                .containsAnyOf("cannot be removed at all", "contact platform support");
        console.snapshot("contact-global");
    }

    @Test
    void withTheQuotaUsedUpTheDialogSaysSoAndStaysDisabled(FxRobot robot) {
        int used = ws.useUpQuota();
        try {
            signIn(robot, "admin");
            openContact(robot, bounced.get(2).address());
            assertThat(robot.lookup("#unbounceBlocked").queryAs(Label.class).getText())
                    .contains("unbounce quota is used up");
            robot.clickOn("#unbounceButton");
            waitUntil(() -> shown(robot, "#unbounceDialog"));
            int limit = ws.services.unbounce.quota().limit();
            assertThat(robot.lookup("#quotaLabel").queryAs(Label.class).getText())
                    .isEqualTo(limit + " of " + limit + " unbounces used this month");
            robot.clickOn("#confirmCheckBox");
            assertThat(robot.lookup("#confirmUnbounceButton").query().isDisabled()).isTrue();
            assertThat(robot.lookup("#unbounceChecklist .check-failed").queryAs(Label.class).getText())
                    .contains("unbounce quota is used up");
        } finally {
            ws.setQuotaUsed(used);
        }
    }

    @Test
    void aSecondUnbounceOfTheSameContactIsRefused(FxRobot robot) {
        ContactsWorkspace.Pick pick = bounced.get(3);
        ws.services.unbounce.unbounce(ws.user("admin"), pick.id(), true);
        signIn(robot, "marketer");
        openContact(robot, pick.address());
        assertThat(shown(robot, "#bouncedBanner")).isFalse();

        // Its address is changed to one that bounced before: the banner is back at once, but the
        // contact was unbounced before, so the action says why and the dialog's button stays disabled.
        robot.doubleClickOn("#contactAddress").eraseText(pick.address().length() + 5).write(bounced.get(4).address());
        robot.clickOn("#saveAddressButton");
        waitUntil(() -> shown(robot, "#bouncedBanner"));
        assertThat(robot.lookup("#unbounceBlocked").queryAs(Label.class).getText())
                .contains("can be unbounced only once");
        robot.clickOn("#unbounceButton");
        waitUntil(() -> shown(robot, "#unbounceDialog"));
        robot.clickOn("#confirmCheckBox");
        assertThat(robot.lookup("#confirmUnbounceButton").query().isDisabled()).isTrue();
        assertThatThrownBy(() -> ws.services.unbounce.unbounce(ws.user("admin"), pick.id(), true))
                .isInstanceOfSatisfying(UnbounceRefusedException.class,
                        e -> assertThat(e.rule()).isEqualTo(UnbounceRule.ALREADY_UNBOUNCED));
    }

    @Test
    void backReturnsToTheListWithItsSearch(FxRobot robot) {
        signIn(robot, "support");
        openContact(robot, bounced.get(5).address());
        robot.clickOn("#contactBack");
        TableView<ContactItem> table = table(robot, "#contactsTable");
        waitUntil(() -> table.getItems().size() >= 1 && !table.getItems().get(0).isPlaceholder());
        assertThat(table.getItems().get(0).item().contact().address().address()).isEqualTo(bounced.get(5).address());
    }
}
