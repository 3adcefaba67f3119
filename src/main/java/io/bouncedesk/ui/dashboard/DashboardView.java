package io.bouncedesk.ui.dashboard;

import atlantafx.base.theme.Styles;
import io.bouncedesk.service.DashboardService;
import io.bouncedesk.service.EmailSummary;
import io.bouncedesk.service.WorkspaceSummary;
import io.bouncedesk.ui.common.Formats;
import io.bouncedesk.ui.common.Messages;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The dashboard: figure cards on top, then the charts in panels; it only lays out and forwards clicks. */
public final class DashboardView extends ScrollPane {

    private final DashboardViewModel vm;
    private final Messages m;
    private final Formats f;
    private final DashboardCharts charts;
    private final VBox body = new VBox(16);

    public DashboardView(DashboardViewModel vm, Messages messages, Formats formats) {
        this.vm = vm;
        this.m = messages;
        this.f = formats;
        this.charts = new DashboardCharts(messages, formats);
        setId("dashboardView");
        getStyleClass().addAll("dashboard-view", "edge-to-edge");
        getStylesheets().add(DashboardView.class.getResource("/io/bouncedesk/ui/dashboard/dashboard.css")
                .toExternalForm());
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        body.getStyleClass().add("dashboard-body");
        setContent(body);
        vm.figuresProperty().subscribe(this::show);
        vm.errorProperty().subscribe(e -> show(vm.figuresProperty().get()));
    }

    private Node header() {
        Label title = new Label(m.get("dashboard.title"));
        title.getStyleClass().add(Styles.TITLE_3);
        Label hint = new Label(m.get("dashboard2.hint"));
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        Button refresh = new Button(null, new FontIcon(Feather.REFRESH_CW));
        refresh.setId("refreshDashboard");
        refresh.getStyleClass().add(Styles.BUTTON_ICON);
        refresh.setOnAction(e -> vm.load());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, new VBox(2, title, hint), spacer, refresh);
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    private void show(DashboardViewModel.Figures fig) {
        body.getChildren().setAll(header());
        if (!vm.errorProperty().get().isEmpty()) {
            Label error = new Label(vm.errorProperty().get());
            error.getStyleClass().add(Styles.DANGER);
            body.getChildren().add(error);
        }
        if (fig == null) {
            return;
        }
        body.getChildren().addAll(cards(fig.summary()), DashboardCharts.row(
                panel(m.get("dashboard2.statusTitle"), m.get("dashboard2.statusHint"),
                        charts.statusChart(fig.statuses(), vm::openStatus), 2),
                panel(m.get("dashboard2.weeksTitle"), m.format("dashboard2.weeksHint", DashboardViewModel.WEEKS),
                        weeks(fig), 3)));
        body.getChildren().add(DashboardCharts.row(
                panel(m.get("dashboard2.reasonsTitle"), m.get("dashboard2.reasonsHint"), fig.reasons().isEmpty()
                        ? empty(m.get("dashboard2.noHardBounces")) : charts.ranking("hardBounceReasonsChart",
                        fig.reasons(), r -> m.of("category", r.category()) + " · " + r.reason().code(),
                        DashboardViewModel.ReasonFigure::count, r -> ChartColors.of(r.category()), r -> vm.openReason(r.reason())), 1),
                panel(m.get("dashboard2.domainsTitle"), m.get("dashboard2.domainsHint"), fig.domains().isEmpty()
                        ? empty(m.get("dashboard2.noBounces")) : charts.ranking("topDomainsChart", fig.domains(),
                        DashboardService.DomainCount::domain, DashboardService.DomainCount::bounces,
                        d -> "#5c6f91", d -> vm.openDomain(d.domain())), 1)));
        body.getChildren().add(panel(m.get("dashboard2.overTitle"), m.get("dashboard2.overHint"),
                overTheLine(fig), 1));
    }

    private Node weeks(DashboardViewModel.Figures fig) {
        if (fig.weekCategories().isEmpty()) {
            return empty(m.get("dashboard2.noBounces"));
        }
        VBox box = new VBox(6, charts.bouncesOverTime(fig.weeks(), fig.weekCategories(), vm::weekLabel,
                vm::openCategory), charts.categoryLegend(fig.weekCategories(), vm::openCategory));
        return box;
    }

