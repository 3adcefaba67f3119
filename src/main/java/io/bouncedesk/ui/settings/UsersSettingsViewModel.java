package io.bouncedesk.ui.settings;

import io.bouncedesk.domain.Permission;
import io.bouncedesk.domain.Role;
import io.bouncedesk.domain.User;
import io.bouncedesk.service.SettingsService;
import io.bouncedesk.service.UserService;
import io.bouncedesk.ui.common.BackgroundTasks;
import io.bouncedesk.ui.common.Messages;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Users and roles (Super admin only): add, change role, reset password, disable or enable, remove.
 * The service refuses to remove, disable or demote the last Super admin; its reason is shown as is.
 */
public final class UsersSettingsViewModel {

    private final User actor;
    private final UserService users;
    private final SettingsService settings;
    private final BackgroundTasks tasks;
    private final Messages messages;
    private final ObservableList<User> list = FXCollections.observableArrayList();
    private final javafx.collections.ObservableSet<String> disabled = FXCollections.observableSet();
    private final ObjectProperty<User> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty username = new SimpleStringProperty(this, "username", "");
    private final StringProperty displayName = new SimpleStringProperty(this, "displayName", "");
    private final ObjectProperty<Role> role = new SimpleObjectProperty<>(this, "role", Role.VIEWER);
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper info = new ReadOnlyStringWrapper(this, "info", "");

    public UsersSettingsViewModel(User actor, UserService users, SettingsService settings, BackgroundTasks tasks,
                                  Messages messages) {
        this.actor = actor;
        this.users = users;
        this.settings = settings;
        this.tasks = tasks;
        this.messages = messages;
        selected.subscribe(u -> {
            if (u != null) {
                role.set(u.role());
            }
        });
    }

    public void load() {
        tasks.run(() -> new Loaded(users.list(), settings.disabledUsernames()), loaded -> {
            disabled.clear();
            disabled.addAll(loaded.disabled());
            list.setAll(loaded.users());
        }, t -> error.set(String.valueOf(t.getMessage())));
    }

    private record Loaded(java.util.List<User> users, java.util.Set<String> disabled) {
    }

    /** Whether the user is disabled (cannot sign in). */
    public boolean isDisabled(User user) {
        return disabled.contains(user.username());
    }

    /** Adds the user in the fields, with the chosen role and password. */
    public void addUser() {
        String name = username.get() == null ? "" : username.get().strip();
        if (name.isEmpty()) {
            error.set(messages.get("settings.usernameRequired"));
            return;
        }
        if (password.get() == null || password.get().length() < 4) {
            error.set(messages.get("settings.passwordShort"));
            return;
        }
        char[] pw = password.get().toCharArray();
        Role r = role.get();
        String display = displayName.get();
        change(() -> users.create(actor, name, display, r, pw), messages.format("settings.userAdded", name));
    }

    /** Gives the selected user the role in the role field. */
    public void changeRole() {
        User u = selectedOrError();
        Role r = role.get();
        if (u != null && r != null) {
            change(() -> settings.changeRole(actor, u.username(), r),
                    messages.format("settings.roleChanged", u.username(), messages.of("role", r)));
        }
    }

    /** Sets the password in the password field on the selected user. */
    public void resetPassword() {
        User u = selectedOrError();
        if (u == null) {
            return;
        }
        if (password.get() == null || password.get().length() < 4) {
            error.set(messages.get("settings.passwordShort"));
            return;
        }
        char[] pw = password.get().toCharArray();
        change(() -> settings.resetPassword(actor, u.username(), pw),
                messages.format("settings.passwordReset", u.username()));
    }

    public void setDisabled(boolean disabled) {
        User u = selectedOrError();
        if (u != null) {
            change(() -> settings.setDisabled(actor, u.username(), disabled),
                    messages.format(disabled ? "settings.userDisabled" : "settings.userEnabled", u.username()));
        }
    }

    public void removeUser() {
        User u = selectedOrError();
        if (u != null) {
            change(() -> settings.removeUser(actor, u.username()), messages.format("settings.userRemoved", u.username()));
        }
    }

    private User selectedOrError() {
        if (selected.get() == null) {
            error.set(messages.get("settings.selectUser"));
        }
        return selected.get();
    }

    private void change(Runnable work, String done) {
        if (!canManage()) {
            error.set(readOnlyReason());
            return;
        }
        error.set("");
        info.set("");
        tasks.run(() -> {
            work.run();
            return true;
        }, ok -> {
            info.set(done);
            username.set("");
            displayName.set("");
            password.set("");
            load();
        }, t -> error.set(String.valueOf(t.getMessage())));
    }

    public boolean canManage() {
        return actor.may(Permission.MANAGE_USERS);
    }

    public String readOnlyReason() {
        return canManage() ? "" : messages.format("settings.readOnlyUsers", messages.of("role", actor.role()));
    }

    public ObservableList<User> users() {
        return list;
    }

    public ObjectProperty<User> selectedProperty() {
        return selected;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty displayNameProperty() {
        return displayName;
    }

    public ObjectProperty<Role> roleProperty() {
        return role;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty infoProperty() {
        return info.getReadOnlyProperty();
    }
}
