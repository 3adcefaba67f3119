package io.bouncedesk.ui.segments;

import io.bouncedesk.domain.BounceCategory;
import io.bouncedesk.domain.ContactStatus;
import io.bouncedesk.domain.EmailAddress;
import io.bouncedesk.domain.Permission;
import io.bouncedesk.domain.User;
import io.bouncedesk.persistence.SegmentFilter;
import io.bouncedesk.service.EmailSummary;
import io.bouncedesk.service.ReportService;
import io.bouncedesk.service.SegmentService;
import io.bouncedesk.ui.common.BackgroundTasks;
import io.bouncedesk.ui.common.Messages;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.function.Consumer;

/**
 * The "New segment" form: a name and the criteria of a dynamic segment (status, hard bounce reason
 * known, category, receiving domain, global bounce, bounced on an email, source). Checked here for
 * the user's sake and again by the service.
 */
public final class SegmentFormViewModel {

    private final User user;
    private final SegmentService segments;
    private final ReportService reports;
    private final BackgroundTasks tasks;
    private final Messages messages;
    private final Consumer<SegmentService.Segment> created;

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final ObjectProperty<ContactStatus> status = new SimpleObjectProperty<>(this, "status");
    private final BooleanProperty reasonKnown = new SimpleBooleanProperty(this, "reasonKnown");
    private final ObjectProperty<BounceCategory> category = new SimpleObjectProperty<>(this, "category");
    private final StringProperty domain = new SimpleStringProperty(this, "domain", "");
    private final BooleanProperty globalOnly = new SimpleBooleanProperty(this, "globalOnly");
    private final ObjectProperty<EmailSummary> bouncedOn = new SimpleObjectProperty<>(this, "bouncedOn");
    private final StringProperty source = new SimpleStringProperty(this, "source", "");
    private final ObservableList<EmailSummary> emails = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");

    public SegmentFormViewModel(User user, SegmentService segments, ReportService reports, BackgroundTasks tasks,
                                Messages messages, Consumer<SegmentService.Segment> created) {
        this.user = user;
        this.segments = segments;
        this.reports = reports;
        this.tasks = tasks;
        this.messages = messages;
        this.created = created;
    }

    /** Reads the emails offered for "Bounced on email". */
    public void load() {
        tasks.run(() -> reports.emails(null), emails::setAll, t -> { });
    }

    /** Empties the form, with the receiving domain filled in when given (from the dashboard). */
    public void reset(String receivingDomain) {
        boolean forDomain = receivingDomain != null && !receivingDomain.isBlank();
        name.set(forDomain ? messages.format("segments.domainName", receivingDomain) : "");
        status.set(null);
        reasonKnown.set(false);
        category.set(null);
        domain.set(forDomain ? receivingDomain : "");
        globalOnly.set(false);
        bouncedOn.set(null);
        source.set("");
        error.set("");
    }

    /** The filter the fields describe. */
    public SegmentFilter filter() {
        return new SegmentFilter(status.get(), reasonKnown.get(), category.get(), blankToNull(domain.get()),
                globalOnly.get(), bouncedOn.get() == null ? null : bouncedOn.get().email().id(),
                blankToNull(source.get()));
    }

    /** Checks the fields and creates the segment; problems show in {@link #errorProperty()}. */
    public void save() {
        String problem = validate();
        error.set(problem);
        if (!problem.isEmpty() || saving.get()) {
            return;
        }
        saving.set(true);
        String n = name.get().strip();
        SegmentFilter f = filter();
        tasks.run(() -> segments.createDynamic(user, n, f), s -> {
            saving.set(false);
            created.accept(s);
        }, t -> {
            saving.set(false);
            error.set(String.valueOf(t.getMessage()));
        });
    }

    /** The first problem with the fields, or empty. */
    public String validate() {
        if (!user.may(Permission.EDIT_CONTACTS)) {
            return messages.format("segments.readOnly", messages.of("role", user.role()));
        }
        if (name.get() == null || name.get().isBlank()) {
            return messages.get("segments.nameRequired");
        }
        if (name.get().strip().length() > 120) {
            return messages.get("segments.nameTooLong");
        }
        String d = blankToNull(domain.get());
        if (d != null && (d.contains("@") || !EmailAddress.of("x@" + d).valid())) {
            return messages.format("segments.badDomain", d);
        }
        return "";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public StringProperty nameProperty() {
        return name;
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

    public StringProperty domainProperty() {
        return domain;
    }

    public BooleanProperty globalOnlyProperty() {
        return globalOnly;
    }

    public ObjectProperty<EmailSummary> bouncedOnProperty() {
        return bouncedOn;
    }

    public StringProperty sourceProperty() {
        return source;
    }

    public ObservableList<EmailSummary> emails() {
        return emails;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }
}
