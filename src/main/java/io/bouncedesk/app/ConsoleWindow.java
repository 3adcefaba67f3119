package io.bouncedesk.app;

import io.bouncedesk.domain.ContactStatus;
import io.bouncedesk.service.WorkspaceSummary;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/** The console window: for now the workspace summary (the screens arrive with the next issues). */
final class ConsoleWindow {

    private ConsoleWindow() {
    }

    static void show(Stage stage, Services services) {
        WorkspaceSummary s = services.reports.summary();
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(6);
        int row = 0;
        for (ContactStatus status : ContactStatus.values()) {
            grid.addRow(row++, new Label(status.name()), new Label(String.valueOf(s.byStatus().get(status))));
        }
        grid.addRow(row++, new Label("Billable"), new Label(String.valueOf(s.billable())));
        grid.addRow(row, new Label("Unbounces " + s.quota().month()),
                new Label(s.quota().used() + " of " + s.quota().limit()));
        Label title = new Label(s.contacts() + " contacts in " + services.workspace.location());
        VBox root = new VBox(16, title, grid);
        root.setPadding(new Insets(24));
        stage.setTitle("BounceDesk");
        stage.setScene(new Scene(root, 640, 400));
        stage.show();
    }
}
