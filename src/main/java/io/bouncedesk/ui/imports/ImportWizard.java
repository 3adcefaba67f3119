package io.bouncedesk.ui.imports;

import atlantafx.base.theme.Styles;
import io.bouncedesk.ui.common.Messages;
import io.bouncedesk.ui.imports.ImportWizardViewModel.Step;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The import wizard's window: the steps along the top, the current page, and Back / Next / Cancel. */
public final class ImportWizard {

    private final ImportWizardViewModel vm;
    private final Messages m;
    private final ImportWizardPages pages;
    private final StackPane page = new StackPane();
    private final HBox steps = new HBox(6);
    private final Stage stage = new Stage();

    private ImportWizard(Window owner, ImportWizardViewModel vm, Messages m) {
        this.vm = vm;
        this.m = m;
        this.pages = new ImportWizardPages(vm, m);
        Label title = new Label(m.get("import.title"), new FontIcon(Feather.UPLOAD));
        title.getStyleClass().add(Styles.TITLE_3);
        steps.getStyleClass().add("wizard-steps");
        BorderPane root = new BorderPane(page);
        root.setId("importWizard");
        root.getStyleClass().add("wizard-dialog");
        VBox top = new VBox(6, title, steps);
        top.setPadding(new Insets(0, 0, 14, 0));
        root.setTop(top);
        root.setBottom(buttons());
        vm.stepProperty().subscribe(this::show);
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setTitle(m.get("import.title"));
        Scene scene = new Scene(root, 900, 640);
        scene.getStylesheets().add(ImportWizard.class.getResource("/io/bouncedesk/ui/console.css").toExternalForm());
        stage.setScene(scene);
        // Closing the window while importing cancels: nothing runs on unseen.
        stage.setOnHidden(e -> vm.cancel());
    }

    /** Opens the wizard over {@code owner}. */
    public static Stage show(Window owner, ImportWizardViewModel vm, Messages m) {
        ImportWizard w = new ImportWizard(owner, vm, m);
        w.stage.show();
        return w.stage;
    }

    private void show(Step step) {
        page.getChildren().setAll(switch (step) {
            case KIND -> pages.kind();
            case PREVIEW -> pages.preview();
            case MAPPING -> pages.mapping();
            case CHECK, DONE -> result(step);
            case RUNNING -> running();
        });
        steps.getChildren().clear();
        for (Step s : Step.values()) {
            if (s == Step.RUNNING || (!vm.kindProperty().get().csv() && s != Step.KIND && s != Step.DONE)
                    || (s == Step.MAPPING && vm.kindProperty().get() != ImportKind.CONTACTS)) {
                continue;
            }
            if (!steps.getChildren().isEmpty()) {
                steps.getChildren().add(ImportWizardPages.muted("›"));
            }
            Label l = new Label(m.get("import.step." + s.name().toLowerCase(java.util.Locale.ROOT) + ".short"));
            l.getStyleClass().add(s == step || (step == Step.RUNNING && s == Step.DONE) ? "current-step"
                    : Styles.TEXT_MUTED);
            steps.getChildren().add(l);
        }
    }

