package io.bouncedesk.ui.audit;

import io.bouncedesk.persistence.AuditEntry;
import io.bouncedesk.persistence.AuditQueryDao;
import io.bouncedesk.service.AuditService;
import io.bouncedesk.ui.common.BackgroundTasks;
import io.bouncedesk.ui.common.Messages;
import io.bouncedesk.ui.common.PagedList;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The audit log viewer (section 11): read-only, newest first, filtered by user, action and a range
 * of days in the workspace's time zone, read a page at a time like every long list.
 */
public final class AuditViewModel {

    static final int PAGE_SIZE = 100;

    private final AuditService service;
    private final BackgroundTasks tasks;
    private final Messages messages;
    private final ZoneId zone;

    private final ObjectProperty<String> user = new SimpleObjectProperty<>(this, "user");
    private final ObjectProperty<String> action = new SimpleObjectProperty<>(this, "action");
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(this, "from");
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>(this, "to");
    private final ObservableList<String> users = FXCollections.observableArrayList();
    private final ObservableList<String> actions = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ObservableList<AuditItem>> items = new ReadOnlyObjectWrapper<>(this, "items",
            FXCollections.emptyObservableList());
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    private PagedList<AuditItem> list;
    private long generation;
    private boolean loaded;

    public AuditViewModel(AuditService service, BackgroundTasks tasks, Messages messages, ZoneId zone) {
        this.service = service;
        this.tasks = tasks;
        this.messages = messages;
        this.zone = zone;
        user.subscribe((o, n) -> reloadIfLoaded());
        action.subscribe((o, n) -> reloadIfLoaded());
        from.subscribe((o, n) -> reloadIfLoaded());
        to.subscribe((o, n) -> reloadIfLoaded());
    }

    /** Reads the filter choices and the newest entries. */
    public void load() {
        loaded = true;
        tasks.run(() -> List.of(service.usernames(), service.actions()), choices -> {
            users.setAll(choices.get(0));
            actions.setAll(choices.get(1));
        }, this::failed);
        reload();
    }

    private void reloadIfLoaded() {
        if (loaded) {
            reload();
        }
    }

    /** The filter the inputs describe; the day range includes both ends. */
    public AuditQueryDao.Filter filter() {
        return new AuditQueryDao.Filter(user.get(), action.get(),
                from.get() == null ? null : from.get().atStartOfDay(zone).toInstant(),
                to.get() == null ? null : to.get().plusDays(1).atStartOfDay(zone).toInstant());
    }

    private void reload() {
        AuditQueryDao.Filter f = filter();
        long gen = ++generation;
        busy.set(true);
        error.set("");
        tasks.run(() -> new FirstPage(service.count(f), service.page(f, 0, PAGE_SIZE)), first -> {
            if (gen != generation) {
                return;
            }
            busy.set(false);
            if (list != null) {
                list.dispose();
            }
            list = new PagedList<>((int) Math.min(Integer.MAX_VALUE, first.count()), PAGE_SIZE, 20,
                    (offset, limit) -> wrap(offset, service.page(f, offset, limit)), AuditItem::placeholder, tasks,
                    this::failed);
            list.preload(0, wrap(0, first.rows()));
            items.set(list);
        }, t -> {
            if (gen == generation) {
                failed(t);
            }
        });
    }

    private record FirstPage(long count, List<AuditEntry> rows) {
    }

    private static List<AuditItem> wrap(long offset, List<AuditEntry> rows) {
        return IntStream.range(0, rows.size()).mapToObj(i -> new AuditItem((int) offset + i, rows.get(i))).toList();
    }

    private void failed(Throwable t) {
        busy.set(false);
        error.set(messages.format("error.load", String.valueOf(t.getMessage())));
    }

    /** Clears every filter. */
    public void clearFilters() {
        loaded = false;
        user.set(null);
        action.set(null);
        from.set(null);
        to.set(null);
        loaded = true;
        reload();
    }

    public ObjectProperty<String> userProperty() {
        return user;
    }

    public ObjectProperty<String> actionProperty() {
        return action;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    /** The users found in the log. */
    public ObservableList<String> users() {
        return users;
    }

    /** The actions found in the log. */
    public ObservableList<String> actions() {
        return actions;
    }

    public ReadOnlyObjectProperty<ObservableList<AuditItem>> itemsProperty() {
        return items.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
