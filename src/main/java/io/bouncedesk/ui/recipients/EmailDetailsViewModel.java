package io.bouncedesk.ui.recipients;

import io.bouncedesk.domain.RecipientOutcome;
import io.bouncedesk.service.EmailDetails;
import io.bouncedesk.service.RecipientService;
import io.bouncedesk.ui.common.BackgroundTasks;
import io.bouncedesk.ui.common.DialogService;
import io.bouncedesk.ui.common.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;

/**
 * The View details side panel (domain rules, section 9): the email's subject, From and sending
 * domain with a warning when the From domain is not a connected sending domain, and for a selected
 * Delivered recipient the details its IT team needs, copied to the clipboard.
 */
public final class EmailDetailsViewModel {

    private final long emailId;
    private final RecipientService service;
    private final BackgroundTasks tasks;
    private final DialogService dialogs;
    private final Messages messages;
    private final ObservableValue<RecipientItem> selected;

    private final ReadOnlyObjectWrapper<EmailDetails> details = new ReadOnlyObjectWrapper<>(this, "details");
    private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown");
    private final ReadOnlyStringWrapper copiedText = new ReadOnlyStringWrapper(this, "copiedText", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final BooleanBinding canCopyItDetails;

    public EmailDetailsViewModel(long emailId, RecipientService service, BackgroundTasks tasks, DialogService dialogs,
                                 Messages messages, ObservableValue<RecipientItem> selected) {
        this.emailId = emailId;
        this.service = service;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.messages = messages;
        this.selected = selected;
        canCopyItDetails = Bindings.createBooleanBinding(() -> delivered(selected.getValue()), selected);
        selected.subscribe(item -> notice.set(""));
    }

    private static boolean delivered(RecipientItem item) {
        return item != null && !item.isPlaceholder() && item.recipient().outcome() == RecipientOutcome.DELIVERED;
    }

    public void load() {
        tasks.run(() -> service.emailDetails(emailId), details::set,
                t -> notice.set(messages.format("error.load", String.valueOf(t.getMessage()))));
    }

    public void toggleShown() {
        shown.set(!shown.get());
    }

    /** Copies subject, From, delivery time, Message-ID and sending IPs of the selected delivered recipient. */
    public void copyItDetails() {
        RecipientItem item = selected.getValue();
        if (!delivered(item)) {
            return;
        }
        long id = item.recipient().id();
        tasks.run(() -> service.itTeamDetails(id), d -> {
            String text = ItDetailsText.of(d, messages);
            dialogs.copyToClipboard(text);
            copiedText.set(text);
            notice.set(messages.format("details.copied", d.recipientAddress()));
        }, t -> notice.set(messages.format("error.load", String.valueOf(t.getMessage()))));
    }

    public ReadOnlyObjectProperty<EmailDetails> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** Whether the side panel is open. */
    public BooleanProperty shownProperty() {
        return shown;
    }

    public BooleanBinding canCopyItDetailsBinding() {
        return canCopyItDetails;
    }

    /** The last text put on the clipboard. */
    public ReadOnlyStringProperty copiedTextProperty() {
        return copiedText.getReadOnlyProperty();
    }

    /** A short confirmation or error under the copy button. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The selected recipient, shown in the panel. */
    public ObservableValue<RecipientItem> selectedProperty() {
        return selected;
    }
}
