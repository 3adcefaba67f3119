package io.bouncedesk.ui.contacts;

import io.bouncedesk.domain.User;
import io.bouncedesk.service.ContactListService;
import io.bouncedesk.service.ContactService;
import io.bouncedesk.service.UnbounceService;
import io.bouncedesk.ui.common.BackgroundTasks;
import io.bouncedesk.ui.common.Formats;
import io.bouncedesk.ui.common.Messages;

import java.util.function.Consumer;

/**
 * Builds the Contacts list and contact records for the shell. The list's view model is kept while
 * the user is on a record, so Back returns to the same search, filters and sort.
 */
public final class ContactScreens {

    private final ContactListService list;
    private final ContactService contacts;
    private final UnbounceService unbounce;
    private final BackgroundTasks tasks;
    private final Messages m;
    private final Formats f;
    private final User user;
    private ContactsViewModel listVm;
    private io.bouncedesk.persistence.ContactFilter pendingFilter;

    public ContactScreens(ContactListService list, ContactService contacts, UnbounceService unbounce,
                          BackgroundTasks tasks, Messages messages, Formats formats, User user) {
        this.list = list;
        this.contacts = contacts;
        this.unbounce = unbounce;
        this.tasks = tasks;
        this.m = messages;
        this.f = formats;
        this.user = user;
    }

    /** The list; {@code open} is told the contact id and label of the row the user opens. */
    public ContactsView contacts(Consumer<ContactItem> open) {
        if (listVm == null) {
            listVm = new ContactsViewModel(list, tasks, m, open);
        }
        if (pendingFilter != null) {
            apply(listVm, pendingFilter);
            pendingFilter = null;
        }
        ContactsView view = new ContactsView(listVm, m);
        listVm.load();
        return view;
    }

    /**
     * Shows the list filtered (from a dashboard chart, say): the next time the list opens it has
     * exactly these filters.
     */
    public void filterNext(io.bouncedesk.persistence.ContactFilter filter) {
        if (listVm == null) {
            pendingFilter = filter;
        } else {
            apply(listVm, filter);
        }
    }

    private static void apply(ContactsViewModel vm, io.bouncedesk.persistence.ContactFilter f) {
        vm.statusProperty().set(f.status());
        vm.reasonKnownProperty().set(f.bounceReasonKnown());
        vm.categoryProperty().set(f.category());
        vm.globalOnlyProperty().set(f.globalOnly());
        vm.search(f.search());
    }

    /** One contact's record; {@code back} returns to where the user came from. */
    public ContactRecordView record(long contactId, Runnable back) {
        ContactRecordViewModel vm = new ContactRecordViewModel(contactId, user, contacts, unbounce, tasks, m, f);
        ContactRecordView view = new ContactRecordView(vm, m, f, back);
        vm.load();
        return view;
    }
}
