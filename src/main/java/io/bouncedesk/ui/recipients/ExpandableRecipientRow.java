package io.bouncedesk.ui.recipients;

import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.TableRow;
import javafx.scene.control.skin.TableRowSkin;

import java.util.function.Function;

/**
 * A table row that, when its recipient is expanded, shows a detail node under its cells, in place
 * (the row grows; the VirtualFlow handles the variable height).
 */
final class ExpandableRecipientRow extends TableRow<RecipientItem> {

    private static final PseudoClass EXPANDED = PseudoClass.getPseudoClass("expanded");
    private static final PseudoClass LOADING = PseudoClass.getPseudoClass("loading");

    private final RecipientsViewModel vm;
    private final Function<RecipientItem, Node> detailFactory;
    private Node detail;

    ExpandableRecipientRow(RecipientsViewModel vm, Function<RecipientItem, Node> detailFactory) {
        this.vm = vm;
        this.detailFactory = detailFactory;
        getStyleClass().add("recipient-row");
    }

    @Override
    protected void updateItem(RecipientItem item, boolean empty) {
        super.updateItem(item, empty);
        pseudoClassStateChanged(LOADING, !empty && item != null && item.isPlaceholder());
        refreshDetail();
    }

    /** Shows, rebuilds or removes the detail after the item, its expansion or its loaded detail changed. */
    void refreshDetail() {
        RecipientItem item = isEmpty() ? null : getItem();
        boolean expanded = vm.isExpanded(item);
        pseudoClassStateChanged(EXPANDED, expanded);
        detail = expanded ? detailFactory.apply(item) : null;
        requestLayout();
    }

    Node detail() {
        return detail;
    }

    @Override
    protected javafx.scene.control.Skin<?> createDefaultSkin() {
        return new ExpandingSkin(this);
    }

    /** Lays the cells out at their own height and the detail node below them. */
    private static final class ExpandingSkin extends TableRowSkin<RecipientItem> {
        private final ExpandableRecipientRow row;
        private double cellsHeight;

        ExpandingSkin(ExpandableRecipientRow row) {
            super(row);
            this.row = row;
        }

        @Override
        protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
            cellsHeight = super.computePrefHeight(width, top, right, bottom, left);
            Node d = attached();
            return d == null ? cellsHeight : cellsHeight + d.prefHeight(width);
        }

        @Override
        protected void layoutChildren(double x, double y, double w, double h) {
            Node d = attached();
            if (d == null) {
                super.layoutChildren(x, y, w, h);
                return;
            }
            double cells = cellsHeight > 0 ? cellsHeight : super.computePrefHeight(w, 0, 0, 0, 0);
            super.layoutChildren(x, y, w, cells);
            d.resizeRelocate(x, y + cells, w, Math.max(0, h - cells));
        }

        /** Keeps only the current detail node among the children (the base skin resets its cells). */
        private Node attached() {
            Node d = row.detail();
            getChildren().removeIf(n -> n.getStyleClass().contains("recipient-detail") && n != d);
            if (d != null && !getChildren().contains(d)) {
                getChildren().add(d);
            }
            return d;
        }
    }
}
