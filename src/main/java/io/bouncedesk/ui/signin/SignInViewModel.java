package io.bouncedesk.ui.signin;

import io.bouncedesk.domain.User;
import io.bouncedesk.service.DemoAccounts;
import io.bouncedesk.service.SignInGuard;
import io.bouncedesk.service.UserService;
import io.bouncedesk.ui.common.BackgroundTasks;
import io.bouncedesk.ui.common.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * The sign-in screen: signs in against the workspace's users through the {@link SignInGuard} (which
 * owns the lockout rule), lists the demo accounts of a demo workspace, and in a workspace without
 * users creates the first Super admin.
 */
public final class SignInViewModel {

    /** What the screen asks for. */
    public enum Mode { LOADING, SIGN_IN, FIRST_ADMIN }

    private final SignInGuard guard;
    private final UserService users;
    private final DemoAccounts demo;
    private final BackgroundTasks tasks;
    private final Messages messages;
    private final Consumer<User> onSignedIn;

    private final StringProperty username = new SimpleStringProperty(this, "username", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final StringProperty displayName = new SimpleStringProperty(this, "displayName", "");
    private final StringProperty repeatPassword = new SimpleStringProperty(this, "repeatPassword", "");
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(this, "mode", Mode.LOADING);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper locked = new ReadOnlyBooleanWrapper(this, "locked");
    private final ObservableList<DemoAccounts.Account> demoAccounts = FXCollections.observableArrayList();
    private final ObservableList<DemoAccounts.Account> demoAccountsView =
            FXCollections.unmodifiableObservableList(demoAccounts);
    private final BooleanBinding canSubmit;

    public SignInViewModel(SignInGuard guard, UserService users, DemoAccounts demo, BackgroundTasks tasks,
                           Messages messages, Consumer<User> onSignedIn) {
        this.guard = guard;
        this.users = users;
        this.demo = demo;
        this.tasks = tasks;
        this.messages = messages;
        this.onSignedIn = onSignedIn;
        canSubmit = Bindings.createBooleanBinding(() -> !busy.get() && !locked.get()
                        && mode.get() != Mode.LOADING && !username.get().isBlank() && !password.get().isEmpty(),
                busy, locked, mode, username, password);
    }

    /** Learns whether the workspace has users and which demo accounts it offers. */
    public void load() {
        busy.set(true);
        tasks.run(() -> users.hasUsers() ? demo.list() : null, accounts -> {
            busy.set(false);
            if (accounts == null) {
                mode.set(Mode.FIRST_ADMIN);
            } else {
                demoAccounts.setAll(accounts);
                mode.set(Mode.SIGN_IN);
            }
            tick();
        }, this::failed);
    }

    /** Fills in a demo account's name and the demo password. */
    public void useDemoAccount(DemoAccounts.Account account) {
        username.set(account.username());
        password.set(demo.password());
    }

    /** Signs in, or in a new workspace creates the first Super admin and signs in as them. */
    public void submit() {
        if (!canSubmit.get()) {
            return;
        }
        if (mode.get() == Mode.FIRST_ADMIN && !password.get().equals(repeatPassword.get())) {
            error.set(messages.get("signin.passwordsDiffer"));
            return;
        }
        String name = username.get().strip();
        char[] secret = password.get().toCharArray();
        boolean first = mode.get() == Mode.FIRST_ADMIN;
        String display = displayName.get();
        busy.set(true);
        error.set("");
        tasks.run(() -> first ? users.createFirstAdmin(name, display, secret) : guard.signIn(name, secret), user -> {
            busy.set(false);
            password.set("");
            repeatPassword.set("");
            onSignedIn.accept(user);
        }, this::failed);
    }

    private void failed(Throwable t) {
        busy.set(false);
        if (t instanceof SignInGuard.WrongCredentialsException w) {
            password.set("");
            error.set(messages.format("signin.wrong", w.attemptsLeft()));
        } else if (t instanceof SignInGuard.LockedException) {
            password.set("");
            tick();
        } else if (t instanceof IllegalArgumentException || t instanceof IllegalStateException) {
            error.set(t.getMessage());
        } else {
            error.set(messages.format("error.unexpected", String.valueOf(t.getMessage())));
        }
    }

    /** Called every second by the view: counts the lock down and lifts it when it ends. */
    public void tick() {
        Duration left = guard.lockRemaining();
        boolean isLocked = !left.isZero();
        if (isLocked) {
            error.set(messages.format("signin.locked", SignInGuard.seconds(left)));
        } else if (locked.get()) {
            error.set("");
        }
        locked.set(isLocked);
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty displayNameProperty() {
        return displayName;
    }

    public StringProperty repeatPasswordProperty() {
        return repeatPassword;
    }

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty lockedProperty() {
        return locked.getReadOnlyProperty();
    }

    public BooleanBinding canSubmitBinding() {
        return canSubmit;
    }

    /** The demo workspace's accounts; empty in any other workspace. */
    public ObservableList<DemoAccounts.Account> demoAccounts() {
        return demoAccountsView;
    }
}
