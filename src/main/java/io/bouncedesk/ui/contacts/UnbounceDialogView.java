package io.bouncedesk.ui.contacts;

import atlantafx.base.theme.Styles;
import io.bouncedesk.ui.common.Messages;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The unbounce dialog, drawn over the record inside the window (a modal layer: the record behind it
 * cannot be used until it is closed). It only binds to {@link UnbounceDialogViewModel}.
 */
final class UnbounceDialogView extends StackPane {

    UnbounceDialogView(UnbounceDialogViewModel vm, Messages m) {
        getStyleClass().add("modal-layer");
        VBox card = new VBox(12);
        card.setId("unbounceDialog");
        card.getStyleClass().add("unbounce-dialog");
        card.setMaxSize(620, Region.USE_PREF_SIZE);

        Label title = new Label(m.get("unbounce.title"), new FontIcon(Feather.ROTATE_CCW));
        title.getStyleClass().add(Styles.TITLE_3);
        Label intro = new Label(m.get("unbounce.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add(Styles.TEXT_MUTED);

        GridPane facts = new GridPane();
        facts.getStyleClass().add("dialog-facts");
        facts.setHgap(14);
        facts.setVgap(4);
        int row = 0;
        for (String[] fact : vm.bounceFacts()) {
            Label k = new Label(fact[0]);
            k.getStyleClass().add(Styles.TEXT_MUTED);
            k.setMinWidth(Region.USE_PREF_SIZE); // labels are longer in Polish and Danish
            GridPane.setValignment(k, javafx.geometry.VPos.TOP);
            Label v = new Label(fact[1]);
            v.setWrapText(true);
            facts.addRow(row++, k, v);
        }

        Label quota = new Label();
        quota.setId("quotaLabel");
        quota.getStyleClass().add("quota-label");
        quota.textProperty().bind(vm.quotaProperty());

        Label checklistTitle = new Label(m.get("unbounce.checklist"));
        checklistTitle.getStyleClass().add(Styles.TEXT_BOLD);
        VBox checklist = new VBox(4);
        checklist.setId("unbounceChecklist");
        vm.checkProperty().subscribe(c -> {
            checklist.getChildren().clear();
            vm.checklist().forEach(line -> {
                Label l = new Label(line.text(), new FontIcon(line.failed() ? Feather.X_CIRCLE : Feather.CHECK_SQUARE));
                l.setWrapText(true);
                l.getStyleClass().add(line.failed() ? "check-failed" : "check-item");
                checklist.getChildren().add(l);
            });
        });

        CheckBox confirm = new CheckBox(m.get("unbounce.confirm"));
        confirm.setId("confirmCheckBox");
        confirm.selectedProperty().bindBidirectional(vm.confirmedProperty());
        confirm.disableProperty().bind(vm.busyProperty());

        Label error = new Label();
        error.setId("unbounceError");
        error.setWrapText(true);
        error.getStyleClass().add("dialog-error");
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        Button cancel = new Button(m.get("unbounce.cancel"));
        cancel.setId("cancelUnbounceButton");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> vm.cancel());
        Button ok = new Button(m.get("unbounce.button"));
        ok.setId("confirmUnbounceButton");
        ok.getStyleClass().add(Styles.ACCENT);
        ok.disableProperty().bind(vm.canUnbounceProperty().not());
        ok.setOnAction(e -> vm.unbounce());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, spacer, cancel, ok);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        card.getChildren().addAll(title, intro, facts, quota, checklistTitle, checklist, confirm, error, buttons);
        getChildren().add(card);
        setAlignment(card, Pos.CENTER);
    }
}
