package io.bouncedesk.ui.shell;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** A screen that arrives in a later release says so plainly, with no made-up content. */
public final class ComingSoonView extends VBox {

    public ComingSoonView(String title, String message) {
        getStyleClass().add("coming-soon");
        setId("comingSoon");
        setAlignment(Pos.CENTER);
        setSpacing(12);
        FontIcon icon = new FontIcon(Feather.CLOCK);
        icon.getStyleClass().add("coming-icon");
        Label t = new Label(title);
        t.getStyleClass().add(Styles.TITLE_3);
        Label msg = new Label(message);
        msg.setWrapText(true);
        msg.setMaxWidth(520);
        msg.getStyleClass().add(Styles.TEXT_MUTED);
        msg.setAlignment(Pos.CENTER);
        msg.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        getChildren().addAll(icon, t, msg);
    }
}
