package io.bouncedesk.ui.settings;

import atlantafx.base.theme.Styles;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.layout.GridPane;

import java.util.function.Function;

/** The few pieces the settings panes share: message lines, form grids and text columns. */
final class Forms {

    private Forms() {
    }

    static Label message(ReadOnlyStringProperty text, String style) {
        Label l = new Label();
        l.getStyleClass().add(style);
        l.setWrapText(true);
        l.textProperty().bind(text);
        l.managedProperty().bind(text.isNotEmpty());
        l.visibleProperty().bind(text.isNotEmpty());
        return l;
    }

    /** The read-only notice, or nothing when the user may change the settings. */
    static Node readOnly(String reason, String id) {
        Label l = new Label(reason);
        l.setId(id);
        l.getStyleClass().addAll(Styles.WARNING, "read-only-reason");
        l.setWrapText(true);
        l.setManaged(!reason.isEmpty());
        l.setVisible(!reason.isEmpty());
        return l;
    }

    static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        return g;
    }

    static <T> TableColumn<T, String> col(String title, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TITLE_4);
        return l;
    }

    static Label hint(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        l.setWrapText(true);
        return l;
    }
}
