package io.bouncedesk.ui.contacts;

import io.bouncedesk.domain.BounceCategory;
import io.bouncedesk.domain.ContactStatus;
import io.bouncedesk.persistence.ContactFilter;
import io.bouncedesk.persistence.ContactListDao;
import io.bouncedesk.service.ContactListService;
import io.bouncedesk.ui.common.BackgroundTasks;
import io.bouncedesk.ui.common.Messages;
import io.bouncedesk.ui.common.PagedList;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * The Contacts list: search and filters (status, "Email hard bounce reason is known", bounce
 * category, global bounces) become one database query; the rows arrive as a {@link PagedList}
 * read from an indexed count and its first page, so a million contacts cost a few pages.
 * The view model outlives its view while the user visits a record, so Back finds the same list.
 */
public final class ContactsViewModel {

    static final int PAGE_SIZE = 100;
    static final int MAX_PAGES = 30;

    private final ContactListService service;
    private final BackgroundTasks tasks;
    private final Messages messages;
    private final Consumer<ContactItem> opener;

    private final ObjectProperty<ContactStatus> status = new SimpleObjectProperty<>(this, "status");
    private final BooleanProperty reasonKnown = new SimpleBooleanProperty(this, "reasonKnown");
    private final ObjectProperty<BounceCategory> category = new SimpleObjectProperty<>(this, "category");
    private final BooleanProperty globalOnly = new SimpleBooleanProperty(this, "globalOnly");
    private final ReadOnlyStringWrapper search = new ReadOnlyStringWrapper(this, "search", "");
    private final ReadOnlyObjectWrapper<ContactListDao.Sort> sort =
            new ReadOnlyObjectWrapper<>(this, "sort", ContactListDao.Sort.ID);
    private final ReadOnlyBooleanWrapper descending = new ReadOnlyBooleanWrapper(this, "descending");
    private final ReadOnlyObjectWrapper<ObservableList<ContactItem>> items = new ReadOnlyObjectWrapper<>(this,
            "items", FXCollections.emptyObservableList());
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    private PagedList<ContactItem> list;
    private BackgroundTasks.Job listJob;
    private long generation;
    private boolean loaded;

    public ContactsViewModel(ContactListService service, BackgroundTasks tasks, Messages messages,
                             Consumer<ContactItem> opener) {
        this.service = service;
        this.tasks = tasks;
        this.messages = messages;
        this.opener = opener;
        status.subscribe((o, n) -> reloadIfLoaded());
        reasonKnown.subscribe((o, n) -> reloadIfLoaded());
        category.subscribe((o, n) -> reloadIfLoaded());
        globalOnly.subscribe((o, n) -> reloadIfLoaded());
    }

    /** Reads the list once; later calls (coming back from a record) re-read it, keeping the filters. */
    public void load() {
        loaded = true;
        reload();
    }

    private void reloadIfLoaded() {
        if (loaded) {
            reload();
        }
    }

    /** Only contacts whose address or name starts with {@code text}. */
    public void search(String text) {
        String t = text == null ? "" : text.strip();
        if (!t.equals(search.get())) {
            search.set(t);
            reloadIfLoaded();
        }
    }

    /** Sorts by a column in the database; null is the order contacts were added in. */
    public void sortBy(ContactListDao.Sort by, boolean desc) {
        ContactListDao.Sort s = by == null ? ContactListDao.Sort.ID : by;
        if (s != sort.get() || desc != descending.get()) {
            sort.set(s);
            descending.set(desc);
            reloadIfLoaded();
        }
    }

    /** The filter the inputs describe. */
    public ContactFilter filter() {
        return new ContactFilter(search.get().isEmpty() ? null : search.get(), status.get(), reasonKnown.get(),
                category.get(), globalOnly.get());
    }

    private void reload() {
        ContactFilter f = filter();
        ContactListDao.Sort s = sort.get();
        boolean desc = descending.get();
        long gen = ++generation;
        if (listJob != null) {
            listJob.cancel();
        }
        busy.set(true);
        error.set("");
        listJob = tasks.run(() -> new FirstPage(service.count(f), service.page(f, s, desc, 0, PAGE_SIZE)), first -> {
            if (gen == generation) {
                busy.set(false);
                show(f, s, desc, first);
            }
        }, t -> {
            if (gen == generation) {
                failed(t);
            }
        });
    }

    private record FirstPage(long count, List<ContactListDao.Item> rows) {
    }

    private void show(ContactFilter f, ContactListDao.Sort s, boolean desc, FirstPage first) {
        if (list != null) {
            list.dispose();
        }
        list = new PagedList<>((int) Math.min(Integer.MAX_VALUE, first.count()), PAGE_SIZE, MAX_PAGES,
                (offset, limit) -> wrap(offset, service.page(f, s, desc, offset, limit)), ContactItem::placeholder,
                tasks, this::failed);
        list.preload(0, wrap(0, first.rows()));
        items.set(list);
    }

    private static List<ContactItem> wrap(long offset, List<ContactListDao.Item> rows) {
        return IntStream.range(0, rows.size()).mapToObj(i -> new ContactItem((int) offset + i, rows.get(i))).toList();
    }

    private void failed(Throwable t) {
        busy.set(false);
        error.set(messages.format("error.load", String.valueOf(t.getMessage())));
    }

    /** Opens a row's contact record. */
    public void open(ContactItem item) {
        if (item != null && !item.isPlaceholder()) {
            opener.accept(item);
        }
    }

    /** Stops page loads; call when the list is no longer shown. */
    public void dispose() {
        if (list != null) {
            list.dispose();
        }
    }

    public ObjectProperty<ContactStatus> statusProperty() {
        return status;
    }

    public BooleanProperty reasonKnownProperty() {
        return reasonKnown;
    }

    public ObjectProperty<BounceCategory> categoryProperty() {
        return category;
    }

    public BooleanProperty globalOnlyProperty() {
        return globalOnly;
    }

    public ReadOnlyStringProperty searchProperty() {
        return search.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ContactListDao.Sort> sortProperty() {
        return sort.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty descendingProperty() {
        return descending.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ObservableList<ContactItem>> itemsProperty() {
        return items.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
