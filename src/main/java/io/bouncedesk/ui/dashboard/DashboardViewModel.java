package io.bouncedesk.ui.dashboard;

import io.bouncedesk.service.ReportService;
import io.bouncedesk.service.WorkspaceSummary;
import io.bouncedesk.ui.common.BackgroundTasks;
import io.bouncedesk.ui.common.Messages;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The dashboard: the workspace's contacts per status, the billable count and this month's unbounce quota. */
public final class DashboardViewModel {

    private final ReportService reports;
    private final BackgroundTasks tasks;
    private final Messages messages;
    private final ReadOnlyObjectWrapper<WorkspaceSummary> summary = new ReadOnlyObjectWrapper<>(this, "summary");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    public DashboardViewModel(ReportService reports, BackgroundTasks tasks, Messages messages) {
        this.reports = reports;
        this.tasks = tasks;
        this.messages = messages;
    }

    public void load() {
        tasks.run(reports::summary, summary::set,
                t -> error.set(messages.format("error.load", String.valueOf(t.getMessage()))));
    }

    public ReadOnlyObjectProperty<WorkspaceSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