    private Node cards(WorkspaceSummary s) {
        VBox contacts = card(m.get("dashboard.contacts"), f.number(s.contacts()), m.get("dashboard2.contactsNote"));
        VBox billable = card(m.get("dashboard.billable"), f.number(s.billable()),
                m.format("dashboard2.billableNote", f.percent(DashboardViewModel.billableShare(s))));
        billable.setId("billableCard");
        billable.getStyleClass().add("billable-card");
        VBox quota = card(m.get("dashboard.unbounces"), vm.quotaText(s.quota()),
                m.format("dashboard.quotaMonth", s.quota().month()));
        quota.setId("quotaCard");
        ProgressBar used = new ProgressBar(DashboardViewModel.quotaFraction(s.quota()));
        used.setMaxWidth(Double.MAX_VALUE);
        used.getStyleClass().add(Styles.SMALL);
        if (s.quota().exhausted()) {
            used.getStyleClass().add(Styles.DANGER);
        }
        quota.getChildren().add(2, used);
        GridPane grid = new GridPane();
        grid.setHgap(16);
        for (int i = 0; i < 3; i++) {
            javafx.scene.layout.ColumnConstraints c = new javafx.scene.layout.ColumnConstraints();
            c.setPercentWidth(100.0 / 3);
            grid.getColumnConstraints().add(c);
        }
        grid.addRow(0, contacts, billable, quota);
        return grid;
    }

    private static VBox card(String label, String value, String note) {
        Label l = new Label(label);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        Label v = new Label(value);
        v.getStyleClass().addAll(Styles.TITLE_2, "card-value");
        Label n = new Label(note);
        n.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        n.setWrapText(true);
        VBox card = new VBox(4, l, v, n);
        card.getStyleClass().add("figure-card");
        card.setMaxWidth(Double.MAX_VALUE);
        card.setMaxHeight(Double.MAX_VALUE);
        return card;
    }

    private Node overTheLine(DashboardViewModel.Figures fig) {
        VBox list = new VBox(2);
        list.setId("overTheLineList");
        if (fig.overTheLine().isEmpty()) {
            list.getChildren().add(empty(m.get("dashboard2.noneOver")));
        }
        for (EmailSummary e : fig.overTheLine()) {
            Label name = new Label(e.email().name(), new FontIcon(Feather.ALERT_TRIANGLE));
            name.getStyleClass().add("over-name");
            Label hard = rate(m.format("dashboard2.hardRate", f.percent(e.health().hardBounceRate())),
                    e.health().hardBounceWarning());
            Label spam = rate(m.format("dashboard2.spamRate", f.percent(e.health().spamReportRate())),
                    e.health().spamReportWarning());
            Label sent = new Label(f.dateTime(e.email().sentAt()));
            sent.getStyleClass().add(Styles.TEXT_MUTED);
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox row = new HBox(16, name, spacer, hard, spam, sent);
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add("over-row");
            row.setId("over-" + e.email().id());
            row.setCursor(Cursor.HAND);
            row.setOnMouseClicked(ev -> vm.openEmail(e));
            list.getChildren().add(row);
        }
        return list;
    }

    private static Label rate(String text, boolean warning) {
        Label l = new Label(text);
        l.getStyleClass().add(warning ? Styles.DANGER : Styles.TEXT_MUTED);
        return l;
    }

    private static Label empty(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return l;
    }

    private static VBox panel(String title, String hint, Node content, int weight) {
        Label t = new Label(title);
        t.getStyleClass().add(Styles.TITLE_4);
        Label h = new Label(hint);
        h.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        h.setWrapText(true);
        VBox panel = new VBox(4, t, h, content);
        VBox.setVgrow(content, Priority.ALWAYS);
        panel.getStyleClass().add("dashboard-panel");
        // Panels share a row by weight: the weekly chart gets more room than the five status bars.
        panel.setPrefWidth(300 * weight);
        panel.setMinWidth(0);
        panel.setMaxWidth(Double.MAX_VALUE);
        return panel;
    }
}
