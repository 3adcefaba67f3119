package io.bouncedesk.ui.common;

import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;

import java.util.function.Consumer;

/** Lists open the item a user double-clicks or presses Enter on. */
public final class TableOpening {

    private TableOpening() {
    }

    public static <T> void onDoubleClickOrEnter(TableView<T> table, Consumer<T> open) {
        table.setRowFactory(t -> {
            TableRow<T> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    open.accept(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                open.accept(table.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
    }
}
