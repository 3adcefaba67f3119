package io.bouncedesk.app;

import io.bouncedesk.persistence.Workspace;
import io.bouncedesk.persistence.WorkspaceException;
import io.bouncedesk.service.DemoDataGenerator;
import io.bouncedesk.service.SettableClock;
import io.bouncedesk.service.SimulatedTransport;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The JavaFX application: opens the workspace (building the demo workspace on the very first
 * run), then shows the console window.
 */
public final class ConsoleApp extends Application {

    private static volatile Path workspaceFile;
    private Services services;

    /** Opens the console on {@code workspace}; returns when the last window closes. */
    public static void start(Path workspace) {
        workspaceFile = workspace;
        Application.launch(ConsoleApp.class);
    }

    @Override
    public void start(Stage stage) {
        Path file = workspaceFile;
        if (!Files.exists(file)) {
            buildDemoThenOpen(stage, file);
        } else {
            open(stage, file);
        }
    }

    private void buildDemoThenOpen(Stage stage, Path file) {
        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(360);
        Label label = new Label("Creating the demo workspace in " + file + " ...");
        VBox box = new VBox(12, label, bar);
        box.setPadding(new Insets(24));
        stage.setTitle("BounceDesk");
        stage.setScene(new Scene(box));
        stage.show();
        Task<Void> task = new Task<>() {
            @Override
            protected Void call() {
                try (Workspace ws = Workspace.open(file)) {
                    SettableClock clock = new SettableClock(Instant.now(), ZoneOffset.UTC);
                    new Services(ws, clock, new SimulatedTransport(42)).demo()
                            .generate(new DemoDataGenerator.Plan(5_000, 12, 42), this::updateProgress);
                }
                return null;
            }
        };
        bar.progressProperty().bind(task.progressProperty());
        task.setOnSucceeded(e -> open(stage, file));
        task.setOnFailed(e -> fail(task.getException().getMessage()));
        Thread worker = new Thread(task, "demo-workspace");
        worker.setDaemon(true);
        worker.start();
    }

    private void open(Stage stage, Path file) {
        try {
            Workspace ws = Workspace.open(file);
            services = new Services(ws, Clock.systemUTC(), new SimulatedTransport(Services.transportSeed(ws)));
        } catch (WorkspaceException e) {
            fail(e.getMessage());
            return;
        }
        ConsoleWindow.show(stage, services);
    }

    private static void fail(String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.setHeaderText("BounceDesk cannot open the workspace");
        alert.showAndWait();
        Platform.exit();
    }

    @Override
    public void stop() {
        if (services != null) {
            services.workspace.close();
        }
    }
}
