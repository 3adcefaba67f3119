package io.bouncedesk.ui.shell;

import atlantafx.base.theme.Styles;
import io.bouncedesk.ui.common.Messages;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** File > Connect to team workspace: a form bound to {@link TeamConnectViewModel}. */
public final class TeamConnectDialog extends Dialog<TeamConnectViewModel.Request> {

    public TeamConnectDialog(TeamConnectViewModel vm, Messages m, Window owner) {
        if (owner != null) {
            initOwner(owner);
        }
        setTitle(m.get("team.title"));
        setHeaderText(null);
        ButtonType connect = new ButtonType(m.get("team.connect"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(connect, ButtonType.CANCEL);
        getDialogPane().setContent(form(vm, m));
        getDialogPane().setId("teamConnectDialog");
        getDialogPane().setPrefWidth(620);

        Button ok = (Button) getDialogPane().lookupButton(connect);
        ok.setId("teamConnectButton");
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            if (vm.request().isEmpty()) {
                e.consume(); // the form says what is missing and stays open
            }
        });
        setResultConverter(button -> button == connect ? vm.request().orElse(null) : null);
    }

    /** The form alone (also what the screenshot test draws). */
    public static VBox form(TeamConnectViewModel vm, Messages m) {
        Label title = new Label(m.get("team.title"), new FontIcon(Feather.SERVER));
        title.getStyleClass().add(Styles.TITLE_3);
        Label intro = new Label(m.get("team.intro"));
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE); // wrapped lines, never an ellipsis
        intro.getStyleClass().add(Styles.TEXT_MUTED);

        TextField url = new TextField();
        url.setId("teamUrl");
        url.setPromptText(m.get("team.url.prompt"));
        url.textProperty().bindBidirectional(vm.urlProperty());
        TextField user = new TextField();
        user.setId("teamUser");
        user.textProperty().bindBidirectional(vm.userProperty());
        PasswordField password = new PasswordField();
        password.setId("teamPassword");
        password.textProperty().bindBidirectional(vm.passwordProperty());

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        int row = 0;
        for (Object[] field : new Object[][] {{"team.url", url}, {"team.user", user}, {"team.password", password}}) {
            Label label = new Label(m.get((String) field[0]));
            label.setMinWidth(Region.USE_PREF_SIZE);
            label.setLabelFor((TextField) field[1]);
            GridPane.setHgrow((TextField) field[1], Priority.ALWAYS);
            grid.addRow(row++, label, (TextField) field[1]);
        }

        CheckBox remember = new CheckBox(m.get("team.remember"));
        remember.setId("teamRemember");
        remember.setWrapText(true);
        remember.setMinHeight(Region.USE_PREF_SIZE);
        remember.selectedProperty().bindBidirectional(vm.rememberProperty());
        remember.setDisable(!vm.storeAvailable());
        Label noStore = new Label(m.get("team.remember.unavailable"));
        noStore.setWrapText(true);
        noStore.setMinHeight(Region.USE_PREF_SIZE);
        noStore.getStyleClass().add(Styles.TEXT_MUTED);
        noStore.setVisible(!vm.storeAvailable());
        noStore.setManaged(!vm.storeAvailable());

        Label error = new Label();
        error.setId("teamError");
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        VBox box = new VBox(12, title, intro, grid, remember, noStore, error);
        box.setId("teamConnectForm");
        box.setFillWidth(true);
        box.setPrefWidth(580);
        box.setPadding(new javafx.geometry.Insets(6, 8, 0, 8));
        return box;
    }
}
