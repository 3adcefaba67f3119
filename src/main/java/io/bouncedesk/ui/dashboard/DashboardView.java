package io.bouncedesk.ui.dashboard;

import atlantafx.base.theme.Styles;
import io.bouncedesk.domain.ContactStatus;
import io.bouncedesk.service.WorkspaceSummary;
import io.bouncedesk.ui.common.Formats;
import io.bouncedesk.ui.common.Messages;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/** The dashboard: one card per figure of the workspace summary. */
public final class DashboardView extends VBox {

    private final Messages m;
    private final Formats f;
    private final FlowPane cards = new FlowPane(16, 16);

    public DashboardView(DashboardViewModel vm, Messages messages, Formats formats) {
        this.m = messages;
        this.f = formats;
        getStyleClass().add("dashboard-view");
        setSpacing(16);
        Label title = new Label(m.get("dashboard.title"));
        title.getStyleClass().add(Styles.TITLE_3);
        Label hint = new Label(m.get("dashboard.hint"));
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        Label error = new Label();
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(vm.errorProperty());
        getChildren().addAll(new VBox(2, title, hint), error, cards);
        vm.summaryProperty().subscribe(this::show);
    }

    private void show(WorkspaceSummary s) {
        cards.getChildren().clear();
        if (s == null) {
            return;
        }
        cards.getChildren().add(card(m.get("dashboard.contacts"), f.number(s.contacts()), null));
        cards.getChildren().add(card(m.get("dashboard.billable"), f.number(s.billable()), m.get("dashboard.billableHint")));
        // Active first: the statuses in the order a reader expects, the billable one leading.
        java.util.List<ContactStatus> order = new java.util.ArrayList<>(java.util.List.of(ContactStatus.values()));
        java.util.Collections.reverse(order);
        for (ContactStatus status : order) {
            cards.getChildren().add(card(m.of("status", status), f.number(s.byStatus().getOrDefault(status, 0L)), null));
        }
        cards.getChildren().add(card(m.get("dashboard.unbounces"), m.format("dashboard.quota", s.quota().used(),
                s.quota().limit()), m.format("dashboard.quotaMonth", s.quota().month())));
    }

    private static VBox card(String label, String value, String note) {
        Label l = new Label(label);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        Label v = new Label(value);
        v.getStyleClass().addAll(Styles.TITLE_2, "card-value");
        VBox card = new VBox(4, l, v);
        if (note != null) {
            Label n = new Label(note);
            n.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            n.setWrapText(true);
            card.getChildren().add(n);
        }
        card.getStyleClass().add("figure-card");
        card.setPrefWidth(200);
        return card;
    }
}
