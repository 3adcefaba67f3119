package io.bouncedesk.ui.imports;

import io.bouncedesk.bounce.provider.ProviderFormat;
import io.bouncedesk.domain.Permission;
import io.bouncedesk.domain.User;
import io.bouncedesk.service.CancelledException;
import io.bouncedesk.service.ContactImportOptions;
import io.bouncedesk.service.CsvOptions;
import io.bouncedesk.service.CsvPreview;
import io.bouncedesk.service.CsvReadOptions;
import io.bouncedesk.service.ImportReport;
import io.bouncedesk.service.PermissionDeniedException;
import io.bouncedesk.service.Progress;
import io.bouncedesk.ui.common.BackgroundTasks;
import io.bouncedesk.ui.common.DialogService;
import io.bouncedesk.ui.common.Messages;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * File > Import, step by step: what to import and from which file; for CSV files a preview (the
 * detected encoding and delimiter can be overridden), the column mapping of contacts and a dry
 * run listing rejected rows, since those imports are all or nothing; then the import itself with
 * progress and Cancel, and its summary. Only users with the Import permission get past the start.
 */
public final class ImportWizardViewModel {

    public enum Step { KIND, PREVIEW, MAPPING, CHECK, RUNNING, DONE }

    private final User user;
    private final ImportServices services;
    private final BackgroundTasks tasks;
    private final DialogService dialogs;
    private final Messages m;
    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(this, "step", Step.KIND);
    private final ObjectProperty<ImportKind> kind = new SimpleObjectProperty<>(this, "kind", ImportKind.CONTACTS);
    private final ObjectProperty<ProviderFormat> provider = new SimpleObjectProperty<>(this, "provider",
            ProviderFormat.SENDGRID);
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyObjectWrapper<CsvPreview> preview = new ReadOnlyObjectWrapper<>(this, "preview");
    private final ObjectProperty<Charset> encoding = new SimpleObjectProperty<>(this, "encoding");
    private final ObjectProperty<Character> delimiter = new SimpleObjectProperty<>(this, "delimiter");
    private final MappingModel mapping = new MappingModel();
    private final BooleanProperty purchased = new SimpleBooleanProperty(this, "purchased");
    private final StringProperty source = new SimpleStringProperty(this, "source", "");
    private final ReadOnlyObjectWrapper<ImportReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ObservableList<ImportProblem> problems = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper(this, "result", "");
    private final ReadOnlyBooleanWrapper succeeded = new ReadOnlyBooleanWrapper(this, "succeeded");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private boolean previewing;

    public ImportWizardViewModel(User user, ImportServices services, BackgroundTasks tasks, DialogService dialogs,
                                 Messages messages) {
        this.user = user;
        this.services = services;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.m = messages;
        kind.subscribe(k -> {
            file.set(null);
            error.set("");
        });
        // Choosing another encoding or delimiter reads the preview again (and resets the mapping).
        encoding.subscribe(e -> reread());
        delimiter.subscribe(d -> reread());
    }

    /** Section 11: Marketing email and Super admin import; others are told why the wizard stops. */
    public boolean allowed() {
        return user.may(Permission.IMPORT);
    }

    public String notAllowedText() {
        return m.get("import.notAllowed");
    }

    /** Asks for the file (or, for bounce messages, a single message or mbox file). */
    public void chooseFile() {
        ImportKind k = kind.get();
        String filter = k.csv() ? "*.csv" : k == ImportKind.PROVIDER_EVENTS ? "*.*" : "*.*";
        dialogs.chooseFileToOpen(m.get("import.chooseFile"), m.get("import.filter." + k.name()), filter)
                .ifPresent(this::useFile);
    }

    /** Bounce messages only: a folder of .eml files. */
    public void chooseFolder() {
        dialogs.chooseFolder(m.get("import.chooseFolder")).ifPresent(this::useFile);
    }

    public void useFile(Path path) {
        file.set(path);
        error.set("");
    }

