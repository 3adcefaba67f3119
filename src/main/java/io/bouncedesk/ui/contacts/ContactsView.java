package io.bouncedesk.ui.contacts;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import io.bouncedesk.domain.BounceCategory;
import io.bouncedesk.domain.ContactStatus;
import io.bouncedesk.persistence.ContactListDao.Sort;
import io.bouncedesk.ui.common.Messages;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;
import java.util.function.Function;

/**
 * The Contacts list: search, the filters, and the paged table sorted by the database. Enter or a
 * double click opens the record. It only binds and forwards to {@link ContactsViewModel}.
 */
public final class ContactsView extends BorderPane {

    private final ContactsViewModel vm;
    private final Messages m;
    private final TableView<ContactItem> table = new TableView<>();
    private final PauseTransition searchPause = new PauseTransition(Duration.millis(250));
    private boolean showingItems;

    public ContactsView(ContactsViewModel vm, Messages messages) {
        this.vm = vm;
        this.m = messages;
        getStylesheets().add(StatusChip.stylesheet());
        getStyleClass().add("contacts-view");
        Label title = new Label(m.get("contacts.title"));
        title.getStyleClass().add(Styles.TITLE_3);
        VBox header = new VBox(2, title, toolbar());
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
        setUpTable();
        VBox center = new VBox(busy, error, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        setCenter(center);
    }

    private Node toolbar() {
        CustomTextField search = new CustomTextField(vm.searchProperty().get());
        search.setId("contactsSearch");
        search.setPromptText(m.get("contacts.search"));
        search.setLeft(new FontIcon(Feather.SEARCH));
        search.setPrefWidth(360);
        searchPause.setOnFinished(e -> vm.search(search.getText()));
        search.textProperty().subscribe(t -> searchPause.playFromStart());
        search.setOnAction(e -> {
            searchPause.stop();
            vm.search(search.getText());
        });

        ComboBox<ContactStatus> status = choice("statusFilter", ContactStatus.values(), "contacts.anyStatus",
                s -> m.of("status", s));
        status.valueProperty().bindBidirectional(vm.statusProperty());
        ComboBox<BounceCategory> category = choice("categoryFilter", BounceCategory.values(), "contacts.anyCategory",
                c -> m.of("category", c));
        category.valueProperty().bindBidirectional(vm.categoryProperty());
        CheckBox known = new CheckBox(m.get("contacts.reasonKnown"));
        known.setId("bounceReasonKnownFilter");
        known.selectedProperty().bindBidirectional(vm.reasonKnownProperty());
        CheckBox global = new CheckBox(m.get("contacts.globalOnly"));
        global.setId("globalBounceFilter");
        global.selectedProperty().bindBidirectional(vm.globalOnlyProperty());

        Label count = new Label();
        count.setId("contactsCount");
        count.getStyleClass().add(Styles.TEXT_MUTED);
        count.textProperty().bind(Bindings.createStringBinding(() -> m.format("contacts.count",
                vm.itemsProperty().get().size()), vm.itemsProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // Two rows: the filters keep their full labels at 1280 px.
        HBox first = new HBox(10, search, spacer, count);
        first.setAlignment(Pos.CENTER_LEFT);
        HBox filters = new HBox(10, status, category, known, global);
        filters.setAlignment(Pos.CENTER_LEFT);
        VBox bar = new VBox(8, first, filters);
        bar.getStyleClass().add("table-toolbar");
        return bar;
    }

    /** A filter choice whose empty value reads "Any …". */
    private <T> ComboBox<T> choice(String id, T[] values, String anyKey, Function<T, String> label) {
        ObservableList<T> options = FXCollections.observableArrayList();
        options.add(null);
        options.addAll(values);
        ComboBox<T> box = new ComboBox<>(options);
        box.setId(id);
        box.setPrefWidth(220);
        box.setCellFactory(l -> cell(anyKey, label));
        box.setButtonCell(cell(anyKey, label));
        return box;
    }

    private <T> ListCell<T> cell(String anyKey, Function<T, String> label) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? m.get(anyKey) : label.apply(item));
            }
        };
    }

    private void setUpTable() {
        table.setId("contactsTable");
        table.getStyleClass().addAll(Styles.STRIPED, "contacts-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setFixedCellSize(39);
        table.getColumns().setAll(List.of(
                column("contacts.col.address", Sort.ADDRESS, 240, i -> i.item().contact().address().address()),
                column("contacts.col.name", Sort.NAME, 170, i -> i.item().contact().displayName()),
                column("contacts.col.company", Sort.COMPANY, 160, i -> i.item().contact().company()),
                statusColumn(),
                column("contacts.col.hardBounceReason", Sort.BOUNCE_REASON, 260, this::reason)));
        io.bouncedesk.ui.common.TableOpening.onDoubleClickOrEnter(table, vm::open);
        table.setSortPolicy(t -> {
            if (!showingItems) {
                TableColumn<ContactItem, ?> first = t.getSortOrder().isEmpty() ? null : t.getSortOrder().get(0);
                vm.sortBy(first == null ? null : (Sort) first.getUserData(),
                        first != null && first.getSortType() == TableColumn.SortType.DESCENDING);
            }
            return true;
        });
        vm.itemsProperty().subscribe(this::showItems);
    }

    /** "Unknown user · userunknown" for contacts whose current address hard-bounced. */
    private String reason(ContactItem i) {
        var item = i.item();
        if (item.category() == null) {
            return item.contact().address().globalBounced() ? m.get("contacts.globalBounce") : "";
        }
        return m.of("category", item.category()) + " · " + item.reason().code();
    }

    /** The table resets its sort state when items change; put back the one the list was read in. */
    private void showItems(ObservableList<ContactItem> items) {
        showingItems = true;
        try {
            table.setItems(items);
            Label empty = new Label(vm.busyProperty().get() ? m.get("table.loading") : m.get("contacts.empty"));
            empty.getStyleClass().add(Styles.TEXT_MUTED);
            table.setPlaceholder(empty);
            Sort sort = vm.sortProperty().get();
            table.getColumns().stream().filter(c -> sort != Sort.ID && c.getUserData() == sort).findFirst()
                    .ifPresentOrElse(c -> {
                        c.setSortType(vm.descendingProperty().get() ? TableColumn.SortType.DESCENDING
                                : TableColumn.SortType.ASCENDING);
                        table.getSortOrder().setAll(List.of(c));
                    }, () -> table.getSortOrder().clear());
        } finally {
            showingItems = false;
        }
    }

    private TableColumn<ContactItem, String> statusColumn() {
        TableColumn<ContactItem, String> c = column("contacts.col.status", Sort.STATUS, 130, i -> "");
        c.setCellFactory(col -> new TableCell<>() {
            private final Label chip = new Label();

            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                ContactItem row = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (row == null || row.isPlaceholder()) {
                    setGraphic(null);
                } else {
                    StatusChip.set(chip, row.item().contact().status(), m);
                    setGraphic(chip);
                }
            }
        });
        return c;
    }

    private TableColumn<ContactItem, String> column(String key, Sort sort, double width,
                                                    Function<ContactItem, String> value) {
        TableColumn<ContactItem, String> c = new TableColumn<>(m.get(key));
        c.setId(key.replace('.', '-'));
        c.setUserData(sort);
        c.setPrefWidth(width);
        c.setMinWidth(60);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue() == null || d.getValue().isPlaceholder()
                ? (key.equals("contacts.col.address") && d.getValue() != null ? m.get("table.loadingRow") : "")
                : value.apply(d.getValue())));
        return c;
    }

    /** Stops the search timer and page loads; call when the view is left. */
    public void dispose() {
        searchPause.stop();
    }
}
