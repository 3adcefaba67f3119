package io.bouncedesk.ui.common;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Restores and saves the window's size and position, keeping a restored window on a visible screen. */
public final class WindowState {

    private WindowState() {
    }

    public static void restore(Stage stage, UiPreferences prefs) {
        prefs.windowBounds().ifPresentOrElse(b -> {
            boolean visible = !Screen.getScreensForRectangle(b.x(), b.y(), Math.min(b.width(), 100), 40).isEmpty();
            stage.setWidth(b.width());
            stage.setHeight(b.height());
            if (visible) {
                stage.setX(b.x());
                stage.setY(b.y());
            } else {
                stage.centerOnScreen();
            }
            stage.setMaximized(b.maximized());
        }, () -> {
            Rectangle2D screen = Screen.getPrimary().getVisualBounds();
            stage.setWidth(Math.min(1280, screen.getWidth()));
            stage.setHeight(Math.min(800, screen.getHeight()));
        });
        stage.setMinWidth(900);
        stage.setMinHeight(560);
    }

    public static void save(Stage stage, UiPreferences prefs) {
        if (Double.isNaN(stage.getX()) || stage.getWidth() <= 0) {
            return;
        }
        prefs.setWindowBounds(new UiPreferences.WindowBounds(stage.getX(), stage.getY(), stage.getWidth(),
                stage.getHeight(), stage.isMaximized()));
    }
}
