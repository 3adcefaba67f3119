package io.bouncedesk.ui.contacts;

import io.bouncedesk.domain.User;
import io.bouncedesk.persistence.AuditQueryDao;
import io.bouncedesk.service.UnbounceRefusedException;
import io.bouncedesk.service.UnbounceRule;
import io.bouncedesk.ui.common.BackgroundTasks;
import io.bouncedesk.ui.common.Formats;
import io.bouncedesk.ui.common.Messages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contact record and the unbounce dialog without the toolkit: same-thread tasks, a real workspace. */
class ContactRecordViewModelTest {

    private static ContactsWorkspace ws;
    private static List<ContactsWorkspace.Pick> bounced;
    private final Messages m = Messages.of(Locale.ENGLISH);
    private final Formats f = new Formats(Locale.ENGLISH, ZoneOffset.UTC);

    @BeforeAll
    static void build() {
        ws = new ContactsWorkspace();
        bounced = ws.locallyBounced(6);
    }

    @AfterAll
    static void close() {
        ws.close();
    }

    private ContactRecordViewModel record(long id, String username) {
        User user = ws.user(username);
        ContactRecordViewModel vm = new ContactRecordViewModel(id, user, ws.services.contacts, ws.services.unbounce,
                BackgroundTasks.sameThread(), m, f);
        vm.load();
        return vm;
    }

    @Test
    void unbouncingNeedsTheTickThenClearsTheBannerAndWritesTheAuditLog() {
        ContactsWorkspace.Pick pick = bounced.get(0);
        ContactRecordViewModel vm = record(pick.id(), "marketer");
        assertThat(vm.bouncedProperty().get()).isTrue();
        assertThat(vm.globallyBouncedProperty().get()).isFalse();
        assertThat(vm.unbounceBlockedProperty().get()).isEmpty();
        int usedBefore = ws.services.unbounce.quota().used();

        vm.openUnbounce();
        UnbounceDialogViewModel dialog = vm.dialogProperty().get();
        assertThat(dialog.quotaProperty().get()).isEqualTo(usedBefore + " of " + dialog.checkProperty().get().quota().limit()
                + " unbounces used this month");
        assertThat(dialog.bounceFacts()).extracting(r -> r[1]).contains(pick.address());
        assertThat(dialog.checklist()).hasSize(3).noneMatch(UnbounceDialogViewModel.ChecklistLine::failed);
        assertThat(dialog.canUnbounceProperty().get()).isFalse();
        dialog.confirmedProperty().set(true);
        assertThat(dialog.canUnbounceProperty().get()).isTrue();

        dialog.unbounce();
        assertThat(vm.dialogProperty().get()).isNull();
        assertThat(vm.bouncedProperty().get()).isFalse();
        assertThat(vm.noticeProperty().get()).contains(pick.address(), (usedBefore + 1) + " of ");
        assertThat(vm.detailsProperty().get().eligible()).isTrue();
        assertThat(vm.detailsProperty().get().history()).anyMatch(b -> b.unbouncedBy() != null
                && b.unbouncedBy().equals("marketer"));
        assertThat(ws.services.unbounce.quota().used()).isEqualTo(usedBefore + 1);
        var newest = ws.services.auditLog.page(AuditQueryDao.Filter.all(), 0, 1).get(0);
        assertThat(newest.action()).isEqualTo("UNBOUNCE");
        assertThat(newest.username()).isEqualTo("marketer");
        assertThat(newest.subject()).contains(pick.address());

        // Once per contact, ever: the service refuses a second unbounce.
        assertThatThrownBy(() -> ws.services.unbounce.unbounce(ws.user("admin"), pick.id(), true))
                .isInstanceOf(UnbounceRefusedException.class)
                .satisfies(e -> assertThat(((UnbounceRefusedException) e).rule()).isIn(UnbounceRule.NOT_BOUNCED,
                        UnbounceRule.ALREADY_UNBOUNCED));
    }

    @Test
    void aViewerIsToldWhyAndCannotOpenTheDialog() {
        ContactRecordViewModel vm = record(bounced.get(1).id(), "support");
        assertThat(vm.bouncedProperty().get()).isTrue();
        assertThat(vm.mayOpenUnbounceProperty().get()).isFalse();
        assertThat(vm.unbounceBlockedProperty().get()).isEqualTo(m.get("unbounce.rule.PERMISSION"));
        vm.openUnbounce();
        assertThat(vm.dialogProperty().get()).isNull();
    }

    @Test
    void whenAnotherAdminTakesTheLastUnitTheDialogSaysSoAndNothingChanges() {
        ContactsWorkspace.Pick pick = bounced.get(2);
        ContactRecordViewModel vm = record(pick.id(), "admin");
        vm.openUnbounce();
        UnbounceDialogViewModel dialog = vm.dialogProperty().get();
        dialog.confirmedProperty().set(true);
        int used = ws.useUpQuota();
        try {
            dialog.unbounce();
            assertThat(vm.dialogProperty().get()).isSameAs(dialog);
            assertThat(dialog.errorProperty().get()).startsWith(m.get("unbounce.refused.quotaTaken"));
            assertThat(dialog.canUnbounceProperty().get()).isFalse();
            assertThat(dialog.checklist()).anyMatch(l -> l.failed()
                    && l.text().equals(m.get("unbounce.rule.QUOTA_EXHAUSTED")));
            assertThat(ws.services.contacts.details(pick.id()).hardBounce()).isPresent();
        } finally {
            ws.setQuotaUsed(used);
        }
    }

    @Test
    void aGlobalUnknownUserBounceCannotBeUnbouncedOrRemoved() {
        ContactRecordViewModel vm = record(ws.globallyBounced().id(), "admin");
        assertThat(vm.globallyBouncedProperty().get()).isTrue();
        assertThat(vm.bouncedProperty().get()).isFalse();
        String category = vm.detailsProperty().get().globalBounce().orElseThrow().category().name();
        assertThat(vm.globalTextProperty().get()).contains(m.get(category.equals("UNKNOWN_USER")
                || category.equals("MAILBOX_FULL") ? "contact.global.cannotRemove" : "contact.global.support"));
        assertThat(vm.checkProperty().get().failing()).contains(UnbounceRule.GLOBAL_BOUNCE);
    }

    @Test
    void changingTheAddressMovesTheBannerAtOnce() {
        ContactsWorkspace.Pick pick = bounced.get(3);
        ContactRecordViewModel vm = record(pick.id(), "marketer");
        assertThat(vm.bouncedProperty().get()).isTrue();

        vm.addressInputProperty().set("fresh.address." + pick.id() + "@example.org");
        vm.saveAddress();
        assertThat(vm.bouncedProperty().get()).isFalse();
        assertThat(vm.detailsProperty().get().eligible()).isTrue();

        // Back to an address that bounced before: ineligible again, the banner returns.
        vm.addressInputProperty().set(bounced.get(4).address());
        vm.saveAddress();
        assertThat(vm.bouncedProperty().get()).isTrue();
        assertThat(vm.detailsProperty().get().eligible()).isFalse();

        vm.addressInputProperty().set("not an address");
        vm.saveAddress();
        assertThat(vm.addressErrorProperty().get()).startsWith("The address was not changed");
    }
}
