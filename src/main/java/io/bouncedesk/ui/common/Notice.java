package io.bouncedesk.ui.common;

import atlantafx.base.theme.Styles;
import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import javafx.stage.Window;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A non-blocking notice in the bottom-right corner of the window (e.g. "export done" with
 * "Open folder"); it closes itself after a while so it never needs an answer.
 */
final class Notice {

    private static final Duration SHOWN_FOR = Duration.seconds(15);

    private Notice() {
    }

    static Popup show(Window owner, String title, String message, String actionLabel, Runnable action) {
        Label heading = new Label(title, new FontIcon(Feather.CHECK_CIRCLE));
        heading.getStyleClass().addAll(Styles.TEXT_BOLD, Styles.SUCCESS);
        Label text = new Label(message);
        text.setId("noticeMessage");
        text.setWrapText(true);
        Popup popup = new Popup();
        Button close = new Button(null, new FontIcon(Feather.X));
        close.setId("noticeClose");
        close.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        close.setOnAction(e -> popup.hide());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(8, heading, spacer, close);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, top, text);
        if (actionLabel != null && action != null) {
            Button act = new Button(actionLabel, new FontIcon(Feather.FOLDER));
            act.setId("noticeAction");
            act.getStyleClass().add(Styles.SMALL);
            act.setOnAction(e -> {
                popup.hide();
                action.run();
            });
            box.getChildren().add(act);
        }
        box.setId("notice");
        box.getStyleClass().add("notice");
        box.getStylesheets().add(Notice.class.getResource("/io/bouncedesk/ui/console.css").toExternalForm());
        box.setPrefWidth(380);
        popup.getContent().add(box);
        popup.setAutoHide(false);
        popup.show(owner);
        // Bottom right, above the status bar.
        popup.setX(owner.getX() + owner.getWidth() - popup.getWidth() - 24);
        popup.setY(owner.getY() + owner.getHeight() - popup.getHeight() - 48);
        PauseTransition hide = new PauseTransition(SHOWN_FOR);
        hide.setOnFinished(e -> popup.hide());
        hide.play();
        return popup;
    }
}
