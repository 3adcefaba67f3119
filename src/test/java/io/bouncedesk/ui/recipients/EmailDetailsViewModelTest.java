package io.bouncedesk.ui.recipients;

import io.bouncedesk.app.Services;
import io.bouncedesk.domain.RecipientTab;
import io.bouncedesk.service.EmailSummary;
import io.bouncedesk.ui.DemoWorkspace;
import io.bouncedesk.ui.FakeDialogs;
import io.bouncedesk.ui.common.BackgroundTasks;
import io.bouncedesk.ui.common.Messages;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class EmailDetailsViewModelTest {

    private final Services services = DemoWorkspace.services();
    private final FakeDialogs dialogs = new FakeDialogs();
    private final Messages messages = Messages.of(Locale.ENGLISH);

    @Test
    void showsTheSenderAndChecksTheFromDomainAgainstTheConnectedDomains() {
        EmailSummary email = services.reports.emails(null).get(0);
        RecipientsViewModel list = list(email);
        EmailDetailsViewModel vm = new EmailDetailsViewModel(email.email().id(), services.recipients,
                BackgroundTasks.sameThread(), dialogs, messages, list.selectedProperty());
        vm.load();
        assertThat(vm.detailsProperty().get().email()).isEqualTo(email.email());
        assertThat(vm.detailsProperty().get().fromDomain()).isEqualTo("mail.nordlys-outdoor.eu");
        assertThat(vm.detailsProperty().get().fromDomainConnected()).isTrue();
    }

    @Test
    void copiesEveryDetailTheRecipientsItTeamNeedsForADeliveredRecipientOnly() {
        EmailSummary email = services.reports.emails(null).get(0);
        RecipientsViewModel list = list(email);
        EmailDetailsViewModel vm = new EmailDetailsViewModel(email.email().id(), services.recipients,
                BackgroundTasks.sameThread(), dialogs, messages, list.selectedProperty());
        list.selectTab(RecipientTab.BOUNCED);
        list.selectedProperty().set(list.itemsProperty().get().get(0));
        assertThat(vm.canCopyItDetailsBinding().get()).isFalse();

        list.selectTab(RecipientTab.DELIVERED);
        RecipientItem delivered = list.itemsProperty().get().get(0);
        list.selectedProperty().set(delivered);
        assertThat(vm.canCopyItDetailsBinding().get()).isTrue();
        vm.copyItDetails();

        String text = dialogs.clipboard;
        assertThat(text).isEqualTo(vm.copiedTextProperty().get());
        assertThat(text).contains("Subject: " + email.email().subject())
                .contains("From name: " + email.email().fromName())
                .contains("From address: " + email.email().fromAddress())
                .contains("Message-ID: " + delivered.recipient().messageId())
                .contains("192.0.2.10, 192.0.2.11")
                .contains(delivered.address());
        // Delivery date and time in the workspace's zone (the demo's is Europe/Warsaw), with the offset.
        String expected = io.bouncedesk.ui.common.Formats.fullDateTime(
                delivered.recipient().deliveredAt().atZone(java.time.ZoneId.of("Europe/Warsaw")));
        assertThat(text).contains(expected).containsPattern("\\(UTC\\+0[12]:00\\)");
        assertThat(vm.noticeProperty().get()).contains(delivered.address());
    }

    private RecipientsViewModel list(EmailSummary email) {
        RecipientsViewModel vm = new RecipientsViewModel(email.email().id(), services.recipients,
                BackgroundTasks.sameThread(), messages, i -> { });
        vm.load();
        return vm;
    }
}
