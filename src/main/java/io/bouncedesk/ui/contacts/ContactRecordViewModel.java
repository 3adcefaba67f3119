package io.bouncedesk.ui.contacts;

import io.bouncedesk.domain.BounceCategory;
import io.bouncedesk.domain.Permission;
import io.bouncedesk.domain.User;
import io.bouncedesk.persistence.GlobalBounceDao;
import io.bouncedesk.service.ContactDetails;
import io.bouncedesk.service.ContactService;
import io.bouncedesk.service.UnbounceRule;
import io.bouncedesk.service.UnbounceService;
import io.bouncedesk.ui.common.BackgroundTasks;
import io.bouncedesk.ui.common.Formats;
import io.bouncedesk.ui.common.Messages;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One contact's record: its details, the banner its current address calls for ("Contact has
 * bounced" with the Unbounce action, or "Contact has bounced globally"), what blocks an unbounce
 * right now (from the service's rules, in words), editing the address, and the unbounce dialog.
 * Every change re-reads the details and the check, so banner and eligibility follow at once.
 */
public final class ContactRecordViewModel {

    private final long contactId;
    private final User user;
    private final ContactService contacts;
    private final UnbounceService unbounces;
    private final BackgroundTasks tasks;
    private final Messages m;
    private final Formats f;

    private final ReadOnlyObjectWrapper<ContactDetails> details = new ReadOnlyObjectWrapper<>(this, "details");
    private final ReadOnlyObjectWrapper<UnbounceService.Check> check = new ReadOnlyObjectWrapper<>(this, "check");
    private final ReadOnlyBooleanWrapper bounced = new ReadOnlyBooleanWrapper(this, "bounced");
    private final ReadOnlyBooleanWrapper globallyBounced = new ReadOnlyBooleanWrapper(this, "globallyBounced");
    private final ReadOnlyStringWrapper globalText = new ReadOnlyStringWrapper(this, "globalText", "");
    private final ReadOnlyBooleanWrapper mayOpenUnbounce = new ReadOnlyBooleanWrapper(this, "mayOpenUnbounce");
    private final ReadOnlyStringWrapper unbounceBlocked = new ReadOnlyStringWrapper(this, "unbounceBlocked", "");
    private final ReadOnlyObjectWrapper<UnbounceDialogViewModel> dialog = new ReadOnlyObjectWrapper<>(this, "dialog");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final StringProperty addressInput = new SimpleStringProperty(this, "addressInput", "");
    private final ReadOnlyStringWrapper addressError = new ReadOnlyStringWrapper(this, "addressError", "");

    public ContactRecordViewModel(long contactId, User user, ContactService contacts, UnbounceService unbounces,
                                  BackgroundTasks tasks, Messages messages, Formats formats) {
        this.contactId = contactId;
        this.user = user;
        this.contacts = contacts;
        this.unbounces = unbounces;
        this.tasks = tasks;
        this.m = messages;
        this.f = formats;
    }

    /** Reads the contact and what an unbounce would need, together. */
    public void load() {
        error.set("");
        tasks.run(() -> new Loaded(contacts.details(contactId), unbounces.check(user, contactId)),
                this::show, t -> error.set(m.format("error.load", String.valueOf(t.getMessage()))));
    }

    /**
     * Reads the contact again because another console changed the workspace; an address the user
     * is in the middle of editing is kept.
     */
    public void refresh() {
        ContactDetails shown = details.get();
        String typed = addressInput.get();
        boolean editing = shown != null && typed != null && !typed.equals(shown.contact().address().address());
        tasks.run(() -> new Loaded(contacts.details(contactId), unbounces.check(user, contactId)), loaded -> {
            show(loaded);
            if (editing) {
                addressInput.set(typed);
            }
        }, t -> error.set(m.format("error.load", String.valueOf(t.getMessage()))));
    }

    private record Loaded(ContactDetails details, UnbounceService.Check check) {
    }

    private void show(Loaded loaded) {
        ContactDetails d = loaded.details();
        details.set(d);
        check.set(loaded.check());
        addressInput.set(d.contact().address().address());
        globallyBounced.set(d.globalBounce().isPresent() || d.contact().address().globalBounced());
        bounced.set(d.hardBounce().isPresent() && !globallyBounced.get());
        globalText.set(globalText(d.globalBounce().orElse(null)));
        List<UnbounceRule> failing = loaded.check().failing();
        mayOpenUnbounce.set(!failing.contains(UnbounceRule.PERMISSION));
        unbounceBlocked.set(failing.stream().map(r -> m.of("unbounce.rule", r)).collect(Collectors.joining(" ")));
    }

    /** Section 6: support may help with a legitimate address, except unknown-user and mailbox-full ones. */
    private String globalText(GlobalBounceDao.Entry entry) {
        if (entry == null) {
            return m.get("contact.global.support");
        }
        String what = m.format("contact.global.what", m.of("category", entry.category()), entry.reason().code(),
                f.dateTime(entry.firstSeen()));
        boolean permanent = entry.category() == BounceCategory.UNKNOWN_USER
                || entry.category() == BounceCategory.MAILBOX_FULL;
        return what + " " + m.get(permanent ? "contact.global.cannotRemove" : "contact.global.support");
    }

    /** Opens the unbounce dialog with a fresh check (quota and rules as they are now). */
    public void openUnbounce() {
        if (!mayOpenUnbounce.get() || dialog.get() != null) {
            return;
        }
        tasks.run(() -> unbounces.check(user, contactId), c -> {
            check.set(c);
            dialog.set(new UnbounceDialogViewModel(c, user, unbounces, tasks, m, f, this::unbounced,
                    () -> dialog.set(null)));
        }, t -> error.set(m.format("error.load", String.valueOf(t.getMessage()))));
    }

    private void unbounced(UnbounceService.Unbounced done) {
        dialog.set(null);
        notice.set(m.format("contact.unbounced", done.address(),
                UnbounceDialogViewModel.quotaText(m, done.quotaAfter())));
        load();
    }

    /** Saves the address typed (section 8); the banner and eligibility follow the new address at once. */
    public void saveAddress() {
        String typed = addressInput.get() == null ? "" : addressInput.get().strip();
        ContactDetails d = details.get();
        if (d == null || typed.equals(d.contact().address().address())) {
            return;
        }
        addressError.set("");
        tasks.run(() -> contacts.changeAddress(user, contactId, typed), changed -> {
            notice.set(m.format("contact.addressChanged", changed.contact().address().address()));
            load();
        }, t -> addressError.set(m.format("contact.addressRefused", String.valueOf(t.getMessage()))));
    }

    public void dismissNotice() {
        notice.set("");
    }

    public boolean mayEditAddress() {
        return user.may(Permission.EDIT_CONTACTS);
    }

    public long contactId() {
        return contactId;
    }

    public ReadOnlyObjectProperty<ContactDetails> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<UnbounceService.Check> checkProperty() {
        return check.getReadOnlyProperty();
    }

    /** Whether the "Contact has bounced" banner shows: a hard bounce here, not a global one. */
    public ReadOnlyBooleanProperty bouncedProperty() {
        return bounced.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty globallyBouncedProperty() {
        return globallyBounced.getReadOnlyProperty();
    }

    /** The global banner's explanation. */
    public ReadOnlyStringProperty globalTextProperty() {
        return globalText.getReadOnlyProperty();
    }

    /** Whether the Unbounce action opens the dialog (the user's role allows unbouncing). */
    public ReadOnlyBooleanProperty mayOpenUnbounceProperty() {
        return mayOpenUnbounce.getReadOnlyProperty();
    }

    /** Why an unbounce cannot happen now, in words; empty when every rule holds. */
    public ReadOnlyStringProperty unbounceBlockedProperty() {
        return unbounceBlocked.getReadOnlyProperty();
    }

    /** The open unbounce dialog, or null. */
    public ReadOnlyObjectProperty<UnbounceDialogViewModel> dialogProperty() {
        return dialog.getReadOnlyProperty();
    }

    /** The latest confirmation ("Contact unbounced…"), shown as a notification; empty when none. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The address being edited. */
    public StringProperty addressInputProperty() {
        return addressInput;
    }

    public ReadOnlyStringProperty addressErrorProperty() {
        return addressError.getReadOnlyProperty();
    }
}
