package io.bouncedesk.ui.segments;

import io.bouncedesk.domain.Permission;
import io.bouncedesk.domain.User;
import io.bouncedesk.persistence.ContactRow;
import io.bouncedesk.service.CsvOptions;
import io.bouncedesk.service.ExportService;
import io.bouncedesk.service.SegmentService;
import io.bouncedesk.ui.common.BackgroundTasks;
import io.bouncedesk.ui.common.DialogService;
import io.bouncedesk.ui.common.Messages;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.List;

/**
 * The segment list and the members of the selected segment. Members are read a page at a time in
 * contact-id order (the service pages by key, not by offset), "Show more" reading the next page;
 * the member count comes from one count query, so the list never has to be loaded whole.
 */
public final class SegmentsViewModel {

    static final int PAGE = 200;

    /** A segment with its current member count. */
    public record SegmentItem(SegmentService.Segment segment, long members) {
    }

    private final User user;
    private final SegmentService segments;
    private final ExportService exports;
    private final CsvOptions csv;
    private final BackgroundTasks tasks;
    private final DialogService dialogs;
    private final Messages messages;
    private final ObservableList<SegmentItem> items = FXCollections.observableArrayList();
    private final ObservableList<ContactRow> members = FXCollections.observableArrayList();
    private final ObjectProperty<SegmentItem> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyLongWrapper memberCount = new ReadOnlyLongWrapper(this, "memberCount");
    private final ReadOnlyBooleanWrapper more = new ReadOnlyBooleanWrapper(this, "more");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private BackgroundTasks.Job membersJob;

    public SegmentsViewModel(User user, SegmentService segments, ExportService exports, CsvOptions csv,
                             BackgroundTasks tasks, DialogService dialogs, Messages messages) {
        this.user = user;
        this.segments = segments;
        this.exports = exports;
        this.csv = csv;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.messages = messages;
        selected.subscribe(this::readMembers);
    }

    /** Reads the segments and their counts; keeps (or makes) the selection {@code selectId} if given. */
    public void load(Long selectId) {
        busy.set(true);
        tasks.run(() -> segments.list().stream().map(s -> new SegmentItem(s, segments.count(s.id()))).toList(),
                list -> {
                    busy.set(false);
                    Long keep = selectId != null ? selectId : selected.get() == null ? null : selected.get().segment().id();
                    items.setAll(list);
                    selected.set(list.stream().filter(i -> keep != null && i.segment().id() == keep).findFirst()
                            .orElse(list.isEmpty() ? null : list.get(0)));
                }, this::failed);
    }

    public void load() {
        load(null);
    }

    private void readMembers(SegmentItem item) {
        if (membersJob != null) {
            membersJob.cancel();
        }
        members.clear();
        more.set(false);
        memberCount.set(item == null ? 0 : item.members());
        if (item != null) {
            page(item, 0);
        }
    }

    /** Reads the next page of the selected segment's members. */
    public void showMore() {
        SegmentItem item = selected.get();
        if (item != null && more.get()) {
            page(item, members.isEmpty() ? 0 : members.get(members.size() - 1).id());
        }
    }

    private void page(SegmentItem item, long after) {
        membersJob = tasks.run(() -> segments.members(item.segment().id(), after, PAGE), rows -> {
            if (selected.get() == item) {
                members.addAll(rows);
                more.set(rows.size() == PAGE);
            }
        }, this::failed);
    }

    /** Deletes the selected segment (its contacts stay). */
    public void delete() {
        SegmentItem item = selected.get();
        if (item == null || !canEdit()) {
            return;
        }
        tasks.run(() -> {
            segments.delete(user, item.segment().id());
            return item;
        }, done -> {
            selected.set(null);
            load();
        }, this::failed);
    }

    /** Asks where to write the selected segment's members as CSV, then writes them in the background. */
    public void chooseFileAndExport() {
        SegmentItem item = selected.get();
        if (item == null || !canExport()) {
            return;
        }
        String name = "segment-" + item.segment().name().replaceAll("[^\\p{L}\\p{N}._-]+", "-") + ".csv";
        dialogs.chooseFileToSave(messages.get("segments.exportTitle"), name, messages.get("export.csvFiles"), "*.csv")
                .ifPresent(file -> export(item, file));
    }

    void export(SegmentItem item, Path file) {
        tasks.runWithProgress(messages.format("export.running", file.getFileName()),
                p -> exports.segment(user, segments, item.segment().id(), file, csv, p),
                n -> dialogs.showInfo(messages.get("segments.exportTitle"),
                        messages.format("segments.exported", n, file)),
                t -> dialogs.showError(messages.get("segments.exportTitle"),
                        messages.format("export.failed", String.valueOf(t.getMessage()))));
    }

    private void failed(Throwable t) {
        busy.set(false);
        error.set(messages.format("error.load", String.valueOf(t.getMessage())));
    }

    public boolean canEdit() {
        return user.may(Permission.EDIT_CONTACTS);
    }

    public boolean canExport() {
        return user.may(Permission.EXPORT);
    }

    /** Why the user cannot create or delete segments, or empty when they can. */
    public String readOnlyReason() {
        return canEdit() ? "" : messages.format("segments.readOnly", messages.of("role", user.role()));
    }

    public ObservableList<SegmentItem> items() {
        return items;
    }

    public ObservableList<ContactRow> members() {
        return members;
    }

    public ObjectProperty<SegmentItem> selectedProperty() {
        return selected;
    }

    public ReadOnlyLongProperty memberCountProperty() {
        return memberCount.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty moreProperty() {
        return more.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The filter of a dynamic segment in words ("Status: Bounced · Domain: wp.pl"), or the static note. */
    public String describe(SegmentService.Segment s) {
        return SegmentFilterText.describe(s, messages);
    }

    List<SegmentItem> snapshot() {
        return List.copyOf(items);
    }
}
