package io.bouncedesk.ui.settings;

import atlantafx.base.theme.Styles;
import io.bouncedesk.ui.common.Messages;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** The IMAP bounce mailbox form, with Save and Check now. */
final class MailboxPane extends VBox {

    MailboxPane(MailboxSettingsViewModel vm, Messages m) {
        super(8);
        getStyleClass().add("settings-pane");
        setId("mailboxSection");
        TextField host = field("mailboxHost", "imap.example.com", 260);
        host.textProperty().bindBidirectional(vm.hostProperty());
        TextField port = field("mailboxPort", "993", 80);
        port.textProperty().bindBidirectional(vm.portProperty());
        CheckBox tls = new CheckBox(m.get("mailbox.tls"));
        tls.setId("mailboxTls");
        tls.selectedProperty().bindBidirectional(vm.tlsProperty());
        TextField user = field("mailboxUser", "bounces@example.com", 260);
        user.textProperty().bindBidirectional(vm.accountProperty());
        PasswordField password = new PasswordField();
        password.setId("mailboxPassword");
        password.textProperty().bindBidirectional(vm.passwordProperty());
        TextField folder = field("mailboxFolder", "INBOX", 160);
        folder.textProperty().bindBidirectional(vm.folderProperty());
        TextField every = field("mailboxEvery", "10", 80);
        every.textProperty().bindBidirectional(vm.everyProperty());

        GridPane g = Forms.grid();
        int r = 0;
        g.addRow(r++, new Label(m.get("mailbox.host")), host);
        g.addRow(r++, new Label(m.get("mailbox.port")), DomainsPane.line(port, tls));
        g.addRow(r++, new Label(m.get("mailbox.user")), user);
        g.addRow(r++, new Label(m.get("mailbox.password")), password);
        g.addRow(r++, new Label(m.get("mailbox.folder")), folder);
        g.addRow(r, new Label(m.get("mailbox.every")), DomainsPane.line(every, Forms.hint(m.get("mailbox.everyHint"))));
        g.setDisable(!vm.canManage());

        Button save = DomainsPane.button(m.get("mailbox.save"), "saveMailboxButton", Feather.CHECK, vm::save);
        save.getStyleClass().add(Styles.ACCENT);
        save.setDisable(!vm.canManage());
        Button check = DomainsPane.button(m.get("mailbox.checkNow"), "checkMailboxButton", Feather.DOWNLOAD_CLOUD,
                vm::checkNow);
        check.disableProperty().bind(vm.checkingProperty().or(
                new javafx.beans.property.SimpleBooleanProperty(!vm.canCheck())));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.checkingProperty());
        getChildren().addAll(Forms.title(m.get("mailbox.title")), Forms.hint(m.get("mailbox.hint")),
                Forms.readOnly(vm.readOnlyReason(), "mailboxReadOnly"), g, DomainsPane.line(save, check, busy),
                Forms.message(vm.errorProperty(), Styles.DANGER), Forms.message(vm.infoProperty(), Styles.SUCCESS));
    }

    private static TextField field(String id, String prompt, double width) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefWidth(width);
        return f;
    }
}
