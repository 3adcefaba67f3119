package io.bouncedesk.ui.audit;

import atlantafx.base.theme.Styles;
import io.bouncedesk.persistence.AuditEntry;
import io.bouncedesk.ui.common.Formats;
import io.bouncedesk.ui.common.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;
import java.util.function.Function;

/** The read-only audit log: filters over a paged table, newest first. */
public final class AuditView extends BorderPane {

    private final AuditViewModel vm;
    private final Messages m;
    private final Formats f;
    private final AuditText text;

    public AuditView(AuditViewModel vm, Messages messages, Formats formats) {
        this.vm = vm;
        this.m = messages;
        this.f = formats;
        this.text = new AuditText(messages, formats);
        getStylesheets().add(AuditView.class.getResource("/io/bouncedesk/ui/contacts/contacts.css").toExternalForm());
        Label title = new Label(m.get("audit.title"));
        title.getStyleClass().add(Styles.TITLE_3);
        Label sub = new Label(m.get("audit.subtitle"));
        sub.getStyleClass().add(Styles.TEXT_MUTED);
        VBox header = new VBox(2, title, sub, toolbar());
        header.getStyleClass().add("screen-header");
        setTop(header);
        ProgressBar busy = new ProgressBar();
        busy.setMaxWidth(Double.MAX_VALUE);
        busy.getStyleClass().add("busy-bar");
        busy.visibleProperty().bind(vm.busyProperty());
        Label error = new Label();
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(vm.errorProperty());
        error.managedProperty().bind(vm.errorProperty().isNotEmpty());
        TableView<AuditItem> table = table();
        VBox center = new VBox(busy, error, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        setCenter(center);
    }

    private Node toolbar() {
        ComboBox<String> user = choice("auditUserFilter", vm.users(), "audit.anyUser", name -> name);
        user.valueProperty().bindBidirectional(vm.userProperty());
        ComboBox<String> action = choice("auditActionFilter", vm.actions(), "audit.anyAction", text::action);
        action.valueProperty().bindBidirectional(vm.actionProperty());
        DatePicker from = new DatePicker();
        from.setId("auditFrom");
        from.setPromptText(m.get("audit.from"));
        from.setPrefWidth(150);
        from.valueProperty().bindBidirectional(vm.fromProperty());
        DatePicker to = new DatePicker();
        to.setId("auditTo");
        to.setPromptText(m.get("audit.to"));
        to.setPrefWidth(150);
        to.valueProperty().bindBidirectional(vm.toProperty());
        Button clear = new Button(m.get("audit.clear"), new FontIcon(Feather.X));
        clear.setId("auditClear");
        clear.getStyleClass().add(Styles.FLAT);
        clear.setOnAction(e -> vm.clearFilters());
        Label count = new Label();
        count.setId("auditCount");
        count.getStyleClass().add(Styles.TEXT_MUTED);
        count.textProperty().bind(Bindings.createStringBinding(() -> m.format("audit.count",
                vm.itemsProperty().get().size()), vm.itemsProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(10, user, action, from, to, clear, spacer, count);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("table-toolbar");
        return bar;
    }

    /** A choice over values found in the log; its empty value reads "Any …". */
    private ComboBox<String> choice(String id, ObservableList<String> values, String anyKey,
                                    java.util.function.UnaryOperator<String> label) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(id);
        box.setPrefWidth(200);
        Runnable fill = () -> {
            String kept = box.getValue();
            box.getItems().setAll(values);
            box.getItems().add(0, null);
            box.setValue(kept);
        };
        fill.run();
        values.addListener((ListChangeListener<String>) c -> fill.run());
        box.setCellFactory(l -> cell(anyKey, label));
        box.setButtonCell(cell(anyKey, label));
        return box;
    }

    private ListCell<String> cell(String anyKey, java.util.function.UnaryOperator<String> label) {
        return new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? m.get(anyKey) : label.apply(item));
            }
        };
    }

    private TableView<AuditItem> table() {
        TableView<AuditItem> t = new TableView<>();
        t.setId("auditTable");
        t.getStyleClass().addAll(Styles.STRIPED, "audit-table");
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setFixedCellSize(39);
        t.getColumns().setAll(List.of(
                column("audit.col.when", 190, e -> f.dateTime(e.at())),
                column("audit.col.who", 90, AuditEntry::username),
                column("audit.col.action", 220, e -> text.action(e.action())),
                column("audit.col.subject", 230, e -> text.subject(e.action(), e.subject())),
                column("audit.col.before", 200, e -> text.details(e.beforeJson())),
                column("audit.col.after", 240, e -> text.details(e.afterJson()))));
        t.setRowFactory(tv -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(AuditItem item, boolean empty) {
                super.updateItem(item, empty);
                // Before and after can be long JSON: the whole entry shows on hover.
                setTooltip(empty || item == null || item.isPlaceholder() ? null : new Tooltip(
                        m.format("audit.tooltip", text.details(item.entry().beforeJson()),
                                text.details(item.entry().afterJson()))));
            }
        });
        vm.itemsProperty().subscribe(items -> {
            t.setItems(items);
            Label empty = new Label(m.get("audit.empty"));
            empty.getStyleClass().add(Styles.TEXT_MUTED);
            t.setPlaceholder(empty);
        });
        return t;
    }

    private TableColumn<AuditItem, String> column(String key, double width, Function<AuditEntry, String> value) {
        TableColumn<AuditItem, String> c = new TableColumn<>(m.get(key));
        c.setId(key.replace('.', '-'));
        c.setSortable(false); // always newest first, by the database
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 176));
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue() == null || d.getValue().isPlaceholder()
                ? "" : value.apply(d.getValue().entry())));
        return c;
    }
}
