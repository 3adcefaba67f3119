package io.bouncedesk.ui.segments;

import atlantafx.base.theme.Styles;
import io.bouncedesk.domain.BounceCategory;
import io.bouncedesk.domain.ContactStatus;
import io.bouncedesk.service.EmailSummary;
import io.bouncedesk.ui.common.Messages;
import javafx.geometry.HPos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** The New segment form, bound field by field to {@link SegmentFormViewModel}. */
final class SegmentFormView extends VBox {

    SegmentFormView(SegmentFormViewModel vm, Messages m, Runnable cancel) {
        super(10);
        setId("segmentForm");
        setStyle("-fx-padding: 0 0 0 16;");
        Label title = new Label(m.get("segments.newTitle"));
        title.getStyleClass().add(Styles.TITLE_4);
        Label hint = new Label(m.get("segments.newHint"));
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);

        TextField name = new TextField();
        name.setId("segmentName");
        name.textProperty().bindBidirectional(vm.nameProperty());
        ComboBox<ContactStatus> status = combo("segmentStatus", withNull(ContactStatus.values()),
                s -> s == null ? m.get("segments.any") : m.of("status", s));
        status.valueProperty().bindBidirectional(vm.statusProperty());
        CheckBox known = new CheckBox(m.get("segments.reasonKnown"));
        known.setId("segmentReasonKnown");
        known.selectedProperty().bindBidirectional(vm.reasonKnownProperty());
        ComboBox<BounceCategory> category = combo("segmentCategory", withNull(BounceCategory.values()),
                c -> c == null ? m.get("segments.any") : m.of("category", c));
        category.valueProperty().bindBidirectional(vm.categoryProperty());
        TextField domain = new TextField();
        domain.setId("segmentDomain");
        domain.setPromptText("wp.pl");
        domain.textProperty().bindBidirectional(vm.domainProperty());
        CheckBox global = new CheckBox(m.get("segments.globalOnly"));
        global.setId("segmentGlobal");
        global.selectedProperty().bindBidirectional(vm.globalOnlyProperty());
        ComboBox<EmailSummary> email = new ComboBox<>();
        email.setId("segmentEmail");
        email.setMaxWidth(Double.MAX_VALUE);
        vm.emails().subscribe(() -> {
            List<EmailSummary> all = new ArrayList<>();
            all.add(null);
            all.addAll(vm.emails());
            email.getItems().setAll(all);
        });
        email.setConverter(converter(e -> e == null ? m.get("segments.any") : e.email().name()));
        email.valueProperty().bindBidirectional(vm.bouncedOnProperty());
        TextField source = new TextField();
        source.setId("segmentSource");
        source.textProperty().bindBidirectional(vm.sourceProperty());

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setHalignment(HPos.RIGHT);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, fields);
        int r = 0;
        grid.addRow(r++, new Label(m.get("segments.col.name")), name);
        grid.addRow(r++, new Label(m.get("segments.col.status")), status);
        grid.add(known, 1, r++);
        grid.addRow(r++, new Label(m.get("col.category")), category);
        grid.addRow(r++, new Label(m.get("segments.domain")), domain);
        grid.add(global, 1, r++);
        grid.addRow(r++, new Label(m.get("segments.bouncedOn")), email);
        grid.addRow(r, new Label(m.get("segments.col.source")), source);

        Label error = new Label();
        error.setId("segmentFormError");
        error.getStyleClass().add(Styles.DANGER);
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.managedProperty().bind(vm.errorProperty().isNotEmpty());
        Button save = new Button(m.get("segments.save"));
        save.setId("saveSegmentButton");
        save.getStyleClass().add(Styles.ACCENT);
        save.setDefaultButton(true);
        save.disableProperty().bind(vm.savingProperty());
        save.setOnAction(e -> vm.save());
        Button back = new Button(m.get("segments.cancel"));
        back.setId("cancelSegmentButton");
        back.setOnAction(e -> cancel.run());
        getChildren().addAll(title, hint, grid, error, new HBox(8, save, back));
    }

    @SafeVarargs
    private static <T> List<T> withNull(T... values) {
        List<T> list = new ArrayList<>();
        list.add(null);
        list.addAll(Arrays.asList(values));
        return list;
    }

    private static <T> ComboBox<T> combo(String id, List<T> items, Function<T, String> text) {
        ComboBox<T> c = new ComboBox<>();
        c.setId(id);
        c.getItems().setAll(items);
        c.setConverter(converter(text));
        c.setMaxWidth(Double.MAX_VALUE);
        return c;
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return text.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