    /** The dry run (CHECK) or the final summary (DONE): the outcome in words and the rejected rows. */
    private Node result(Step step) {
        Label outcome = new Label();
        outcome.setId(step == Step.CHECK ? "importCheckResult" : "importResult");
        outcome.setWrapText(true);
        outcome.textProperty().bind(vm.resultProperty());
        vm.succeededProperty().subscribe(ok -> {
            outcome.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
            outcome.getStyleClass().add(ok ? Styles.SUCCESS : Styles.DANGER);
            outcome.setGraphic(new FontIcon(ok ? Feather.CHECK_CIRCLE : Feather.ALERT_TRIANGLE));
        });
        outcome.visibleProperty().bind(vm.resultProperty().isNotEmpty());
        Button save = new Button(m.get("import.saveReport"), new FontIcon(Feather.DOWNLOAD));
        save.setId("importSaveReport");
        save.setOnAction(e -> vm.saveReport());
        save.visibleProperty().bind(Bindings.isNotEmpty(vm.problems()).and(vm.reportProperty().isNotNull()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label count = ImportWizardPages.muted("");
        count.textProperty().bind(Bindings.createStringBinding(() -> vm.problems().isEmpty() ? ""
                : m.format("import.problems", vm.problems().size()), vm.problems()));
        HBox bar = new HBox(8, count, spacer, save);
        bar.setAlignment(Pos.CENTER_LEFT);
        var table = pages.problemsTable();
        VBox.setVgrow(table, Priority.ALWAYS);
        table.visibleProperty().bind(Bindings.isNotEmpty(vm.problems()));
        table.managedProperty().bind(table.visibleProperty());
        VBox box = new VBox(12, pages.heading(step == Step.CHECK ? "import.step.check" : "import.step.done"),
                progress(), outcome, bar, table);
        return box;
    }

    private Node running() {
        Label what = new Label(m.format("import.running", vm.fileProperty().get().getFileName()));
        VBox box = new VBox(14, pages.heading("import.step.running"), what, progress());
        box.setAlignment(Pos.TOP_LEFT);
        return box;
    }

    private Node progress() {
        ProgressBar bar = new ProgressBar();
        bar.setId("importProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(vm.progressProperty());
        HBox.setHgrow(bar, Priority.ALWAYS);
        Button cancel = new Button(m.get("import.cancel"), new FontIcon(Feather.X));
        cancel.setId("importCancelRun");
        cancel.setOnAction(e -> vm.cancel());
        HBox row = new HBox(10, bar, cancel);
        row.setAlignment(Pos.CENTER_LEFT);
        row.visibleProperty().bind(vm.runningProperty());
        row.managedProperty().bind(vm.runningProperty());
        return row;
    }

    private Node buttons() {
        Label error = new Label();
        error.setId("importError");
        error.getStyleClass().add(Styles.DANGER);
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        HBox.setHgrow(error, Priority.ALWAYS);
        error.setMaxWidth(Double.MAX_VALUE);
        Button back = new Button(m.get("import.back"));
        back.setId("importBack");
        back.setOnAction(e -> vm.back());
        back.visibleProperty().bind(vm.stepProperty().isEqualTo(Step.PREVIEW).or(vm.stepProperty().isEqualTo(Step.MAPPING))
                .or(vm.stepProperty().isEqualTo(Step.CHECK)));
        back.disableProperty().bind(vm.runningProperty());
        back.managedProperty().bind(back.visibleProperty());
        Button next = new Button();
        next.setId("importNext");
        next.getStyleClass().add(Styles.ACCENT);
        next.setDefaultButton(true);
        next.textProperty().bind(Bindings.createStringBinding(this::nextLabel, vm.stepProperty(), vm.kindProperty()));
        BooleanBinding canNext = Bindings.createBooleanBinding(vm::canGoNext, vm.stepProperty(), vm.fileProperty(),
                vm.previewProperty(), vm.runningProperty(), vm.reportProperty(), vm.mapping().mappingProperty());
        next.disableProperty().bind(canNext.not());
        next.visibleProperty().bind(vm.stepProperty().isNotEqualTo(Step.DONE).and(vm.stepProperty().isNotEqualTo(Step.RUNNING)));
        next.managedProperty().bind(next.visibleProperty());
        next.setOnAction(e -> vm.next());
        Button close = new Button();
        close.setId("importClose");
        close.textProperty().bind(Bindings.when(vm.stepProperty().isEqualTo(Step.DONE)).then(m.get("import.close"))
                .otherwise(m.get("import.cancel")));
        close.setCancelButton(true);
        close.disableProperty().bind(vm.runningProperty());
        close.setOnAction(e -> stage.close());
        HBox bar = new HBox(8, error, back, close, next);
        bar.setAlignment(Pos.CENTER_RIGHT);
        bar.setPadding(new Insets(14, 0, 0, 0));
        return bar;
    }

    private String nextLabel() {
        ImportKind k = vm.kindProperty().get();
        return switch (vm.stepProperty().get()) {
            case KIND -> m.get(k.csv() ? "import.next.preview" : "import.next.import");
            case PREVIEW -> m.get(k == ImportKind.CONTACTS ? "import.next.mapping" : "import.next.check");
            case MAPPING -> m.get("import.next.check");
            default -> m.get("import.next.import");
        };
    }
}
