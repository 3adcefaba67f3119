package io.bouncedesk.ui.dashboard;

import io.bouncedesk.domain.BounceCategory;
import io.bouncedesk.domain.ContactStatus;
import io.bouncedesk.service.DashboardService;
import io.bouncedesk.ui.common.Formats;
import io.bouncedesk.ui.common.Messages;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

import java.util.List;
import java.util.function.Consumer;

/**
 * The dashboard's charts, built from the view model's figures. Every bar is clickable; the legends
 * are the dashboard's own (clickable chips in the fixed category colours) rather than the charts'.
 */
final class DashboardCharts {

    private final Messages m;
    private final Formats f;

    DashboardCharts(Messages messages, Formats formats) {
        this.m = messages;
        this.f = formats;
    }

    /** Contacts per status, one horizontal bar each in the status colours (Active on top). */
    BarChart<Number, String> statusChart(List<DashboardViewModel.StatusFigure> figures, Consumer<ContactStatus> open) {
        return ranking("dashboardStatusChart", figures, s -> m.of("status", s.status()),
                DashboardViewModel.StatusFigure::count, s -> ChartColors.of(s.status()), s -> open.accept(s.status()));
    }

    /** Bounces per week, one stacked series per category that occurs. */
    StackedBarChart<String, Number> bouncesOverTime(List<DashboardService.Week> weeks, List<BounceCategory> categories,
                                                    java.util.function.Function<java.time.LocalDate, String> label,
                                                    Consumer<BounceCategory> open) {
        CategoryAxis x = new CategoryAxis();
        StackedBarChart<String, Number> chart = new StackedBarChart<>(x, integerAxis());
        chart.setId("bouncesOverTimeChart");
        setUp(chart);
        chart.setCategoryGap(10);
        x.setTickLabelRotation(0);
        for (BounceCategory c : categories) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(m.of("category", c));
            for (DashboardService.Week w : weeks) {
                series.getData().add(new XYChart.Data<>(label.apply(w.monday()), DashboardViewModel.count(w, c)));
            }
            chart.getData().add(series);
            for (int i = 0; i < weeks.size(); i++) {
                XYChart.Data<String, Number> d = series.getData().get(i);
                clickable(d.getNode(), ChartColors.of(c), m.format("dashboard2.weekTip", m.of("category", c),
                        d.getXValue(), d.getYValue()), "bar-week-" + c.name(), () -> open.accept(c));
            }
        }
        return chart;
    }

    /** The clickable legend of the categories, in their colours. */
    FlowPane categoryLegend(List<BounceCategory> categories, Consumer<BounceCategory> open) {
        FlowPane legend = new FlowPane(14, 4);
        legend.getStyleClass().add("dashboard-legend");
        for (BounceCategory c : categories) {
            legend.getChildren().add(chip(m.of("category", c), ChartColors.of(c), "legend-" + c.name(),
                    () -> open.accept(c)));
        }
        return legend;
    }

    /** A horizontal bar chart (label per row, longest first), for reasons and domains. */
    <T> BarChart<Number, String> ranking(String id, List<T> items, java.util.function.Function<T, String> name,
                                         java.util.function.ToLongFunction<T> value,
                                         java.util.function.Function<T, String> colour, Consumer<T> open) {
        CategoryAxis y = new CategoryAxis();
        BarChart<Number, String> chart = new BarChart<>(integerAxis(), y);
        chart.setId(id);
        setUp(chart);
        chart.setCategoryGap(6);
        XYChart.Series<Number, String> series = new XYChart.Series<>();
        // The category axis draws its first entry at the bottom: reversed, the largest comes first.
        List<T> reversed = new java.util.ArrayList<>(items);
        java.util.Collections.reverse(reversed);
        for (T t : reversed) {
            series.getData().add(new XYChart.Data<>(value.applyAsLong(t), name.apply(t)));
        }
        chart.getData().add(series);
        for (int i = 0; i < reversed.size(); i++) {
            T t = reversed.get(i);
            clickable(series.getData().get(i).getNode(), colour.apply(t),
                    name.apply(t) + ": " + f.number(value.applyAsLong(t)), null, () -> open.accept(t));
        }
        return chart;
    }

    private static void setUp(XYChart<?, ?> chart) {
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setVerticalGridLinesVisible(false);
        chart.setMinHeight(220);
        chart.setPrefHeight(260);
        chart.getStyleClass().add("dashboard-chart");
    }

    private static NumberAxis integerAxis() {
        NumberAxis axis = new NumberAxis();
        axis.setMinorTickVisible(false);
        axis.setForceZeroInRange(true);
        // Whole numbers only: "12.5 bounces" would be nonsense on the tick labels.
        axis.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number n) {
                return n.doubleValue() == Math.rint(n.doubleValue()) ? String.valueOf(n.longValue()) : "";
            }

            @Override
            public Number fromString(String s) {
                return Long.parseLong(s);
            }
        });
        return axis;
    }

    private static void clickable(Node bar, String colour, String tip, String styleClass, Runnable open) {
        if (bar == null) {
            return;
        }
        bar.setStyle(ChartColors.bar(colour));
        bar.setCursor(Cursor.HAND);
        if (styleClass != null) {
            bar.getStyleClass().add(styleClass);
        }
        Tooltip.install(bar, new Tooltip(tip));
        bar.setOnMouseClicked(e -> open.run());
    }

    static Label chip(String text, String colour, String id, Runnable open) {
        Region swatch = new Region();
        swatch.getStyleClass().add("legend-swatch");
        swatch.setStyle("-fx-background-color: " + colour + ";");
        Label chip = new Label(text, swatch);
        chip.setId(id);
        chip.getStyleClass().add("legend-chip");
        chip.setCursor(Cursor.HAND);
        chip.setAlignment(Pos.CENTER_LEFT);
        chip.setOnMouseClicked(e -> open.run());
        return chip;
    }

    static HBox row(Node... nodes) {
        HBox row = new HBox(16, nodes);
        for (Node n : nodes) {
            HBox.setHgrow(n, javafx.scene.layout.Priority.ALWAYS);
        }
        return row;
    }
}
