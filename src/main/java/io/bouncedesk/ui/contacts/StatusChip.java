package io.bouncedesk.ui.contacts;

import io.bouncedesk.domain.ContactStatus;
import io.bouncedesk.ui.common.Messages;
import javafx.scene.control.Label;

import java.util.Locale;

/** A contact's status (section 2) as a coloured chip: "status-chip status-bounced". */
final class StatusChip {

    private StatusChip() {
    }

    static Label of(ContactStatus status, Messages m) {
        Label chip = new Label();
        set(chip, status, m);
        return chip;
    }

    static void set(Label chip, ContactStatus status, Messages m) {
        chip.setText(m.of("status", status));
        chip.getStyleClass().removeIf(c -> c.startsWith("status-"));
        chip.getStyleClass().add("status-chip");
        if (status != null) {
            chip.getStyleClass().add("status-" + status.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
    }

    /** The stylesheet of the contacts and audit screens (chips, banners, dialog). */
    static String stylesheet() {
        return StatusChip.class.getResource("/io/bouncedesk/ui/contacts/contacts.css").toExternalForm();
    }
}
