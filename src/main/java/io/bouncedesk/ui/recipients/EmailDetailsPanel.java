package io.bouncedesk.ui.recipients;

import atlantafx.base.theme.Styles;
import io.bouncedesk.domain.RecipientOutcome;
import io.bouncedesk.service.EmailDetails;
import io.bouncedesk.ui.common.Formats;
import io.bouncedesk.ui.common.Messages;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The View details side panel: the email's sender facts, the domain warning, and the selected recipient's copy-for-IT action. */
final class EmailDetailsPanel extends ScrollPane {

    private final Messages m;
    private final Formats f;
    private final VBox emailBox = new VBox(8);
    private final VBox recipientBox = new VBox(6);

    EmailDetailsPanel(EmailDetailsViewModel vm, Messages messages, Formats formats) {
        this.m = messages;
        this.f = formats;
        setId("detailsPanel");
        getStyleClass().add("details-panel");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        setPrefWidth(360);
        setMinWidth(300);

        Label title = new Label(m.get("details.title"));
        title.getStyleClass().add(Styles.TITLE_4);
        Label recipientTitle = new Label(m.get("details.recipient"));
        recipientTitle.getStyleClass().add(Styles.TITLE_4);

        Button copy = new Button(m.get("details.copyIt"), new FontIcon(Feather.COPY));
        copy.setId("copyItDetailsButton");
        copy.setWrapText(true);
        copy.setMaxWidth(Double.MAX_VALUE);
        copy.getStyleClass().add(Styles.ACCENT);
        copy.disableProperty().bind(vm.canCopyItDetailsBinding().not());
        copy.setOnAction(e -> vm.copyItDetails());
        Label hint = new Label(m.get("details.copyItHint"));
        hint.setWrapText(true);
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        Label notice = new Label();
        notice.setWrapText(true);
        notice.getStyleClass().addAll(Styles.SUCCESS, Styles.TEXT_SMALL);
        notice.textProperty().bind(vm.noticeProperty());
        notice.managedProperty().bind(vm.noticeProperty().isNotEmpty());

        // The recipient part first under its title: the copy button must be in view without scrolling.
        VBox content = new VBox(10, title, emailBox, new Separator(), recipientTitle, copy, notice, recipientBox, hint);
        content.setPadding(new Insets(16));
        setContent(content);

        vm.detailsProperty().subscribe(this::showEmail);
        vm.selectedProperty().subscribe(this::showRecipient);
    }

    private void showEmail(EmailDetails d) {
        emailBox.getChildren().clear();
        if (d == null) {
            emailBox.getChildren().add(muted(m.get("detail.loading")));
            return;
        }
        GridPane grid = grid();
        int row = 0;
        row = fact(grid, row, "details.subject", d.email().subject());
        row = fact(grid, row, "details.fromName", d.email().fromName());
        row = fact(grid, row, "details.fromAddress", d.email().fromAddress());
        row = fact(grid, row, "details.sendingDomain", d.email().sendingDomain());
        fact(grid, row, "details.sentAt", f.dateTime(d.email().sentAt()));
        emailBox.getChildren().add(grid);
        Label check = new Label(d.fromDomainConnected()
                ? m.format("details.domainOk", d.fromDomain())
                : m.format("details.domainWarning", d.fromDomain(), d.connectedDomains().isEmpty()
                ? m.get("details.none") : String.join(", ", d.connectedDomains())),
                new FontIcon(d.fromDomainConnected() ? Feather.CHECK_CIRCLE : Feather.ALERT_TRIANGLE));
        check.setId("domainCheck");
        check.setWrapText(true);
        check.getStyleClass().addAll("domain-check", d.fromDomainConnected() ? Styles.SUCCESS : Styles.WARNING);
        emailBox.getChildren().add(check);
    }

    private void showRecipient(RecipientItem item) {
        recipientBox.getChildren().clear();
        if (item == null || item.isPlaceholder()) {
            recipientBox.getChildren().add(muted(m.get("details.noRecipient")));
            return;
        }
        var r = item.recipient();
        GridPane grid = grid();
        int row = 0;
        row = fact(grid, row, "details.name", item.contactName());
        row = fact(grid, row, "details.address", r.address());
        row = fact(grid, row, "details.outcome", m.of("outcome", r.outcome()));
        if (r.outcome() == RecipientOutcome.DELIVERED) {
            row = fact(grid, row, "details.deliveredAt", f.dateTime(r.deliveredAt()));
            fact(grid, row, "details.messageId", r.messageId());
        }
        recipientBox.getChildren().add(grid);
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(4);
        return grid;
    }

    private int fact(GridPane grid, int row, String key, String value) {
        Label label = muted(m.get(key));
        label.setMinWidth(USE_PREF_SIZE);
        Label text = new Label(value == null ? "" : value);
        text.setWrapText(true);
        grid.addRow(row, label, text);
        return row + 1;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return l;
    }
}
