package io.bouncedesk.ui.segments;

import atlantafx.base.theme.Styles;
import io.bouncedesk.persistence.ContactRow;
import io.bouncedesk.ui.common.Formats;
import io.bouncedesk.ui.common.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.function.Function;

/** Segments: the list on the left; the selected segment's members, or the New segment form, on the right. */
public final class SegmentsView extends BorderPane {

    private final SegmentsViewModel vm;
    private final Messages m;
    private final Formats f;
    private final TableView<SegmentsViewModel.SegmentItem> list = new TableView<>();
    private final TableView<ContactRow> members = new TableView<>();
    private final ToggleButton create;

    public SegmentsView(SegmentsViewModel vm, SegmentFormViewModel form, Messages messages, Formats formats) {
        this.vm = vm;
        this.m = messages;
        this.f = formats;
        getStyleClass().add("segments-view");
        create = new ToggleButton(m.get("segments.new"), new FontIcon(Feather.PLUS));
        create.setId("createSegmentButton");
        create.getStyleClass().add(Styles.ACCENT);
        create.setDisable(!vm.canEdit());
        setTop(header());
        SegmentFormView formView = new SegmentFormView(form, m, () -> create.setSelected(false));
        Node membersPane = membersPane();
        BorderPane right = new BorderPane(membersPane);
        create.selectedProperty().subscribe(on -> right.setCenter(on ? formView : membersPane));
        SplitPane split = new SplitPane(listPane(), right);
        split.setDividerPositions(0.44);
        setCenter(split);
    }

    /** Shows the form (pre-filled by the caller) as if New segment had been clicked. */
    public void showForm() {
        create.setSelected(true);
    }

    /** Back to the members, after a segment was created. */
    public void showMembers() {
        create.setSelected(false);
    }

    private Node header() {
        Label title = new Label(m.get("segments.title"));
        title.getStyleClass().add(Styles.TITLE_3);
        Label hint = new Label(vm.canEdit() ? m.get("segments.hint") : vm.readOnlyReason());
        hint.setId("segmentsHint");
        hint.getStyleClass().add(vm.canEdit() ? Styles.TEXT_MUTED : Styles.WARNING);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, new VBox(2, title, hint), spacer, create);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("screen-header");
        return header;
    }

    private Node listPane() {
        list.setId("segmentsTable");
        list.setItems(vm.items());
        list.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        list.getStyleClass().add(Styles.STRIPED);
        list.getColumns().add(col(m.get("segments.col.name"), i -> i.segment().name(), 220));
        list.getColumns().add(col(m.get("segments.col.kind"), i -> m.get(i.segment().dynamic()
                ? "segments.dynamic" : "segments.static"), 90));
        TableColumn<SegmentsViewModel.SegmentItem, String> count = col(m.get("segments.col.members"),
                i -> f.number(i.members()), 90);
        count.setId("col-members");
        count.setStyle("-fx-alignment: CENTER-RIGHT;");
        list.getColumns().add(count);
        Label empty = new Label(m.get("segments.empty"));
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        empty.setWrapText(true);
        list.setPlaceholder(empty);
        // Selection goes both ways: the view model picks the first or the new segment after a load.
        vm.selectedProperty().subscribe(s -> {
            if (list.getSelectionModel().getSelectedItem() != s) {
                list.getSelectionModel().select(s);
            }
        });
        list.getSelectionModel().selectedItemProperty().subscribe(s -> {
            if (s != null && s != vm.selectedProperty().get()) {
                vm.selectedProperty().set(s);
            }
        });
        return list;
    }

    private Node membersPane() {
        Label name = new Label();
        name.getStyleClass().add(Styles.TITLE_4);
        name.textProperty().bind(Bindings.createStringBinding(() -> vm.selectedProperty().get() == null
                ? m.get("segments.noneSelected") : vm.selectedProperty().get().segment().name(), vm.selectedProperty()));
        Label filter = new Label();
        filter.setId("segmentFilterText");
        filter.getStyleClass().add(Styles.TEXT_MUTED);
        filter.setWrapText(true);
        filter.textProperty().bind(Bindings.createStringBinding(() -> vm.selectedProperty().get() == null ? ""
                : vm.describe(vm.selectedProperty().get().segment()) + "\n" + m.format("segments.createdBy",
                vm.selectedProperty().get().segment().createdBy(),
                f.dateTime(vm.selectedProperty().get().segment().createdAt())), vm.selectedProperty()));
        Label count = new Label();
        count.setId("segmentMemberCount");
        count.textProperty().bind(Bindings.createStringBinding(() -> m.format("segments.memberCount",
                vm.memberCountProperty().get(), vm.members().size()), vm.memberCountProperty(), vm.members()));
        Button export = new Button(m.get("segments.export"), new FontIcon(Feather.DOWNLOAD));
        export.setId("exportSegmentButton");
        export.disableProperty().bind(vm.selectedProperty().isNull().or(new ReadOnlyObjectWrapper<>(vm.canExport())
                .isEqualTo(false)));
        export.setOnAction(e -> vm.chooseFileAndExport());
        Button delete = new Button(m.get("segments.delete"), new FontIcon(Feather.TRASH_2));
        delete.setId("deleteSegmentButton");
        delete.getStyleClass().add(Styles.DANGER);
        delete.disableProperty().bind(vm.selectedProperty().isNull().or(
                new ReadOnlyObjectWrapper<>(vm.canEdit()).isEqualTo(false)));
        delete.setOnAction(e -> vm.delete());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox actions = new HBox(8, count, spacer, delete, export);
        actions.setAlignment(Pos.CENTER_LEFT);

        members.setId("segmentMembersTable");
        members.setItems(vm.members());
        members.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        members.getStyleClass().add(Styles.STRIPED);
        members.getColumns().add(memberCol(m.get("col.address"), c -> c.address().address(), 200));
        members.getColumns().add(memberCol(m.get("col.contact"), ContactRow::displayName, 140));
        members.getColumns().add(memberCol(m.get("segments.col.status"), c -> m.of("status", c.status()), 100));
        members.getColumns().add(memberCol(m.get("segments.col.source"), c -> c.source() == null ? "" : c.source(), 100));
        Label none = new Label(m.get("segments.noMembers"));
        none.getStyleClass().add(Styles.TEXT_MUTED);
        members.setPlaceholder(none);
        Button more = new Button(m.get("segments.showMore"));
        more.setId("segmentShowMore");
        more.visibleProperty().bind(vm.moreProperty());
        more.managedProperty().bind(vm.moreProperty());
        more.setOnAction(e -> vm.showMore());
        Label error = new Label();
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(vm.errorProperty());
        error.managedProperty().bind(vm.errorProperty().isNotEmpty());
        VBox box = new VBox(6, name, filter, actions, error, members, more);
        VBox.setVgrow(members, Priority.ALWAYS);
        box.getStyleClass().add("segment-members");
        box.setStyle("-fx-padding: 0 0 0 12;");
        return box;
    }

    private static <T> TableColumn<T, String> col(String title, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    private static TableColumn<ContactRow, String> memberCol(String title, Function<ContactRow, String> value,
                                                             double width) {
        return col(title, value, width);
    }
}
