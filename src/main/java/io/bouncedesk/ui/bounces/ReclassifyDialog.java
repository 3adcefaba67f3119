package io.bouncedesk.ui.bounces;

import atlantafx.base.theme.Styles;
import io.bouncedesk.domain.BounceReason;
import io.bouncedesk.domain.BounceType;
import io.bouncedesk.ui.common.Messages;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** The Reclassify dialog: reason (with its category), the type the reason allows, a required comment. */
public final class ReclassifyDialog {

    private ReclassifyDialog() {
    }

    /** Opens the dialog; it closes itself once the service accepted the change. */
    public static Stage show(Window owner, ReclassifyViewModel vm, Messages m, String subtitle) {
        ComboBox<BounceReason> reason = new ComboBox<>();
        reason.setId("reclassifyReason");
        reason.getItems().setAll(ReclassifyViewModel.REASONS);
        reason.setConverter(converter(vm::label));
        reason.valueProperty().bindBidirectional(vm.reasonProperty());
        reason.setVisibleRowCount(12);
        reason.setMaxWidth(Double.MAX_VALUE);
        ComboBox<BounceType> type = new ComboBox<>(vm.types());
        type.setId("reclassifyType");
        type.setPrefWidth(160);
        type.setConverter(converter(t -> m.of("bounceType", t)));
        type.valueProperty().bindBidirectional(vm.typeProperty());
        type.disableProperty().bind(javafx.beans.binding.Bindings.size(vm.types()).lessThan(2));
        Label typeHint = new Label(m.get("reclassify.typeHint"));
        typeHint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        typeHint.setWrapText(true);
        TextArea comment = new TextArea();
        comment.setId("reclassifyComment");
        comment.setPromptText(m.get("reclassify.commentPrompt"));
        comment.setPrefRowCount(3);
        comment.setWrapText(true);
        comment.textProperty().bindBidirectional(vm.commentProperty());

        GridPane form = new GridPane();
        form.setHgap(14);
        form.setVgap(10);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(110);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().addAll(labels, fields);
        form.addRow(0, new Label(m.get("reclassify.current")), new Label(vm.label(vm.before()) + "  ·  "
                + m.of("bounceType", vm.beforeType())));
        form.addRow(1, new Label(m.get("reclassify.reason")), reason);
        form.addRow(2, new Label(m.get("reclassify.type")), new VBox(4, type, typeHint));
        form.addRow(3, new Label(m.get("reclassify.comment")), comment);

        Label error = new Label();
        error.setId("reclassifyError");
        error.getStyleClass().add(Styles.DANGER);
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        Label hint = new Label();
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(vm::problem, vm.reasonProperty(),
                vm.typeProperty(), vm.commentProperty()));
        hint.visibleProperty().bind(vm.errorProperty().isEmpty());
        Button save = new Button(m.get("reclassify.save"));
        save.setId("reclassifySave");
        save.getStyleClass().add(Styles.ACCENT);
        save.setDefaultButton(true);
        save.disableProperty().bind(vm.canSaveBinding().not());
        save.setOnAction(e -> vm.save());
        Button cancel = new Button(m.get("bounce.cancel"));
        cancel.setId("reclassifyCancel");
        cancel.setCancelButton(true);

        VBox root = new VBox(14, BounceDialogs.titleBlock(m.get("reclassify.title"), subtitle), form,
                new javafx.scene.layout.StackPane(error, hint), BounceDialogs.buttonBar(null, cancel, save));
        root.setId("reclassifyDialog");
        root.getStyleClass().add("bounce-dialog");
        root.setPadding(new Insets(18, 20, 16, 20));
        Stage stage = BounceDialogs.stage(owner, m.get("reclassify.title"), root, 620, 440);
        cancel.setOnAction(e -> stage.close());
        stage.show();
        return stage;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : label.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
