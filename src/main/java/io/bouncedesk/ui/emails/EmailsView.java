package io.bouncedesk.ui.emails;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import io.bouncedesk.service.EmailSummary;
import io.bouncedesk.ui.common.Formats;
import io.bouncedesk.ui.common.Messages;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Comparator;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/** The Marketing emails screen: search and the table of sent emails; double click or Enter opens one. */
public final class EmailsView extends VBox {

    private final EmailsViewModel vm;
    private final Messages m;
    private final Formats f;
    private final PauseTransition searchPause = new PauseTransition(Duration.millis(250));
    private static final Object FIXED = new Object();

    public EmailsView(EmailsViewModel vm, Messages messages, Formats formats) {
        this.vm = vm;
        this.m = messages;
        this.f = formats;
        getStyleClass().add("emails-view");

        Label title = new Label(m.get("emails.title"));
        title.getStyleClass().add(Styles.TITLE_3);
        Label hint = new Label(m.get("emails.hint"));
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        CustomTextField search = new CustomTextField();
        search.setId("emailsSearch");
        search.setPromptText(m.get("emails.search"));
        search.setLeft(new FontIcon(Feather.SEARCH));
        search.setPrefWidth(320);
        searchPause.setOnFinished(e -> vm.search(search.getText()));
        search.textProperty().subscribe(t -> searchPause.playFromStart());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(12, new VBox(2, title, hint), spacer, search);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("screen-header");

        ProgressBar busy = new ProgressBar();
        busy.setMaxWidth(Double.MAX_VALUE);
        busy.getStyleClass().add("busy-bar");
        busy.visibleProperty().bind(vm.busyProperty());
        Label error = new Label();
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(vm.errorProperty());
        error.managedProperty().bind(vm.errorProperty().isNotEmpty());

        TableView<EmailSummary> table = table();
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(header, busy, error, table);
    }

    private TableView<EmailSummary> table() {
        TableView<EmailSummary> table = new TableView<>(vm.emails());
        table.setId("emailsTable");
        table.getStyleClass().add(Styles.STRIPED);
        table.setPlaceholder(new Label(m.get("emails.empty")));
        TableColumn<EmailSummary, String> subject = text("col.subject", 260, s -> s.email().subject());
        table.getColumns().setAll(java.util.List.of(
                text("col.emailName", 180, s -> s.email().name()),
                subject,
                sentColumn(),
                number("col.recipients", s -> s.counts().total()),
                rate("col.delivered", s -> s.deliveredRate(), s -> false, null),
                rate("col.hardBounceRate", s -> s.health().hardBounceRate(), s -> s.health().hardBounceWarning(),
                        "emails.hardBounceWarning"),
                rate("col.spamRate", s -> s.health().spamReportRate(), s -> s.health().spamReportWarning(),
                        "emails.spamWarning")));
        // Figures and dates keep the width their values and headers need; name and subject share the rest.
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getColumns().stream().filter(c -> c.getUserData() == FIXED).forEach(c -> {
            c.setMinWidth(c.getPrefWidth());
            c.setMaxWidth(c.getPrefWidth());
        });
        io.bouncedesk.ui.common.TableOpening.onDoubleClickOrEnter(table, vm::open);
        return table;
    }

    /** A text column whose cells show their full text as a tooltip, for long names and subjects. */
    private TableColumn<EmailSummary, String> text(String key, double width, Function<EmailSummary, String> value) {
        TableColumn<EmailSummary, String> c = new TableColumn<>(m.get(key));
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null ? null : new Tooltip(text));
            }
        });
        return c;
    }

    private TableColumn<EmailSummary, EmailSummary> sentColumn() {
        TableColumn<EmailSummary, EmailSummary> c = new TableColumn<>(m.get("col.sentAt"));
        c.setPrefWidth(182);
        c.setUserData(FIXED);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        c.setComparator(Comparator.comparing(s -> s.email().sentAt()));
        c.setCellFactory(col -> cell(s -> f.dateTime(s.email().sentAt()), s -> false, false, null));
        return c;
    }

    private TableColumn<EmailSummary, EmailSummary> number(String key, java.util.function.ToLongFunction<EmailSummary> value) {
        TableColumn<EmailSummary, EmailSummary> c = new TableColumn<>(m.get(key));
        c.setPrefWidth(112);
        c.setUserData(FIXED);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        c.setComparator(Comparator.comparingLong(value));
        c.setCellFactory(col -> cell(s -> f.number(value.applyAsLong(s)), s -> false, true, null));
        return c;
    }

    private TableColumn<EmailSummary, EmailSummary> rate(String key, ToDoubleFunction<EmailSummary> value,
                                                         Predicate<EmailSummary> warn, String warningKey) {
        TableColumn<EmailSummary, EmailSummary> c = new TableColumn<>(m.get(key));
        c.setPrefWidth(key.equals("col.delivered") ? 102 : 132);
        c.setUserData(FIXED);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        c.setComparator(Comparator.comparingDouble(value));
        c.setCellFactory(col -> cell(s -> f.percent(value.applyAsDouble(s)), warn, true, warningKey));
        return c;
    }

    /** A cell with the value and, past a health limit, a warning mark and tooltip. */
    private TableCell<EmailSummary, EmailSummary> cell(Function<EmailSummary, String> text,
                                                       Predicate<EmailSummary> warn, boolean right,
                                                       String warningKey) {
        TableCell<EmailSummary, EmailSummary> cell = new TableCell<>() {
            @Override
            protected void updateItem(EmailSummary s, boolean empty) {
                super.updateItem(s, empty);
                getStyleClass().remove("health-warning");
                setTooltip(null);
                setGraphic(null);
                if (empty || s == null) {
                    setText(null);
                    return;
                }
                setText(text.apply(s));
                if (warn.test(s)) {
                    getStyleClass().add("health-warning");
                    FontIcon icon = new FontIcon(Feather.ALERT_TRIANGLE);
                    icon.getStyleClass().add("warning-icon");
                    setGraphic(icon);
                    setTooltip(new Tooltip(m.get(warningKey)));
                }
            }
        };
        if (right) {
            cell.setAlignment(Pos.CENTER_RIGHT);
        }
        return cell;
    }

    public void dispose() {
        searchPause.stop();
    }
}