    public boolean canGoNext() {
        return switch (step.get()) {
            case KIND -> allowed() && file.get() != null && !running.get();
            case PREVIEW -> preview.get() != null && !running.get();
            case MAPPING -> mapping.complete();
            case CHECK -> !running.get() && report.get() != null && report.get().accepted();
            case RUNNING, DONE -> false;
        };
    }

    /** The step's main button: preview, map, check, import. */
    public void next() {
        if (!canGoNext()) {
            if (step.get() == Step.MAPPING) {
                error.set(m.get("import.mapping.emailRequired"));
            } else if (!allowed()) {
                error.set(notAllowedText());
            }
            return;
        }
        error.set("");
        switch (step.get()) {
            case KIND -> {
                if (kind.get().csv()) {
                    loadPreview(true);
                } else {
                    startImport();
                }
            }
            case PREVIEW -> {
                if (kind.get() == ImportKind.CONTACTS) {
                    step.set(Step.MAPPING);
                } else {
                    dryRun();
                }
            }
            case MAPPING -> dryRun();
            case CHECK -> startImport();
            default -> { }
        }
    }

    public void back() {
        if (running.get()) {
            return;
        }
        error.set("");
        step.set(switch (step.get()) {
            case PREVIEW -> Step.KIND;
            case MAPPING -> Step.PREVIEW;
            case CHECK -> kind.get() == ImportKind.CONTACTS ? Step.MAPPING : Step.PREVIEW;
            default -> step.get();
        });
    }

    private void loadPreview(boolean detect) {
        CsvReadOptions read = detect ? CsvReadOptions.DETECT : new CsvReadOptions(encoding.get(), delimiter.get());
        Path f = file.get();
        running.set(true);
        tasks.run(() -> services.contacts().preview(user, f, read), p -> {
            running.set(false);
            previewing = true;
            encoding.set(p.encoding());
            delimiter.set(p.delimiter());
            previewing = false;
            preview.set(p);
            mapping.reset(p.suggestedMapping());
            step.set(Step.PREVIEW);
        }, this::failed);
    }

    private void reread() {
        if (!previewing && step.get() == Step.PREVIEW && file.get() != null && encoding.get() != null
                && delimiter.get() != null) {
            loadPreview(false);
        }
    }

    private CsvReadOptions readOptions() {
        return new CsvReadOptions(encoding.get(), delimiter.get());
    }

    private void dryRun() {
        step.set(Step.CHECK);
        report.set(null);
        problems.clear();
        result.set("");
        run(m.get("import.checking"), csvImport(true), r -> {
            ImportReport rep = (ImportReport) r;
            report.set(rep);
            problems.setAll(ImportResults.problems(rep, m));
            succeeded.set(rep.accepted());
            result.set(ImportResults.check(rep, m));
        });
    }

    private Function<Progress, Object> csvImport(boolean dry) {
        Path f = file.get();
        CsvReadOptions read = readOptions();
        if (kind.get() == ImportKind.GLOBAL_BOUNCES) {
            return p -> services.globalBounces().importGlobalBounces(user, f, read, dry, p);
        }
        var map = mapping.mappingProperty().get();
        ContactImportOptions options = new ContactImportOptions(source.get().isBlank() ? null : source.get(),
                purchased.get(), dry);
        return p -> services.contacts().importContacts(user, f, read, map, options, p);
    }

    private void startImport() {
        step.set(Step.RUNNING);
        Path f = file.get();
        Function<Progress, Object> work = switch (kind.get()) {
            case CONTACTS, GLOBAL_BOUNCES -> csvImport(false);
            case PROVIDER_EVENTS -> {
                ProviderFormat format = provider.get();
                yield p -> services.events().importFile(user, format, f, p);
            }
            case BOUNCE_MESSAGES -> p -> services.bounceMessages().importPaths(user, List.of(f), p);
        };
        run(m.format("import.running", f.getFileName()), work, r -> {
            step.set(Step.DONE);
            if (r instanceof ImportReport rep) {
                report.set(rep);
                problems.setAll(ImportResults.problems(rep, m));
                succeeded.set(rep.written());
                result.set(ImportResults.done(rep, m));
            } else {
                var s = (io.bouncedesk.service.IngestSummary) r;
                problems.setAll(ImportResults.problems(s));
                succeeded.set(s.rejected() == 0 && !s.cancelled());
                result.set(ImportResults.done(s, m));
            }
        });
    }

