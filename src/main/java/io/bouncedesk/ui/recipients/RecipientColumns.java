package io.bouncedesk.ui.recipients;

import atlantafx.base.theme.Styles;
import io.bouncedesk.domain.BounceType;
import io.bouncedesk.domain.RecipientTab;
import io.bouncedesk.persistence.RecipientQuery.Sort;
import io.bouncedesk.persistence.RecipientRow;
import io.bouncedesk.ui.common.Formats;
import io.bouncedesk.ui.common.Messages;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The columns each tab of the Recipients table shows. A column's user data is the database
 * {@link Sort} it sorts by; columns the database cannot sort by yet are not sortable.
 */
final class RecipientColumns {

    private final Messages m;
    private final Formats f;

    RecipientColumns(Messages messages, Formats formats) {
        this.m = messages;
        this.f = formats;
    }

    List<TableColumn<RecipientItem, ?>> forTab(RecipientTab tab) {
        List<TableColumn<RecipientItem, ?>> cols = new ArrayList<>();
        cols.add(nameColumn());
        cols.add(text("col.address", Sort.ADDRESS, 198, RecipientItem::address));
        switch (tab) {
            case SENT -> {
                cols.add(text("col.outcome", null, 120, i -> m.of("outcome", i.recipient().outcome())));
                cols.add(time("col.lastEvent", Sort.EVENT_TIME, RecipientRow::eventAt));
            }
            case DELIVERED -> cols.add(time("col.deliveredAt", Sort.EVENT_TIME, RecipientRow::deliveredAt));
            case OPENED -> {
                cols.add(time("col.openedAt", null, RecipientRow::openedAt));
                cols.add(time("col.deliveredAt", Sort.EVENT_TIME, RecipientRow::deliveredAt));
            }
            case CLICKED -> {
                cols.add(time("col.clickedAt", null, RecipientRow::clickedAt));
                cols.add(time("col.deliveredAt", Sort.EVENT_TIME, RecipientRow::deliveredAt));
            }
            case BOUNCED -> {
                cols.add(typeColumn());
                cols.add(text("col.category", Sort.CATEGORY, 140, i -> m.of("category", i.recipient().bounceCategory())));
                cols.add(text("col.reason", Sort.REASON, 110, i -> code(i.recipient())));
                cols.add(text("col.smtpStatus", Sort.SMTP_STATUS, 112, i -> smtp(i.recipient())));
                cols.add(time("col.bouncedAt", Sort.EVENT_TIME, RecipientRow::eventAt));
            }
            case PENDING -> {
                cols.add(text("col.attempts", null, 90, i -> m.format("attempts.of", i.recipient().attempts(),
                        i.recipient().attemptBudget())));
                cols.add(text("col.lastReply", Sort.REASON, 170, i -> m.of("category", i.recipient().bounceCategory())
                        + " · " + code(i.recipient())));
                cols.add(text("col.smtpStatus", Sort.SMTP_STATUS, 100, i -> smtp(i.recipient())));
                cols.add(time("col.nextRetry", null, RecipientRow::nextRetryAt));
            }
            case UNSUBSCRIBED -> cols.add(time("col.unsubscribedAt", null, RecipientRow::unsubscribedAt));
            case SPAM -> cols.add(time("col.spamAt", null, RecipientRow::spamAt));
            case NOT_SENT -> cols.add(text("col.notSentReason", Sort.NOT_SENT_REASON, 320,
                    i -> m.of("notSent", i.recipient().notSentReason())));
            default -> { }
        }
        return cols;
    }

    private static String code(RecipientRow r) {
        return r.bounceReason() == null ? "" : r.bounceReason().code();
    }

    static String smtp(RecipientRow r) {
        String reply = r.replyCode() == null ? "" : r.replyCode();
        String status = r.smtpStatus() == null ? "" : r.smtpStatus();
        return (reply + " " + status).strip();
    }

    private TableColumn<RecipientItem, String> nameColumn() {
        TableColumn<RecipientItem, String> c = text("col.contact", Sort.NAME, 150, RecipientItem::contactName);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                RecipientItem row = empty || getTableRow() == null ? null : getTableRow().getItem();
                boolean loading = row != null && row.isPlaceholder();
                setText(empty ? null : loading ? m.get("table.loadingRow") : value);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("loading"), loading);
            }
        });
        return c;
    }

    private TableColumn<RecipientItem, String> typeColumn() {
        TableColumn<RecipientItem, String> c = text("col.type", Sort.TYPE, 60, i -> m.of("bounceType",
                i.recipient().bounceType()));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                RecipientItem row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(empty ? null : value);
                getStyleClass().removeAll(Styles.DANGER, Styles.WARNING);
                if (row != null && !row.isPlaceholder() && row.recipient().bounceType() != null) {
                    getStyleClass().add(row.recipient().bounceType() == BounceType.HARD ? Styles.DANGER : Styles.WARNING);
                }
            }
        });
        return c;
    }

    private TableColumn<RecipientItem, String> time(String key, Sort sort, Function<RecipientRow, Instant> value) {
        return text(key, sort, 172, i -> f.dateTime(value.apply(i.recipient())));
    }

    private TableColumn<RecipientItem, String> text(String key, Sort sort, double width,
                                                    Function<RecipientItem, String> value) {
        TableColumn<RecipientItem, String> c = new TableColumn<>(m.get(key));
        c.setId(key.replace('.', '-'));
        c.setUserData(sort);
        c.setSortable(sort != null);
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 60));
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue() == null || d.getValue().isPlaceholder()
                ? "" : value.apply(d.getValue())));
        return c;
    }
}
