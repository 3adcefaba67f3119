package io.bouncedesk.ui.shell;

import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;

/** A full-window message with a progress bar, while a workspace is created or opened. */
public final class ProgressScreen extends VBox {

    public ProgressScreen(String title, String detail, ObservableValue<? extends Number> progress) {
        setId("progressScreen");
        getStyleClass().add("progress-screen");
        setAlignment(Pos.CENTER);
        setSpacing(12);
        Label t = new Label(title);
        t.getStyleClass().add(Styles.TITLE_3);
        Label d = new Label(detail);
        d.getStyleClass().add(Styles.TEXT_MUTED);
        d.setWrapText(true);
        d.setMaxWidth(520);
        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(360);
        bar.progressProperty().bind(progress);
        getChildren().addAll(t, d, bar);
    }
}
