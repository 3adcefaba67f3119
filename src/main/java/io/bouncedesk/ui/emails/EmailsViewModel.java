package io.bouncedesk.ui.emails;

import io.bouncedesk.service.EmailSummary;
import io.bouncedesk.service.ReportService;
import io.bouncedesk.ui.common.BackgroundTasks;
import io.bouncedesk.ui.common.Messages;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.function.Consumer;

/**
 * The Marketing emails list: every sent email with its recipients, delivered share and the two
 * health rates of section 10, searched by name or subject in the database. A workspace sends a
 * few emails a week, so the list (not their recipients) is read whole.
 */
public final class EmailsViewModel {

    private final ReportService reports;
    private final BackgroundTasks tasks;
    private final Messages messages;
    private final Consumer<EmailSummary> opener;

    private final ObservableList<EmailSummary> emails = FXCollections.observableArrayList();
    private final ObservableList<EmailSummary> emailsView = FXCollections.unmodifiableObservableList(emails);
    private final ReadOnlyStringWrapper search = new ReadOnlyStringWrapper(this, "search", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private long generation;

    public EmailsViewModel(ReportService reports, BackgroundTasks tasks, Messages messages,
                           Consumer<EmailSummary> opener) {
        this.reports = reports;
        this.tasks = tasks;
        this.messages = messages;
        this.opener = opener;
    }

    public void load() {
        String q = search.get();
        long gen = ++generation;
        busy.set(true);
        tasks.run(() -> reports.emails(q.isEmpty() ? null : q), list -> {
            if (gen == generation) {
                busy.set(false);
                error.set("");
                emails.setAll(list);
            }
        }, t -> {
            if (gen == generation) {
                busy.set(false);
                error.set(messages.format("error.load", String.valueOf(t.getMessage())));
            }
        });
    }

    /** Lists the emails whose name or subject contains {@code text}. */
    public void search(String text) {
        String t = text == null ? "" : text.strip();
        if (!t.equals(search.get())) {
            search.set(t);
            load();
        }
    }

    /** Opens the email's Recipients view. */
    public void open(EmailSummary email) {
        if (email != null) {
            opener.accept(email);
        }
    }

    public ObservableList<EmailSummary> emails() {
        return emailsView;
    }

    public ReadOnlyStringProperty searchProperty() {
        return search.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
