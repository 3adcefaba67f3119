package io.bouncedesk.ui.recipients;

import atlantafx.base.theme.Styles;
import io.bouncedesk.domain.RecipientOutcome;
import io.bouncedesk.persistence.AttemptRow;
import io.bouncedesk.persistence.RecipientRow;
import io.bouncedesk.service.RecipientDetail;
import io.bouncedesk.ui.bounces.BounceActions;
import io.bouncedesk.ui.common.Formats;
import io.bouncedesk.ui.common.Messages;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The in-place detail of an expanded row: the full diagnostic text, remote server, SMTP status and
 * time of a bounce, the delivery attempts with their replies, and for a Not sent row its reason
 * and what caused it (the earlier email on which the address hard-bounced).
 */
final class RecipientDetailView extends VBox {

    private final Messages m;
    private final Formats f;

    RecipientDetailView(RecipientItem item, RecipientDetail detail, Messages messages, Formats formats,
                        Runnable openContact, BounceActions bounces, Runnable reclassified) {
        this.m = messages;
        this.f = formats;
        getStyleClass().add("recipient-detail");
        setSpacing(10);
        setPadding(new Insets(10, 16, 14, 52));
        RecipientRow r = item.recipient();
        GridPane facts = facts();
        int row = 0;
        if (r.outcome() == RecipientOutcome.NOT_SENT) {
            row = fact(facts, row, "detail.notSentReason", m.of("notSent", r.notSentReason()), false);
            row = fact(facts, row, "detail.cause", cause(r, detail), false);
        } else {
            row = fact(facts, row, "detail.diagnostic", blankAsDash(r.diagnostic()), true);
            row = fact(facts, row, "detail.reason", m.of("category", r.bounceCategory()) + " · "
                    + (r.bounceReason() == null ? "" : r.bounceReason().code()) + " · " + m.of("bounceType", r.bounceType()),
                    false);
            row = fact(facts, row, "detail.smtp", blankAsDash(RecipientColumns.smtp(r)), true);
            row = fact(facts, row, "detail.remoteMta", blankAsDash(r.remoteMta()), true);
            row = fact(facts, row, "detail.time", f.dateTime(r.eventAt()), false);
            if (r.outcome() == RecipientOutcome.PENDING && r.nextRetryAt() != null) {
                fact(facts, row, "detail.nextRetry", m.format("detail.nextRetryAt", f.dateTime(r.nextRetryAt()),
                        r.attempts(), r.attemptBudget()), false);
            }
        }
        getChildren().add(facts);
        if (r.outcome() != RecipientOutcome.NOT_SENT) {
            getChildren().add(attempts(detail));
        }
        Button contact = new Button(m.get("action.openContact"), new FontIcon(Feather.USER));
        contact.getStyleClass().addAll(Styles.SMALL, Styles.FLAT, Styles.ACCENT);
        contact.setOnAction(e -> openContact.run());
        HBox actions = new HBox(8, contact);
        if (bounces != null && detail != null && detail.bounceId() != null) {
            String subtitle = r.address() + " · " + m.of("category", r.bounceCategory());
            Button original = new Button(m.get("bounce.viewOriginal"), new FontIcon(Feather.FILE_TEXT));
            original.setId("viewOriginalButton");
            original.getStyleClass().addAll(Styles.SMALL, Styles.FLAT, Styles.ACCENT);
            original.setOnAction(e -> bounces.showOriginal(detail.bounceId(), subtitle));
            actions.getChildren().add(original);
            if (bounces.canReclassify()) {
                Button reclassify = new Button(m.get("bounce.reclassify"), new FontIcon(Feather.EDIT_2));
                reclassify.setId("reclassifyButton");
                reclassify.getStyleClass().addAll(Styles.SMALL, Styles.FLAT, Styles.ACCENT);
                reclassify.setOnAction(e -> bounces.reclassify(detail.bounceId(), r.bounceReason(), r.bounceType(),
                        subtitle, reclassified));
                actions.getChildren().add(reclassify);
            }
        }
        getChildren().add(actions);
    }

    private String cause(RecipientRow r, RecipientDetail d) {
        return switch (r.notSentReason()) {
            case PREVIOUSLY_BOUNCED -> {
                if (d == null) {
                    yield m.get("detail.loading");
                }
                if (d.causeEmail() == null) {
                    yield m.get("cause.bouncedUnknownEmail");
                }
                RecipientRow b = d.causeRecipient();
                String bounce = b == null ? "" : m.format("cause.bounceFacts", m.of("category", b.bounceCategory()),
                        b.bounceReason() == null ? "" : b.bounceReason().code(), RecipientColumns.smtp(b),
                        blankAsDash(b.diagnostic()));
                yield m.format("cause.bouncedOn", d.causeEmail().name(), f.dateTime(d.causeEmail().sentAt())) + bounce;
            }
            default -> m.get("cause." + r.notSentReason().name());
        };
    }

    private Node attempts(RecipientDetail detail) {
        VBox box = new VBox(4);
        Label title = new Label(detail == null ? m.get("detail.attempts") : m.format("detail.attemptsCount",
                detail.attempts().size()));
        title.getStyleClass().add(Styles.TEXT_BOLD);
        box.getChildren().add(title);
        if (detail == null) {
            box.getChildren().add(muted(m.get("detail.loading")));
            return box;
        }
        GridPane grid = new GridPane();
        grid.setHgap(14);
        grid.setVgap(3);
        grid.getStyleClass().add("attempts");
        int row = 0;
        for (AttemptRow a : detail.attempts()) {
            Label reply = new Label(blankAsDash(a.replyText()));
            reply.setWrapText(true);
            reply.getStyleClass().add("mono");
            GridPane.setHgrow(reply, Priority.ALWAYS);
            grid.addRow(row++, fixed(muted("#" + a.attemptNo())), fixed(new Label(f.dateTime(a.attemptedAt()))),
                    fixed(new Label(m.get("attempt." + a.result()))),
                    fixed(mono(((a.replyCode() == null ? "" : a.replyCode()) + " "
                            + (a.smtpStatus() == null ? "" : a.smtpStatus())).strip())),
                    fixed(mono(blankAsDash(a.remoteMta()))), reply);
        }
        if (detail.attempts().isEmpty()) {
            box.getChildren().add(muted(m.get("detail.noAttempts")));
        } else {
            box.getChildren().add(grid);
        }
        return box;
    }

    private static GridPane facts() {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(4);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(120);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, values);
        return grid;
    }

    /** One label / value line; technical values (server replies, codes, host names) in monospace. */
    private int fact(GridPane grid, int row, String key, String value, boolean technical) {
        Label label = muted(m.get(key));
        label.setAlignment(Pos.TOP_LEFT);
        label.setMinWidth(Region.USE_PREF_SIZE);
        Label text = new Label(value);
        text.setWrapText(true);
        if (technical) {
            text.getStyleClass().add("mono");
        }
        grid.addRow(row, label, text);
        return row + 1;
    }

    private static Label fixed(Label l) {
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label mono(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("mono");
        return l;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return l;
    }

    private static String blankAsDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }
}
