package io.bouncedesk.ui.recipients;

import atlantafx.base.theme.Styles;
import io.bouncedesk.ui.common.Messages;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The narrow first column of expandable tabs: a chevron that opens or closes a row's detail. */
final class ExpanderColumn extends TableColumn<RecipientItem, RecipientItem> {

    ExpanderColumn(RecipientsViewModel vm, Messages m) {
        setId("expanderColumn");
        setSortable(false);
        setReorderable(false);
        setResizable(false);
        setPrefWidth(40);
        setMinWidth(40);
        setMaxWidth(40);
        getStyleClass().add("expander-column");
        setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        setCellFactory(c -> new TableCell<>() {
            private final Button button = new Button();

            {
                button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL, "row-expander");
                button.setTooltip(new Tooltip(m.get("action.showDetail")));
                button.setOnAction(e -> vm.toggleExpanded(getItem()));
            }

            @Override
            protected void updateItem(RecipientItem item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || !vm.expandable(item)) {
                    setGraphic(null);
                    return;
                }
                button.setGraphic(new FontIcon(vm.isExpanded(item) ? Feather.CHEVRON_DOWN : Feather.CHEVRON_RIGHT));
                setGraphic(button);
            }
        });
    }
}
