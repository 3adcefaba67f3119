package io.bouncedesk.ui.bounces;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** What the bounce dialogs share: an owned window with the console's stylesheet, and a title block. */
final class BounceDialogs {

    private BounceDialogs() {
    }

    static Stage stage(Window owner, String title, Parent root, double width, double height) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setTitle(title);
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(BounceDialogs.class.getResource("/io/bouncedesk/ui/console.css").toExternalForm());
        stage.setScene(scene);
        return stage;
    }

    static VBox titleBlock(String title, String subtitle) {
        Label t = new Label(title);
        t.getStyleClass().add(Styles.TITLE_3);
        Label s = new Label(subtitle);
        s.getStyleClass().add(Styles.TEXT_MUTED);
        s.setWrapText(true);
        return new VBox(2, t, s);
    }

    static HBox buttonBar(Node left, Node... right) {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8);
        if (left != null) {
            bar.getChildren().add(left);
        }
        bar.getChildren().add(spacer);
        bar.getChildren().addAll(right);
        bar.setAlignment(Pos.CENTER_RIGHT);
        return bar;
    }
}
