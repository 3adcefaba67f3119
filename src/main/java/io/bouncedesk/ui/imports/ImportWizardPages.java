package io.bouncedesk.ui.imports;

import atlantafx.base.theme.Styles;
import io.bouncedesk.bounce.provider.ProviderFormat;
import io.bouncedesk.service.ColumnMapping;
import io.bouncedesk.service.CsvPreview;
import io.bouncedesk.ui.common.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.nio.charset.Charset;
import java.util.List;
import java.util.function.Function;

/** The pages of the import wizard, one node per step, bound to its view model. */
final class ImportWizardPages {

    private final ImportWizardViewModel vm;
    private final Messages m;

    ImportWizardPages(ImportWizardViewModel vm, Messages m) {
        this.vm = vm;
        this.m = m;
    }

    /** What to import and the file. */
    Node kind() {
        ToggleGroup group = new ToggleGroup();
        VBox kinds = new VBox(10);
        for (ImportKind k : ImportKind.values()) {
            RadioButton r = new RadioButton(m.get("import.kind." + k.name()));
            r.setId("importKind-" + k.name().toLowerCase(java.util.Locale.ROOT));
            r.setToggleGroup(group);
            r.setUserData(k);
            r.setSelected(vm.kindProperty().get() == k);
            Label hint = muted(m.get("import.kind." + k.name() + ".hint"));
            hint.setPadding(new javafx.geometry.Insets(0, 0, 0, 26));
            kinds.getChildren().add(new VBox(2, r, hint));
        }
        group.selectedToggleProperty().subscribe(t -> {
            if (t != null) {
                vm.kindProperty().set((ImportKind) t.getUserData());
            }
        });
        ComboBox<ProviderFormat> provider = new ComboBox<>();
        provider.getItems().setAll(ProviderFormat.values());
        provider.setId("importProvider");
        provider.setConverter(converter(ProviderFormat::label));
        provider.valueProperty().bindBidirectional(vm.providerProperty());
        HBox providerRow = new HBox(10, new Label(m.get("import.provider")), provider);
        providerRow.setAlignment(Pos.CENTER_LEFT);
        providerRow.setPadding(new javafx.geometry.Insets(0, 0, 0, 26));
        providerRow.visibleProperty().bind(vm.kindProperty().isEqualTo(ImportKind.PROVIDER_EVENTS));
        providerRow.managedProperty().bind(providerRow.visibleProperty());
        kinds.getChildren().add(3, providerRow);

        TextField path = new TextField();
        path.setId("importFile");
        path.setPromptText(m.get("import.noFile"));
        // A path can be pasted as well as chosen.
        vm.fileProperty().subscribe(f -> {
            String text = f == null ? "" : f.toString();
            if (!text.equals(path.getText())) {
                path.setText(text);
            }
        });
        path.textProperty().subscribe(t -> vm.useFile(t == null || t.isBlank() ? null : java.nio.file.Path.of(t.strip())));
        HBox.setHgrow(path, Priority.ALWAYS);
        Button choose = new Button(m.get("import.chooseFile"), new FontIcon(Feather.FILE));
        choose.setId("importChooseFile");
        choose.setOnAction(e -> vm.chooseFile());
        Button folder = new Button(m.get("import.chooseFolder"), new FontIcon(Feather.FOLDER));
        folder.setId("importChooseFolder");
        folder.setOnAction(e -> vm.chooseFolder());
        folder.visibleProperty().bind(vm.kindProperty().isEqualTo(ImportKind.BOUNCE_MESSAGES));
        folder.managedProperty().bind(folder.visibleProperty());
        HBox fileRow = new HBox(8, path, choose, folder);
        fileRow.setAlignment(Pos.CENTER_LEFT);
        VBox page = new VBox(16, heading("import.step.kind"), kinds, heading("import.file"), fileRow);
        if (!vm.allowed()) {
            Label why = new Label(vm.notAllowedText(), new FontIcon(Feather.LOCK));
            why.setId("importNotAllowed");
            why.getStyleClass().add(Styles.WARNING);
            why.setWrapText(true);
            kinds.setDisable(true);
            fileRow.setDisable(true);
            page.getChildren().add(0, why);
        }
        return page;
    }

