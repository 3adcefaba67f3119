package io.bouncedesk.ui.bounces;

import atlantafx.base.theme.Styles;
import io.bouncedesk.ui.common.DialogService;
import io.bouncedesk.ui.common.Messages;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The original bounce message as received: a table of its headers over its body in monospace.
 * Open it with {@link #show}; any screen that knows a bounce id can (Recipients row, contact history).
 */
public final class OriginalMessageDialog {

    private OriginalMessageDialog() {
    }

    /** Opens the viewer over {@code owner} and starts reading the message. */
    public static Stage show(Window owner, OriginalMessageViewModel vm, DialogService dialogs, Messages m,
                             String subtitle) {
        TableView<OriginalMessage.Header> headers = new TableView<>(vm.headers());
        headers.setId("originalHeaders");
        headers.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        headers.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<OriginalMessage.Header, String> name = new TableColumn<>(m.get("bounce.original.header"));
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        name.setPrefWidth(190);
        name.setMaxWidth(260);
        TableColumn<OriginalMessage.Header, String> value = new TableColumn<>(m.get("bounce.original.value"));
        value.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().value()));
        // Long values (Received, DKIM) are cut in the cell; the tooltip shows them whole.
        value.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty ? null : v);
                setTooltip(empty || v == null || v.length() < 80 ? null : new javafx.scene.control.Tooltip(v));
            }
        });
        name.setSortable(false);
        value.setSortable(false);
        headers.getColumns().setAll(java.util.List.of(name, value));
        headers.getStyleClass().add("mono-table");
        Label empty = new Label();
        empty.textProperty().bind(vm.statusProperty());
        empty.setWrapText(true);
        headers.setPlaceholder(empty);

        TextArea body = new TextArea();
        body.setId("originalBody");
        body.setEditable(false);
        body.getStyleClass().add("mono");
        body.textProperty().bind(vm.bodyProperty());

        SplitPane split = new SplitPane(headers, body);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.42);

        Label status = new Label();
        status.setId("originalStatus");
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.textProperty().bind(vm.statusProperty());
        Button copy = new Button(m.get("bounce.original.copy"), new FontIcon(Feather.COPY));
        copy.setId("copyOriginal");
        copy.disableProperty().bind(vm.loadedProperty().not());
        copy.setOnAction(e -> dialogs.copyToClipboard(vm.rawText()));
        Button close = new Button(m.get("bounce.close"));
        close.setId("closeOriginal");
        close.setDefaultButton(true);
        close.setCancelButton(true);

        BorderPane root = new BorderPane(split);
        root.setId("originalMessage");
        root.getStyleClass().add("bounce-dialog");
        VBox top = BounceDialogs.titleBlock(m.get("bounce.original.title"), subtitle);
        top.setPadding(new javafx.geometry.Insets(0, 0, 12, 0));
        root.setTop(top);
        VBox bottom = new VBox(BounceDialogs.buttonBar(status, copy, close));
        bottom.setPadding(new javafx.geometry.Insets(12, 0, 0, 0));
        root.setBottom(bottom);
        Stage stage = BounceDialogs.stage(owner, m.get("bounce.original.title"), root, 940, 640);
        close.setOnAction(e -> stage.close());
        stage.show();
        vm.load();
        return stage;
    }
}
