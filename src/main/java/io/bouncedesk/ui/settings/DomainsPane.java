package io.bouncedesk.ui.settings;

import atlantafx.base.theme.Styles;
import io.bouncedesk.persistence.SendingDomainRow;
import io.bouncedesk.ui.common.Messages;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Sending domains (table and form) beside the sending IP addresses (list and form). */
final class DomainsPane extends HBox {

    DomainsPane(DomainsSettingsViewModel vm, Messages m) {
        super(20);
        getStyleClass().add("settings-pane");
        boolean editable = vm.canManage();

        TableView<SendingDomainRow> table = new TableView<>(vm.domains());
        table.setId("settingsDomainsTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getStyleClass().add(Styles.STRIPED);
        table.getColumns().add(Forms.col(m.get("settings.col.domain"), SendingDomainRow::domain, 170));
        table.getColumns().add(stateCol(m.get("settings.col.connected"), d -> d.connected() ? "PASS" : "MISSING",
                d -> m.get(d.connected() ? "settings.connected" : "settings.notConnected"), 110));
        table.getColumns().add(stateCol("SPF", SendingDomainRow::spf, d -> vm.authLabel(d.spf()), 80));
        table.getColumns().add(stateCol("DKIM", SendingDomainRow::dkim, d -> vm.authLabel(d.dkim()), 80));
        table.getColumns().add(stateCol("DMARC", SendingDomainRow::dmarc, d -> vm.authLabel(d.dmarc()), 80));
        table.setPlaceholder(Forms.hint(m.get("settings.noDomains")));
        table.setPrefHeight(260);
        vm.selectedProperty().bind(table.getSelectionModel().selectedItemProperty());

        TextField domain = new TextField();
        domain.setId("domainField");
        domain.setPromptText("news.example.com");
        domain.textProperty().bindBidirectional(vm.domainProperty());
        CheckBox connected = new CheckBox(m.get("settings.connected"));
        connected.setId("domainConnected");
        connected.selectedProperty().bindBidirectional(vm.connectedProperty());
        domain.setPrefWidth(260);
        HBox row1 = line(new Label(m.get("settings.col.domain")), domain, connected);
        row1.setSpacing(10);
        HBox row2 = line(new Label("SPF"), auth("domainSpf", vm.spfProperty(), vm), gap(),
                new Label("DKIM"), auth("domainDkim", vm.dkimProperty(), vm), gap(),
                new Label("DMARC"), auth("domainDmarc", vm.dmarcProperty(), vm));
        VBox form = new VBox(8, row1, row2);
        Button add = button(m.get("settings.addDomain"), "addDomainButton", Feather.PLUS, vm::addDomain);
        add.getStyleClass().add(Styles.ACCENT);
        Button save = button(m.get("settings.saveDomain"), "saveDomainButton", Feather.CHECK, vm::updateDomain);
        Button remove = button(m.get("settings.removeDomain"), "removeDomainButton", Feather.TRASH_2, vm::removeDomain);
        remove.getStyleClass().add(Styles.DANGER);
        save.disableProperty().bind(vm.selectedProperty().isNull());
        remove.disableProperty().bind(vm.selectedProperty().isNull());
        HBox buttons = new HBox(8, add, save, remove);
        VBox formBox = new VBox(8, form, buttons);
        formBox.setDisable(!editable);

        VBox domains = new VBox(8, Forms.title(m.get("settings.domainsTitle")), Forms.hint(m.get("settings.domainsHint")),
                table, formBox, Forms.message(vm.errorProperty(), Styles.DANGER),
                Forms.message(vm.infoProperty(), Styles.SUCCESS));
        domains.setId("domainsSection");
        VBox.setVgrow(table, Priority.ALWAYS);
        HBox.setHgrow(domains, Priority.ALWAYS);

        ListView<String> ips = new ListView<>(vm.ips());
        ips.setId("settingsIpsList");
        ips.setPrefHeight(180);
        ips.setPlaceholder(Forms.hint(m.get("settings.noIps")));
        TextField ip = new TextField();
        ip.setId("ipField");
        ip.setPromptText("192.0.2.10");
        ip.textProperty().bindBidirectional(vm.ipProperty());
        TextField label = new TextField();
        label.setPromptText(m.get("settings.ipLabel"));
        label.textProperty().bindBidirectional(vm.ipLabelProperty());
        Button addIp = button(m.get("settings.addIp"), "addIpButton", Feather.PLUS, vm::addIp);
        Button removeIp = button(m.get("settings.removeIp"), "removeIpButton", Feather.TRASH_2,
                () -> vm.removeIp(ips.getSelectionModel().getSelectedItem()));
        removeIp.disableProperty().bind(ips.getSelectionModel().selectedItemProperty().isNull());
        VBox ipForm = new VBox(8, ip, label, new HBox(8, addIp, removeIp));
        ipForm.setDisable(!editable);
        VBox ipBox = new VBox(8, Forms.title(m.get("settings.ipsTitle")), Forms.hint(m.format("settings.ipsHint")), ips,
                ipForm);
        ipBox.setPrefWidth(300);
        ipBox.setMinWidth(260);
        getChildren().addAll(domains, ipBox);
    }

    private static ComboBox<String> auth(String id, StringProperty value, DomainsSettingsViewModel vm) {
        ComboBox<String> c = new ComboBox<>();
        c.setId(id);
        c.getItems().setAll(DomainsSettingsViewModel.AUTH_STATES);
        c.valueProperty().bindBidirectional(value);
        c.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String s) {
                return s == null ? "" : vm.authLabel(s);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        return c;
    }

    /** A column whose cell is coloured by the state: pass green, fail red, missing amber. */
    private static TableColumn<SendingDomainRow, String> stateCol(String title,
                                                                  java.util.function.Function<SendingDomainRow, String> state,
                                                                  java.util.function.Function<SendingDomainRow, String> text,
                                                                  double width) {
        TableColumn<SendingDomainRow, String> c = Forms.col(title, state, width);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.WARNING);
                if (empty || item == null || getTableRow() == null || getTableRow().getItem() == null) {
                    setText(null);
                    return;
                }
                setText(text.apply(getTableRow().getItem()));
                switch (item) {
                    case "PASS" -> getStyleClass().add(Styles.SUCCESS);
                    case "FAIL" -> getStyleClass().add(Styles.DANGER);
                    case "MISSING" -> getStyleClass().add(Styles.WARNING);
                    default -> { }
                }
            }
        });
        return c;
    }

    static Button button(String text, String id, Feather icon, Runnable action) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private static Node gap() {
        javafx.scene.layout.Region r = new javafx.scene.layout.Region();
        r.setMinWidth(8);
        return r;
    }

    static Node spacer() {
        javafx.scene.layout.Region r = new javafx.scene.layout.Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    static HBox line(Node... nodes) {
        HBox h = new HBox(8, nodes);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }
}
