package io.bouncedesk.ui.bounces;

import io.bouncedesk.ui.common.BackgroundTasks;
import io.bouncedesk.ui.common.Messages;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Optional;
import java.util.function.LongFunction;

/**
 * The original-message viewer of one bounce: reads the kept message in the background and offers
 * its headers and body; says so plainly when no original was kept (bounces from provider events
 * or the demo have none). Reusable wherever a bounce id is known (Recipients row, contact history).
 */
public final class OriginalMessageViewModel {

    private final long bounceId;
    private final LongFunction<Optional<byte[]>> originals;
    private final BackgroundTasks tasks;
    private final Messages messages;
    private final ObservableList<OriginalMessage.Header> headers = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper body = new ReadOnlyStringWrapper(this, "body", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private String raw = "";

    /** @param originals the kept raw message of a bounce id (BounceMessageImportService::original) */
    public OriginalMessageViewModel(long bounceId, LongFunction<Optional<byte[]>> originals, BackgroundTasks tasks,
                                    Messages messages) {
        this.bounceId = bounceId;
        this.originals = originals;
        this.tasks = tasks;
        this.messages = messages;
    }

    public void load() {
        status.set(messages.get("bounce.original.loading"));
        tasks.run(() -> originals.apply(bounceId), this::show,
                t -> status.set(messages.format("bounce.original.failed", String.valueOf(t.getMessage()))));
    }

    private void show(Optional<byte[]> message) {
        if (message.isEmpty()) {
            headers.clear();
            body.set("");
            status.set(messages.get("bounce.original.none"));
            return;
        }
        raw = new String(message.get(), java.nio.charset.StandardCharsets.UTF_8);
        OriginalMessage parsed = OriginalMessage.parse(message.get());
        headers.setAll(parsed.headers());
        body.set(parsed.body());
        status.set(messages.format("bounce.original.size", parsed.headers().size(), message.get().length));
        loaded.set(true);
    }

    /** The whole message as received, for the clipboard. */
    public String rawText() {
        return raw;
    }

    public ObservableList<OriginalMessage.Header> headers() {
        return headers;
    }

    public ReadOnlyStringProperty bodyProperty() {
        return body.getReadOnlyProperty();
    }

    /** "Loading…", "No original message was kept…", or a one-line summary. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** True once an original was found and shown. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }
}
