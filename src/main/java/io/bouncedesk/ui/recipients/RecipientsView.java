package io.bouncedesk.ui.recipients;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import io.bouncedesk.domain.RecipientTab;
import io.bouncedesk.persistence.RecipientQuery;
import io.bouncedesk.ui.bounces.BounceActions;
import io.bouncedesk.ui.common.Formats;
import io.bouncedesk.ui.common.Messages;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.util.List;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Recipients view of one email: tabs with counts, search, the Hard / Soft / All switch, the
 * paged table (sorted by the database through its sort policy) with rows that expand in place, the
 * View details side panel and the Export button. It only binds and forwards to its view models.
 */
public final class RecipientsView extends BorderPane {

    private final RecipientsViewModel vm;
    private final Messages m;
    private final Formats f;
    private final TableView<RecipientItem> table = new TableView<>();
    private final RecipientColumns columns;
    private final BounceActions bounces;
    private final Timeline liveCounts;
    private final PauseTransition searchPause = new PauseTransition(Duration.millis(250));
    private boolean showingItems;
    /** Actions other features add beside the table (e.g. "Create segment from these recipients"). */
    private final HBox tableActions = new HBox(8);
    /** AtlantaFX's natural row height at the default font size (a cell's text plus its padding). */
    private static final double ROW_HEIGHT = 39;

    /** @param bounces the original-message viewer and Reclassify of a bounced row; null to offer neither */
    public RecipientsView(RecipientsViewModel vm, EmailDetailsViewModel details, RecipientsExportViewModel export,
                          Messages messages, Formats formats, String emailName, String subtitle, Runnable back,
                          BounceActions bounces) {
        this.vm = vm;
        this.bounces = bounces;
        this.m = messages;
        this.f = formats;
        this.columns = new RecipientColumns(messages, formats);
        getStyleClass().add("recipients-view");
        setTop(header(details, export, emailName, subtitle, back));
        setCenter(new RecipientTabs(vm, messages, formats, content(new EmailDetailsPanel(details, messages, formats),
                details)));
        // "Live" counts: re-read every 30 s while the view is open (cheap grouped, indexed queries).
        liveCounts = new Timeline(new KeyFrame(Duration.seconds(30), e -> vm.refreshCounts()));
        liveCounts.setCycleCount(Timeline.INDEFINITE);
        liveCounts.play();
    }

    private Node header(EmailDetailsViewModel details, RecipientsExportViewModel export, String emailName,
                        String subtitle, Runnable back) {
        Button backButton = new Button(m.get("recipients.back"), new FontIcon(Feather.CHEVRON_LEFT));
        backButton.setId("backToEmails");
        backButton.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        backButton.setOnAction(e -> back.run());
        Label title = new Label(emailName);
        title.setId("recipientsTitle");
        title.getStyleClass().add(Styles.TITLE_3);
        Label sub = new Label(subtitle);
        sub.getStyleClass().add(Styles.TEXT_MUTED);
        VBox titles = new VBox(2, backButton, title, sub);

        ToggleButton detailsButton = new ToggleButton(m.get("recipients.viewDetails"), new FontIcon(Feather.INFO));
        detailsButton.setId("viewDetailsButton");
        detailsButton.selectedProperty().bindBidirectional(details.shownProperty());
        MenuItem current = new MenuItem(m.get("export.currentTab"));
        current.setId("exportCurrentTab");
        current.setOnAction(e -> export.chooseFileAndExport(false));
        MenuItem all = new MenuItem(m.get("export.allTabs"));
        all.setId("exportAllTabs");
        all.setOnAction(e -> export.chooseFileAndExport(true));
        MenuButton exportButton = new MenuButton(m.get("recipients.export"), new FontIcon(Feather.DOWNLOAD), current, all);
        exportButton.setId("exportButton");
        Button refresh = new Button(null, new FontIcon(Feather.REFRESH_CW));
        refresh.setId("refreshRecipients");
        refresh.getStyleClass().add(Styles.BUTTON_ICON);
        refresh.setOnAction(e -> vm.load());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ProgressBar exportProgress = new ProgressBar();
        exportProgress.progressProperty().bind(export.progressProperty());
        Button cancelExport = new Button(m.get("export.cancel"), new FontIcon(Feather.X));
        cancelExport.setId("cancelExport");
        cancelExport.getStyleClass().add(Styles.SMALL);
        cancelExport.setOnAction(e -> export.cancel());
        HBox exporting = new HBox(6, exportProgress, cancelExport);
        exporting.setAlignment(Pos.CENTER);
        exporting.visibleProperty().bind(export.runningProperty());
        exporting.managedProperty().bind(export.runningProperty());
        exportButton.disableProperty().bind(export.runningProperty().or(new SimpleBooleanProperty(!export.canExport())));
        HBox header = new HBox(8, titles, spacer, exporting, refresh, detailsButton, exportButton);
        header.setAlignment(Pos.BOTTOM_LEFT);
        header.getStyleClass().add("screen-header");
        return header;
    }

