package io.bouncedesk.ui.contacts;

import atlantafx.base.theme.Styles;
import io.bouncedesk.persistence.BounceRow;
import io.bouncedesk.persistence.ContactRow;
import io.bouncedesk.persistence.RecipientRow;
import io.bouncedesk.service.ContactDetails;
import io.bouncedesk.ui.common.Formats;
import io.bouncedesk.ui.common.Messages;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.function.Function;

/** The record's read-only sections: properties, bounce history of every address, email timeline. */
final class ContactSections {

    private final Messages m;
    private final Formats f;

    ContactSections(Messages messages, Formats formats) {
        this.m = messages;
        this.f = formats;
    }

    /** Properties, including "Email hard bounce reason"; {@code address} is the editable address row. */
    Node properties(ContactDetails d, Node address) {
        ContactRow c = d.contact();
        GridPane grid = new GridPane();
        grid.setId("contactProperties");
        grid.getStyleClass().add("property-grid");
        grid.setHgap(16);
        grid.setVgap(8);
        int row = 0;
        row = add(grid, row, "contact.prop.name", text(c.displayName()));
        Label addressKey = key("contact.prop.address");
        GridPane.setValignment(addressKey, javafx.geometry.VPos.CENTER);
        grid.addRow(row++, addressKey, address);
        row = add(grid, row, "contact.prop.company", text(c.company()));
        row = add(grid, row, "contact.prop.source", text(c.source()
                + (c.purchasedList() ? " · " + m.get("contact.prop.purchased") : "")));
        row = add(grid, row, "contact.prop.status", StatusChip.of(c.status(), m));
        Label reason = text(d.hardBounce().map(b -> m.of("category", b.category()) + " · " + b.reason().code()
                + (b.diagnostic() == null ? "" : " — " + b.diagnostic()))
                .or(() -> d.globalBounce().map(g -> m.of("category", g.category()) + " · " + g.reason().code()
                        + " — " + m.get("contacts.globalBounce")))
                .orElse("—"));
        reason.setId("hardBounceReason");
        row = add(grid, row, "contact.prop.hardBounceReason", reason);
        row = add(grid, row, "contact.prop.confirmed", text(m.get(c.confirmed() ? "contact.yes" : "contact.no")));
        Label next = text(d.suppressedBecause().map(r -> m.format("contact.prop.notIncluded", m.of("notSent", r)))
                .orElse(m.get("contact.prop.included")));
        next.setId("nextSend");
        row = add(grid, row, "contact.prop.nextSend", next);
        add(grid, row, "contact.prop.created", text(f.dateTime(c.createdAt())));
        return section("contact.section.properties", grid);
    }

    private int add(GridPane grid, int row, String key, Node value) {
        grid.addRow(row, key(key), value);
        return row + 1;
    }

    private Label key(String key) {
        Label l = new Label(m.get(key));
        l.getStyleClass().add(Styles.TEXT_MUTED);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // "Email hard bounce reason" is long in pl, da, cs
        GridPane.setValignment(l, javafx.geometry.VPos.TOP);
        return l;
    }

    private static Label text(String s) {
        Label l = new Label(s == null || s.isBlank() ? "—" : s);
        l.setWrapText(true);
        return l;
    }

    /** Every bounce of every address the contact has had; unbounced ones say by whom and when. */
    Node history(List<BounceRow> history) {
        TableView<BounceRow> t = table("bounceHistory", history, "contact.history.empty");
        t.getColumns().add(col("contact.col.address", 190, BounceRow::address));
        t.getColumns().add(col("contact.col.type", 96, b -> m.of("bounceType", b.type())));
        t.getColumns().add(col("contact.col.category", 190, b -> m.of("category", b.category()) + " · "
                + b.reason().code()));
        t.getColumns().add(col("contact.col.smtp", 96, b -> b.smtpStatus() == null ? "" : b.smtpStatus()));
        t.getColumns().add(col("contact.col.date", 176, b -> f.dateTime(b.occurredAt())));
        t.getColumns().add(col("contact.col.email", 130, b -> b.emailName() == null ? "" : b.emailName()));
        t.getColumns().add(col("contact.col.state", 160, this::state));
        return section("contact.section.history", t);
    }

    private String state(BounceRow b) {
        if (b.unbouncedAt() != null) {
            return m.format("contact.history.unbounced", b.unbouncedBy(), f.dateTime(b.unbouncedAt()));
        }
        if (b.reclassifiedAt() != null) {
            return m.format("contact.history.reclassified", b.reclassifiedBy(), f.dateTime(b.reclassifiedAt()));
        }
        return b.convertedFromSoft() ? m.get("contact.history.converted") : "";
    }

    /** Each marketing email the contact was on, and how it ended for them. */
    Node timeline(List<ContactDetails.TimelineEntry> timeline) {
        TableView<ContactDetails.TimelineEntry> t = table("contactTimeline", timeline, "contact.timeline.empty");
        t.getColumns().add(col("contact.col.email", 170, ContactDetails.TimelineEntry::emailName));
        t.getColumns().add(col("contact.col.outcome", 100, e -> m.of("outcome", e.recipient().outcome())));
        t.getColumns().add(col("contact.col.date", 176, e -> f.dateTime(e.recipient().eventAt())));
        t.getColumns().add(col("contact.col.address", 200, e -> e.recipient().address()));
        t.getColumns().add(col("contact.col.detail", 300, e -> detail(e.recipient())));
        return section("contact.section.timeline", t);
    }

    private String detail(RecipientRow r) {
        if (r.notSentReason() != null) {
            return m.of("notSent", r.notSentReason());
        }
        if (r.bounceType() != null) {
            return m.of("bounceType", r.bounceType()) + " · " + m.of("category", r.bounceCategory())
                    + (r.bounceReason() == null ? "" : " · " + r.bounceReason().code());
        }
        if (r.clickedAt() != null) {
            return m.get("contact.timeline.clicked");
        }
        return r.openedAt() != null ? m.get("contact.timeline.opened") : "";
    }

    private <T> TableView<T> table(String id, List<T> rows, String emptyKey) {
        TableView<T> t = new TableView<>(FXCollections.observableArrayList(rows));
        t.setId(id);
        t.getStyleClass().addAll(Styles.DENSE, "record-table");
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPlaceholder(new Label(m.get(emptyKey)));
        t.setFixedCellSize(30);
        // Short lists: the table is as tall as its rows, the page scrolls instead.
        double height = 40 + 30 * Math.max(1, Math.min(rows.size(), 12)) + 2;
        t.setPrefHeight(height);
        t.setMinHeight(height);
        t.setMaxHeight(height);
        return t;
    }

    private <T> TableColumn<T, String> col(String key, double width, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(m.get(key));
        c.setPrefWidth(width);
        c.setMinWidth(width < 160 ? width : 120);
        c.setSortable(false);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        return c;
    }

    private Node section(String titleKey, Node body) {
        Label title = new Label(m.get(titleKey));
        title.getStyleClass().add(Styles.TITLE_4);
        VBox box = new VBox(8, title, body);
        box.getStyleClass().add("record-section");
        return box;
    }
}