    /** Runs with progress; Cancel reaches the service through its Progress, so its answer still arrives. */
    private void run(String description, Function<Progress, Object> work, java.util.function.Consumer<Object> done) {
        cancelled.set(false);
        running.set(true);
        tasks.runWithProgress(description, p -> work.apply(new Progress() {
            @Override
            public void update(long d, long total) {
                p.update(d, total);
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get() || p.isCancelled();
            }
        }), r -> {
            running.set(false);
            done.accept(r);
        }, this::failed);
    }

    private void failed(Throwable t) {
        running.set(false);
        if (t instanceof CancelledException) {
            step.set(Step.DONE);
            succeeded.set(false);
            problems.clear();
            result.set(m.get("import.cancelled"));
            return;
        }
        String text = t instanceof PermissionDeniedException ? t.getMessage()
                : m.format("import.failed", String.valueOf(t.getMessage()));
        if (step.get() == Step.RUNNING || step.get() == Step.CHECK) {
            step.set(Step.DONE);
            succeeded.set(false);
            result.set(text);
        } else {
            error.set(text);
        }
    }

    /** Stops the dry run or import under way; a CSV import then rolls back and imports nothing. */
    public void cancel() {
        if (running.get()) {
            cancelled.set(true);
        }
    }

    /** Saves the rejected rows (line, reason) as CSV where the user chooses. */
    public void saveReport() {
        ImportReport r = report.get();
        if (r == null) {
            return;
        }
        dialogs.chooseFileToSave(m.get("import.saveReport"), "import-report.csv", m.get("import.filter.CONTACTS"),
                "*.csv").ifPresent(out -> tasks.run(() -> r.saveCsv(out, CsvOptions.forLanguage(m.locale())),
                n -> dialogs.showInfo(m.get("import.title"), m.format("import.reportSaved", n, out)),
                t -> dialogs.showError(m.get("import.title"), String.valueOf(t.getMessage()))));
    }

    /** The encodings offered besides the detected one. */
    public List<Charset> encodings() {
        return java.util.stream.Stream.of("UTF-8", "windows-1250", "windows-1252", "ISO-8859-2", "ISO-8859-1",
                "UTF-16").map(Charset::forName).toList();
    }

    public List<Character> delimiters() {
        return List.of(',', ';', '\t');
    }

    public ReadOnlyObjectProperty<Step> stepProperty() { return step.getReadOnlyProperty(); }
    public ObjectProperty<ImportKind> kindProperty() { return kind; }
    public ObjectProperty<ProviderFormat> providerProperty() { return provider; }
    public ReadOnlyObjectProperty<Path> fileProperty() { return file.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<CsvPreview> previewProperty() { return preview.getReadOnlyProperty(); }
    public ObjectProperty<Charset> encodingProperty() { return encoding; }
    public ObjectProperty<Character> delimiterProperty() { return delimiter; }
    public MappingModel mapping() { return mapping; }
    public BooleanProperty purchasedProperty() { return purchased; }
    public StringProperty sourceProperty() { return source; }
    public ReadOnlyObjectProperty<ImportReport> reportProperty() { return report.getReadOnlyProperty(); }
    public ObservableList<ImportProblem> problems() { return problems; }
    /** The dry run's or the import's outcome in words. */
    public ReadOnlyStringProperty resultProperty() { return result.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty succeededProperty() { return succeeded.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return tasks.progressProperty(); }
}
