package io.bouncedesk.ui.recipients;

import io.bouncedesk.domain.Permission;
import io.bouncedesk.domain.User;
import io.bouncedesk.persistence.RecipientQuery;
import io.bouncedesk.service.PermissionDeniedException;
import io.bouncedesk.ui.common.BackgroundTasks;
import io.bouncedesk.ui.common.DialogService;
import io.bouncedesk.ui.common.Messages;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;

import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The Export button of the Recipients view: the current tab or all tabs to a CSV file, through the
 * {@link RecipientsExporter} the composition root supplies. Without one (the export service not
 * there yet) it says the export is coming instead of showing a file chooser.
 */
public final class RecipientsExportViewModel {

    private final User user;
    private final RecipientsExporter exporter;
    private final Supplier<RecipientQuery> currentQuery;
    private final String fileBaseName;
    private final BackgroundTasks tasks;
    private final DialogService dialogs;
    private final Messages messages;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private BackgroundTasks.Job job;

    /** @param exporter the CSV export, or null while it does not exist */
    public RecipientsExportViewModel(User user, RecipientsExporter exporter, Supplier<RecipientQuery> currentQuery,
                                     String fileBaseName, BackgroundTasks tasks, DialogService dialogs,
                                     Messages messages) {
        this.user = user;
        this.exporter = exporter;
        this.currentQuery = currentQuery;
        this.fileBaseName = fileBaseName;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.messages = messages;
    }

    /** Viewers and everyone above may export (section 11); the exporter checks again. */
    public boolean canExport() {
        return user.may(Permission.EXPORT);
    }

    /** Asks where to write, then exports; tells the user when the export is not available yet. */
    public void chooseFileAndExport(boolean allTabs) {
        if (exporter == null) {
            dialogs.showInfo(messages.get("export.title"), messages.get("export.coming"));
            return;
        }
        String name = fileBaseName + "-" + (allTabs ? "all" : currentQuery.get().tab().cliName()) + ".csv";
        dialogs.chooseFileToSave(messages.get("export.title"), name, messages.get("export.csvFiles"), "*.csv")
                .ifPresent(file -> export(file, allTabs));
    }

    /** Writes the current tab (or all tabs) to {@code file} in the background, with progress in the status bar. */
    public void export(Path file, boolean allTabs) {
        if (exporter == null) {
            dialogs.showInfo(messages.get("export.title"), messages.get("export.coming"));
            return;
        }
        RecipientQuery query = currentQuery.get();
        running.set(true);
        job = tasks.runWithProgress(messages.format("export.running", file.getFileName().toString()), progress -> {
            try {
                return exporter.export(user, query, allTabs, file, progress);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, written -> {
            running.set(false);
            Path folder = file.toAbsolutePath().getParent();
            dialogs.notify(messages.get("export.title"), messages.format("export.done", written, file),
                    messages.get("export.openFolder"), () -> openFolder(folder));
        }, t -> {
            running.set(false);
            dialogs.showError(messages.get("export.title"), t instanceof PermissionDeniedException
                    ? t.getMessage() : messages.format("export.failed", String.valueOf(t.getMessage())));
        });
    }

    /** Stops the export under way; the service removes its partly written file. */
    public void cancel() {
        if (job != null && running.get()) {
            job.cancel();
            running.set(false);
            dialogs.showInfo(messages.get("export.title"), messages.get("export.cancelled"));
        }
    }

    private void openFolder(Path folder) {
        if (!dialogs.openFolder(folder)) {
            dialogs.showInfo(messages.get("export.title"), messages.format("export.folderIs", folder));
        }
    }

    /** True while an export runs: the view shows its progress and a Cancel button. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The fraction written of the running export (-1 while unknown). */
    public ReadOnlyDoubleProperty progressProperty() {
        return tasks.progressProperty();
    }
}
