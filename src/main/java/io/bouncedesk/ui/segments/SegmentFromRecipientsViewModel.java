package io.bouncedesk.ui.segments;

import io.bouncedesk.domain.Permission;
import io.bouncedesk.domain.RecipientTab;
import io.bouncedesk.domain.User;
import io.bouncedesk.persistence.RecipientQuery;
import io.bouncedesk.service.SegmentService;
import io.bouncedesk.ui.common.BackgroundTasks;
import io.bouncedesk.ui.common.DialogService;
import io.bouncedesk.ui.common.Messages;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.function.Supplier;

/**
 * "Create segment from these recipients" on the Recipients view's Bounced and Not sent tabs: a
 * static segment of exactly the contacts the tab shows (its bounce type and search included).
 */
public final class SegmentFromRecipientsViewModel {

    private final User user;
    private final SegmentService segments;
    private final Supplier<RecipientQuery> query;
    private final String emailName;
    private final BackgroundTasks tasks;
    private final DialogService dialogs;
    private final Messages messages;
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    public SegmentFromRecipientsViewModel(User user, SegmentService segments, Supplier<RecipientQuery> query,
                                          String emailName, BackgroundTasks tasks, DialogService dialogs,
                                          Messages messages) {
        this.user = user;
        this.segments = segments;
        this.query = query;
        this.emailName = emailName;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.messages = messages;
    }

    /** The tabs that offer it: the recipients someone may want to follow up or clean. */
    public static boolean offeredOn(RecipientTab tab) {
        return tab == RecipientTab.BOUNCED || tab == RecipientTab.NOT_SENT;
    }

    public boolean canCreate() {
        return user.may(Permission.EDIT_CONTACTS);
    }

    /** Why the button is disabled, or empty. */
    public String disabledReason() {
        return canCreate() ? "" : messages.format("segments.readOnly", messages.of("role", user.role()));
    }

    /** "Bounced – Spring sale": a name the user can keep. */
    public String suggestedName() {
        return messages.get("tab." + query.get().tab().cliName()) + " – " + emailName;
    }

    /**
     * Creates the segment named {@code name}. A blank name is refused here; the service refuses a
     * taken one. The outcome is shown as a message, with the member count.
     */
    public void create(String name) {
        if (!canCreate()) {
            error.set(disabledReason());
            return;
        }
        if (name == null || name.isBlank()) {
            error.set(messages.get("segments.nameRequired"));
            dialogs.showError(messages.get("segments.fromRecipients"), error.get());
            return;
        }
        RecipientQuery q = query.get();
        error.set("");
        tasks.run(() -> {
            SegmentService.Segment s = segments.createFromRecipients(user, name, q);
            return new Created(s, segments.count(s.id()));
        }, c -> dialogs.showInfo(messages.get("segments.fromRecipients"),
                messages.format("segments.createdStatic", c.segment().name(), c.members())), t -> {
            error.set(String.valueOf(t.getMessage()));
            dialogs.showError(messages.get("segments.fromRecipients"), error.get());
        });
    }

    private record Created(SegmentService.Segment segment, long members) {
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
