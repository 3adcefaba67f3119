package io.bouncedesk.ui.bounces;

import io.bouncedesk.domain.BounceReason;
import io.bouncedesk.domain.BounceType;
import io.bouncedesk.domain.Permission;
import io.bouncedesk.domain.User;
import io.bouncedesk.persistence.BounceRow;
import io.bouncedesk.service.PermissionDeniedException;
import io.bouncedesk.ui.common.BackgroundTasks;
import io.bouncedesk.ui.common.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Correcting one bounce's reason and type with a comment (Marketing email and Super admin). The
 * type follows the reason by the rule of section 5; only notaccept offers both, because there it
 * depends on whether the server's status was permanent. The service checks everything again.
 */
public final class ReclassifyViewModel {

    /** Every reason a bounce can have (feedback, vacation and delivered are no bounces). */
    public static final List<BounceReason> REASONS = Arrays.stream(BounceReason.values())
            .filter(BounceReason::isFailure).toList();

    private final User user;
    private final long bounceId;
    private final BounceReason before;
    private final BounceType beforeType;
    private final Reclassifier service;
    private final BackgroundTasks tasks;
    private final Messages messages;
    private final Consumer<BounceRow> done;
    private final ObjectProperty<BounceReason> reason = new SimpleObjectProperty<>(this, "reason");
    private final ObjectProperty<BounceType> type = new SimpleObjectProperty<>(this, "type");
    private final ObservableList<BounceType> types = FXCollections.observableArrayList();
    private final StringProperty comment = new SimpleStringProperty(this, "comment", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final BooleanBinding canSave;

    /** @param done called on the UI thread with the corrected bounce */
    public ReclassifyViewModel(User user, long bounceId, BounceReason current, BounceType currentType,
                               Reclassifier service, BackgroundTasks tasks, Messages messages, Consumer<BounceRow> done) {
        this.user = user;
        this.bounceId = bounceId;
        this.before = current;
        this.beforeType = currentType;
        this.service = service;
        this.tasks = tasks;
        this.messages = messages;
        this.done = done;
        reason.subscribe(this::reasonChanged);
        reason.set(current);
        type.set(currentType != null && types.contains(currentType) ? currentType : type.get());
        canSave = Bindings.createBooleanBinding(() -> allowed() && !busy.get() && reason.get() != null
                        && type.get() != null && !comment.get().isBlank() && (reason.get() != before || type.get() != beforeType),
                reason, type, comment, busy);
    }

    private void reasonChanged(BounceReason r) {
        error.set("");
        if (r == null) {
            types.clear();
            type.set(null);
            return;
        }
        BounceType permanent = r.type(true);
        BounceType temporary = r.type(false);
        types.setAll(permanent == temporary ? List.of(permanent) : List.of(BounceType.HARD, BounceType.SOFT));
        if (!types.contains(type.get())) {
            type.set(permanent);
        }
    }

    public boolean allowed() {
        return user.may(Permission.RECLASSIFY);
    }

    /** What stops saving, in words; empty when it can be saved. */
    public String problem() {
        if (!allowed()) {
            return messages.get("reclassify.notAllowed");
        }
        if (reason.get() == before && type.get() == beforeType) {
            return messages.get("reclassify.unchanged");
        }
        if (comment.get().isBlank()) {
            return messages.get("reclassify.commentRequired");
        }
        return "";
    }

    /** Saves through the service; its refusal (a rule, a permission) is shown as the error. */
    public void save() {
        if (!canSave.get()) {
            error.set(problem());
            return;
        }
        busy.set(true);
        error.set("");
        BounceReason r = reason.get();
        BounceType t = type.get();
        String c = comment.get().strip();
        tasks.run(() -> service.reclassify(user, bounceId, r, t, c), row -> {
            busy.set(false);
            done.accept(row);
        }, failure -> {
            busy.set(false);
            error.set(failure instanceof IllegalArgumentException || failure instanceof PermissionDeniedException
                    ? failure.getMessage() : messages.format("reclassify.failed", String.valueOf(failure.getMessage())));
        });
    }

    /** "Unknown user · userunknown" for the reason list. */
    public String label(BounceReason r) {
        return r == null ? "" : r.code() + "  ·  " + messages.of("category", r.category());
    }

    public BounceReason before() {
        return before;
    }

    public BounceType beforeType() {
        return beforeType;
    }

    public ObjectProperty<BounceReason> reasonProperty() {
        return reason;
    }

    public ObjectProperty<BounceType> typeProperty() {
        return type;
    }

    /** The types the chosen reason allows: one, or Hard and Soft for notaccept. */
    public ObservableList<BounceType> types() {
        return types;
    }

    public StringProperty commentProperty() {
        return comment;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanBinding canSaveBinding() {
        return canSave;
    }
}
