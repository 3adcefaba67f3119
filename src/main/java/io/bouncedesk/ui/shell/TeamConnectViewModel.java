package io.bouncedesk.ui.shell;

import io.bouncedesk.persistence.DatabaseLogin;
import io.bouncedesk.persistence.WorkspaceTarget;
import io.bouncedesk.ui.common.Messages;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Optional;

/**
 * File > Connect to team workspace: the server's JDBC URL, the database user and password, and
 * whether the password is remembered in the operating system's credential store (offered only
 * where this computer has one).
 */
public final class TeamConnectViewModel {

    /** What the dialog hands to the window to open. */
    public record Request(WorkspaceTarget target, DatabaseLogin login, boolean remember) {
    }

    private final Messages m;
    private final boolean storeAvailable;
    private final StringProperty url = new SimpleStringProperty(this, "url", "");
    private final StringProperty user = new SimpleStringProperty(this, "user", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final BooleanProperty remember = new SimpleBooleanProperty(this, "remember", false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    public TeamConnectViewModel(Messages messages, boolean storeAvailable) {
        this.m = messages;
        this.storeAvailable = storeAvailable;
        this.remember.set(storeAvailable);
    }

    /** Fills the form, e.g. with the last team workspace used and an error from the last try. */
    public TeamConnectViewModel prefill(String lastUrl, String lastUser, char[] rememberedPassword, String lastError) {
        url.set(lastUrl == null ? "" : lastUrl);
        user.set(lastUser == null ? "" : lastUser);
        password.set(rememberedPassword == null ? "" : new String(rememberedPassword));
        error.set(lastError == null ? "" : lastError);
        return this;
    }

    /** The request when the form is complete; otherwise empty, with the error set. */
    public Optional<Request> request() {
        String u = url.get() == null ? "" : url.get().strip();
        if (!WorkspaceTarget.isTeamUrl(u)) {
            error.set(m.get("team.error.url"));
            return Optional.empty();
        }
        String who = user.get() == null ? "" : user.get().strip();
        if (who.isEmpty()) {
            error.set(m.get("team.error.user"));
            return Optional.empty();
        }
        error.set("");
        String p = password.get();
        return Optional.of(new Request(WorkspaceTarget.team(u),
                new DatabaseLogin(who, p == null || p.isEmpty() ? null : p.toCharArray()),
                storeAvailable && remember.get()));
    }

    public boolean storeAvailable() {
        return storeAvailable;
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public BooleanProperty rememberProperty() {
        return remember;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