    /** The first rows as read, with the encoding and delimiter to override. */
    Node preview() {
        ComboBox<Charset> encoding = new ComboBox<>();
        encoding.setId("importEncoding");
        encoding.setConverter(converter(Charset::displayName));
        encoding.getItems().setAll(vm.encodings());
        vm.encodingProperty().subscribe(c -> {
            if (c != null && !encoding.getItems().contains(c)) {
                encoding.getItems().add(0, c);
            }
        });
        encoding.valueProperty().bindBidirectional(vm.encodingProperty());
        ComboBox<Character> delimiter = new ComboBox<>();
        delimiter.setId("importDelimiter");
        delimiter.getItems().setAll(vm.delimiters());
        delimiter.setConverter(converter(c -> m.get("import.delimiter." + (int) c)));
        delimiter.valueProperty().bindBidirectional(vm.delimiterProperty());
        Label rows = muted("");
        rows.textProperty().bind(Bindings.createStringBinding(() -> vm.previewProperty().get() == null ? ""
                : m.format("import.preview.rows", vm.previewProperty().get().firstRows().size(),
                vm.previewProperty().get().estimatedRows()), vm.previewProperty()));
        HBox options = new HBox(10, new Label(m.get("import.encoding")), encoding, new Label(m.get("import.delimiter")),
                delimiter, rows);
        options.setAlignment(Pos.CENTER_LEFT);
        Label detected = muted(m.get("import.preview.detected"));
        VBox page = new VBox(12, heading("import.step.preview"), options, detected, previewTable(8));
        VBox.setVgrow(page.getChildren().get(3), Priority.ALWAYS);
        return page;
    }

    /** A ComboBox per contact field, suggested from the header, over the preview. */
    Node mapping() {
        MappingModel mm = vm.mapping();
        GridPane grid = new GridPane();
        grid.setHgap(14);
        grid.setVgap(8);
        int row = 0;
        for (ColumnMapping.Field f : mm.fields()) {
            ComboBox<Integer> box = new ComboBox<>(mm.choices());
            box.setId("map-" + f.id());
            box.setPrefWidth(240);
            box.setConverter(converter(c -> c < 0 ? m.get("import.mapping.none") : mm.columnName(c)));
            box.valueProperty().bindBidirectional(mm.column(f));
            Label label = new Label(m.get("import.field." + f.id()) + (f == ColumnMapping.Field.EMAIL ? " *" : ""));
            label.setMinWidth(120);
            grid.addRow(row++, label, box);
        }
        CheckBox purchased = new CheckBox(m.get("import.purchased"));
        purchased.setId("importPurchased");
        purchased.selectedProperty().bindBidirectional(vm.purchasedProperty());
        TextField source = new TextField();
        source.setId("importSource");
        source.setPromptText(m.get("import.sourcePrompt"));
        source.textProperty().bindBidirectional(vm.sourceProperty());
        source.setPrefWidth(240);
        grid.addRow(row++, new Label(m.get("import.source")), source);
        grid.add(purchased, 1, row);
        Label hint = muted(m.get("import.mapping.hint"));
        hint.setWrapText(true);
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox page = new VBox(12, heading("import.step.mapping"), hint, grid, previewTable(5));
        VBox.setVgrow(page.getChildren().get(3), Priority.ALWAYS);
        return page;
    }

    private TableView<List<String>> previewTable(int rows) {
        TableView<List<String>> table = new TableView<>();
        table.setId("importPreviewTable");
        table.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED, Styles.BORDERED);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(34 + rows * 28);
        vm.previewProperty().subscribe(p -> fill(table, p));
        return table;
    }

    private void fill(TableView<List<String>> table, CsvPreview p) {
        table.getColumns().clear();
        table.getItems().clear();
        if (p == null) {
            return;
        }
        TableColumn<List<String>, String> line = new TableColumn<>(m.get("import.line"));
        line.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().get(0)));
        line.setPrefWidth(56);
        line.setMaxWidth(70);
        table.getColumns().add(line);
        for (int i = 0; i < p.header().size(); i++) {
            int col = i + 1;
            TableColumn<List<String>, String> c = new TableColumn<>(p.header().get(i));
            c.setCellValueFactory(v -> new ReadOnlyStringWrapper(col < v.getValue().size() ? v.getValue().get(col) : ""));
            c.setSortable(false);
            table.getColumns().add(c);
        }
        p.firstRows().forEach(r -> {
            List<String> cells = new java.util.ArrayList<>();
            cells.add(String.valueOf(r.line()));
            cells.addAll(r.fields());
            table.getItems().add(cells);
        });
    }

    /** Rejected rows with their line numbers and reasons. */
    TableView<ImportProblem> problemsTable() {
        TableView<ImportProblem> table = new TableView<>(vm.problems());
        table.setId("importProblems");
        table.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED, Styles.BORDERED);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<ImportProblem, String> where = new TableColumn<>(m.get("import.line"));
        where.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().where()));
        where.setPrefWidth(90);
        where.setMaxWidth(240);
        TableColumn<ImportProblem, String> why = new TableColumn<>(m.get("import.reason"));
        why.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().reason()));
        table.getColumns().setAll(List.of(where, why));
        table.setPlaceholder(muted(m.get("import.noProblems")));
        return table;
    }

    Label heading(String key) {
        Label l = new Label(m.get(key));
        l.getStyleClass().add(Styles.TITLE_4);
        return l;
    }

    static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return l;
    }

    static <T> StringConverter<T> converter(Function<T, String> label) {
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