    /** Search bar over the table, with the details panel beside the table (the tabs keep the full width). */
    private Node content(EmailDetailsPanel panel, EmailDetailsViewModel details) {
        CustomTextField search = new CustomTextField();
        search.setId("recipientsSearch");
        search.setPromptText(m.get("recipients.search"));
        search.setLeft(new FontIcon(Feather.SEARCH));
        search.setPrefWidth(320);
        searchPause.setOnFinished(e -> vm.search(search.getText()));
        search.textProperty().subscribe(t -> searchPause.playFromStart());
        search.setOnAction(e -> {
            searchPause.stop();
            vm.search(search.getText());
        });
        Label matching = new Label();
        matching.setId("recipientsMatching");
        matching.getStyleClass().add(Styles.TEXT_MUTED);
        matching.textProperty().bind(Bindings.createStringBinding(() -> vm.shownSearchProperty().get().isEmpty()
                        ? m.format("recipients.count", vm.itemsProperty().get().size())
                        : m.format("recipients.matching", vm.itemsProperty().get().size(), vm.shownSearchProperty().get()),
                vm.itemsProperty(), vm.shownSearchProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        tableActions.setAlignment(Pos.CENTER_LEFT);
        HBox toolbar = new HBox(10, search, new BounceTypeSwitch(vm, m, f), spacer, matching, tableActions);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.getStyleClass().add("table-toolbar");

        ProgressBar busy = new ProgressBar();
        busy.setId("recipientsBusy");
        busy.setMaxWidth(Double.MAX_VALUE);
        busy.getStyleClass().add("busy-bar");
        busy.visibleProperty().bind(vm.busyProperty());
        Label error = new Label();
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(vm.errorProperty());
        error.managedProperty().bind(vm.errorProperty().isNotEmpty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());

        setUpTable();
        BorderPane box = new BorderPane(table);
        box.setTop(new VBox(toolbar, busy, error));
        details.shownProperty().subscribe(shown -> box.setRight(shown ? panel : null));
        box.getStyleClass().add("recipients-content");
        return box;
    }

    private void setUpTable() {
        table.setId("recipientsTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getStyleClass().addAll(Styles.STRIPED, "recipients-table");
        vm.itemsProperty().subscribe(this::showItems);
        vm.selectedProperty().bind(table.getSelectionModel().selectedItemProperty());
        table.setRowFactory(t -> {
            ExpandableRecipientRow row = new ExpandableRecipientRow(vm, this::detailOf);
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    activate(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                activate(table.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        table.setContextMenu(contextMenu());
        // Sorting goes to the database: the policy turns the header state into a new query.
        table.setSortPolicy(t -> {
            if (showingItems) {
                return true; // the table resetting its own sort state, not the user sorting
            }
            TableColumn<RecipientItem, ?> first = t.getSortOrder().isEmpty() ? null : t.getSortOrder().get(0);
            RecipientQuery.Sort sort = first == null ? null : (RecipientQuery.Sort) first.getUserData();
            vm.sortBy(sort, first != null && first.getSortType() == TableColumn.SortType.DESCENDING);
            return true;
        });
        vm.tabProperty().subscribe(this::showColumns);
        vm.expandedIds().subscribe(() -> {
            fixRowHeight();
            table.refresh();
        });
        fixRowHeight();
        vm.details().subscribe(table::refresh);
        vm.itemsProperty().subscribe(items -> table.setPlaceholder(placeholder()));
    }

    /**
     * Rows of one height while no row is expanded: the VirtualFlow then places rows by arithmetic.
     * With varying heights it sums row sizes up to the scroll position, which costs frames on a
     * list of a million. Only an expanded row (on the short Bounced, Pending and Not sent tabs)
     * needs varying heights.
     */
    private void fixRowHeight() {
        table.setFixedCellSize(vm.expandedIds().isEmpty() ? ROW_HEIGHT : -1);
    }

    /**
     * A new list: TableView clears its sort order whenever its items change (unless they are a
     * SortedList), so the sort state the list was read in is put back on the column headers,
     * without sending the sort to the database a second time.
     */
    private int firstVisibleRow() {
        if (table.lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> flow
                && flow.getFirstVisibleCell() != null) {
            return Math.max(0, flow.getFirstVisibleCell().getIndex());
        }
        return 0;
    }

    private void showItems(ObservableList<RecipientItem> items) {
        showingItems = true;
        try {
            int top = firstVisibleRow();
            table.setItems(items);
            table.refresh(); // new rows: drop the heights the old rows (some expanded) left behind
            if (!items.isEmpty()) {
                // a new tab, search or sort starts at its top; a refresh of the same list stays put
                table.scrollTo(vm.keepsPosition() ? Math.min(top, items.size() - 1) : 0);
            }
            RecipientQuery.Sort sort = vm.sortProperty().get();
            table.getColumns().stream().filter(c -> sort != RecipientQuery.Sort.ID && c.getUserData() == sort)
                    .findFirst().ifPresentOrElse(c -> {
                        c.setSortType(vm.descendingProperty().get() ? TableColumn.SortType.DESCENDING
                                : TableColumn.SortType.ASCENDING);
                        table.getSortOrder().setAll(List.of(c));
                    }, () -> table.getSortOrder().clear());
        } finally {
            showingItems = false;
        }
    }

    private void showColumns(RecipientTab tab) {
        showingItems = true;
        table.getSortOrder().clear();
        showingItems = false;
        var cols = columns.forTab(tab);
        if (vm.expandable()) {
            cols.add(0, new ExpanderColumn(vm, m));
        }
        table.getColumns().setAll(cols);
    }

    private Node detailOf(RecipientItem item) {
        return new RecipientDetailView(item, vm.details().get(item.recipient().id()), m, f,
                () -> vm.openContact(item), bounces, vm::load);
    }

    /** Double click or Enter: expands a Bounced / Pending / Not sent row, otherwise opens the contact. */
    private void activate(RecipientItem item) {
        if (vm.expandable(item)) {
            vm.toggleExpanded(item);
        } else {
            vm.openContact(item);
        }
    }

    private ContextMenu contextMenu() {
        MenuItem expand = new MenuItem(m.get("action.showDetail"), new FontIcon(Feather.CHEVRON_DOWN));
        expand.setOnAction(e -> vm.toggleExpanded(table.getSelectionModel().getSelectedItem()));
        MenuItem contact = new MenuItem(m.get("action.openContact"), new FontIcon(Feather.USER));
        contact.setOnAction(e -> vm.openContact(table.getSelectionModel().getSelectedItem()));
        ContextMenu menu = new ContextMenu(expand, contact);
        menu.setOnShowing(e -> expand.setDisable(!vm.expandable(table.getSelectionModel().getSelectedItem())));
        return menu;
    }

    private Node placeholder() {
        ObservableList<RecipientItem> items = vm.itemsProperty().get();
        Label l = new Label(vm.busyProperty().get() && items.isEmpty() ? m.get("table.loading")
                : vm.shownSearchProperty().get().isEmpty() ? m.get("table.emptyTab")
                : m.format("table.noMatch", vm.shownSearchProperty().get()));
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return l;
    }

    /** Adds an action at the right end of the table's toolbar. */
    public void addTableAction(Node action) {
        tableActions.getChildren().add(action);
    }

    /** Stops the live counts; call when the view is left. */
    public void dispose() {
        liveCounts.stop();
        searchPause.stop();
    }

    TableView<RecipientItem> table() {
        return table;
    }

}
