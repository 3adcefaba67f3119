package io.bouncedesk.ui.settings;

import atlantafx.base.theme.Styles;
import io.bouncedesk.domain.Role;
import io.bouncedesk.domain.User;
import io.bouncedesk.ui.common.Messages;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** Users and roles: the table, then a form for a new user and actions on the selected one. */
final class UsersPane extends VBox {

    UsersPane(UsersSettingsViewModel vm, Messages m) {
        super(8);
        getStyleClass().add("settings-pane");
        TableView<User> table = new TableView<>(vm.users());
        table.setId("settingsUsersTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getStyleClass().add(Styles.STRIPED);
        table.getColumns().add(Forms.col(m.get("settings.col.username"), User::username, 160));
        table.getColumns().add(Forms.col(m.get("settings.col.displayName"), User::displayName, 200));
        table.getColumns().add(Forms.col(m.get("settings.col.role"), u -> m.of("role", u.role()), 140));
        table.getColumns().add(Forms.col(m.get("settings.col.userState"),
                u -> m.get(vm.isDisabled(u) ? "settings.userState.disabled" : "settings.userState.active"), 110));
        table.setPrefHeight(220);
        vm.selectedProperty().bind(table.getSelectionModel().selectedItemProperty());

        TextField username = new TextField();
        username.setId("newUsername");
        username.textProperty().bindBidirectional(vm.usernameProperty());
        TextField display = new TextField();
        display.setId("newDisplayName");
        display.textProperty().bindBidirectional(vm.displayNameProperty());
        ComboBox<Role> role = new ComboBox<>();
        role.setId("userRole");
        role.getItems().setAll(Role.values());
        role.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Role r) {
                return r == null ? "" : m.of("role", r);
            }

            @Override
            public Role fromString(String s) {
                return null;
            }
        });
        role.valueProperty().bindBidirectional(vm.roleProperty());
        PasswordField password = new PasswordField();
        password.setId("userPassword");
        password.textProperty().bindBidirectional(vm.passwordProperty());

        GridPane form = Forms.grid();
        form.addRow(0, new Label(m.get("settings.col.username")), username, new Label(m.get("settings.col.displayName")),
                display);
        form.addRow(1, new Label(m.get("settings.col.role")), role, new Label(m.get("signin.password")), password);
        Button add = DomainsPane.button(m.get("settings.addUser"), "addUserButton", Feather.USER_PLUS, vm::addUser);
        add.getStyleClass().add(Styles.ACCENT);
        Button changeRole = DomainsPane.button(m.get("settings.changeRole"), "changeRoleButton", Feather.SHIELD,
                vm::changeRole);
        Button reset = DomainsPane.button(m.get("settings.resetPassword"), "resetPasswordButton", Feather.KEY,
                vm::resetPassword);
        Button disable = DomainsPane.button(m.get("settings.disable"), "disableUserButton", Feather.USER_X,
                () -> vm.setDisabled(true));
        Button enable = DomainsPane.button(m.get("settings.enable"), "enableUserButton", Feather.USER_CHECK,
                () -> vm.setDisabled(false));
        Button remove = DomainsPane.button(m.get("settings.removeUser"), "removeUserButton", Feather.TRASH_2,
                vm::removeUser);
        remove.getStyleClass().add(Styles.DANGER);
        for (Button b : new Button[] {changeRole, reset, disable, enable, remove}) {
            b.disableProperty().bind(vm.selectedProperty().isNull());
        }
        HBox selectedActions = new HBox(8, changeRole, reset, disable, enable, remove);
        Label actionsHint = Forms.hint(m.get("settings.usersActionsHint"));
        VBox editing = new VBox(8, form, new HBox(8, add), actionsHint, selectedActions);
        editing.setId("usersEditing");
        editing.setDisable(!vm.canManage());

        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(Forms.title(m.get("settings.usersTitle")), Forms.hint(m.get("settings.usersHint")),
                Forms.readOnly(vm.readOnlyReason(), "usersReadOnly"), table, editing,
                Forms.message(vm.errorProperty(), Styles.DANGER), Forms.message(vm.infoProperty(), Styles.SUCCESS));
        setId("usersSection");
    }
}
