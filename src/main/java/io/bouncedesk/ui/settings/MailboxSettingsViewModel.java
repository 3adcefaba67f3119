package io.bouncedesk.ui.settings;

import io.bouncedesk.domain.Permission;
import io.bouncedesk.domain.User;
import io.bouncedesk.service.BounceMailboxService;
import io.bouncedesk.service.MailboxSettings;
import io.bouncedesk.ui.common.BackgroundTasks;
import io.bouncedesk.ui.common.Messages;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The IMAP bounce mailbox: host, port, TLS, user, password, folder and check interval, and
 * "Check now" with progress. Saving restarts the background checks through {@code onSaved}.
 */
public final class MailboxSettingsViewModel {

    private final User user;
    private final BounceMailboxService mailbox;
    private final BackgroundTasks tasks;
    private final Messages messages;
    private final Runnable onSaved;
    private final StringProperty host = new SimpleStringProperty(this, "host", "");
    private final StringProperty port = new SimpleStringProperty(this, "port", "993");
    private final BooleanProperty tls = new SimpleBooleanProperty(this, "tls", true);
    private final StringProperty account = new SimpleStringProperty(this, "account", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final StringProperty folder = new SimpleStringProperty(this, "folder", "INBOX");
    private final StringProperty every = new SimpleStringProperty(this, "every", "10");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper info = new ReadOnlyStringWrapper(this, "info", "");
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(this, "checking");

    public MailboxSettingsViewModel(User user, BounceMailboxService mailbox, BackgroundTasks tasks, Messages messages,
                                    Runnable onSaved) {
        this.user = user;
        this.mailbox = mailbox;
        this.tasks = tasks;
        this.messages = messages;
        this.onSaved = onSaved;
    }

    public void load() {
        tasks.run(mailbox::settings, s -> s.ifPresent(m -> {
            host.set(m.host());
            port.set(Integer.toString(m.port()));
            tls.set(m.tls());
            account.set(m.user());
            password.set(m.password());
            folder.set(m.folder());
            every.set(Integer.toString(m.checkEveryMinutes()));
        }), t -> error.set(String.valueOf(t.getMessage())));
    }

    /** The settings the fields describe; the first problem goes to {@link #errorProperty()}. */
    MailboxSettings parse() {
        if (host.get() == null || host.get().isBlank()) {
            throw new IllegalArgumentException(messages.format("mailbox.hostRequired"));
        }
        int p = number(port.get(), "mailbox.badPort");
        if (p < 1 || p > 65_535) {
            throw new IllegalArgumentException(messages.get("mailbox.badPort"));
        }
        if (account.get() == null || account.get().isBlank()) {
            throw new IllegalArgumentException(messages.get("mailbox.userRequired"));
        }
        int minutes = number(every.get(), "mailbox.badInterval");
        if (minutes < 0 || minutes > 24 * 60) {
            throw new IllegalArgumentException(messages.get("mailbox.badInterval"));
        }
        return new MailboxSettings(host.get().strip(), p, tls.get(), account.get().strip(), password.get(),
                folder.get(), minutes);
    }

    private int number(String text, String problemKey) {
        try {
            return Integer.parseInt(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(messages.get(problemKey));
        }
    }

    public void save() {
        if (!canManage()) {
            error.set(readOnlyReason());
            return;
        }
        MailboxSettings s;
        try {
            s = parse();
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        error.set("");
        tasks.run(() -> {
            mailbox.save(user, s);
            return s;
        }, saved -> {
            info.set(saved.checkEveryMinutes() == 0 ? messages.get("mailbox.savedManual")
                    : messages.format("mailbox.saved", saved.checkEveryMinutes()));
            onSaved.run();
        }, t -> error.set(String.valueOf(t.getMessage())));
    }

    /** Checks the saved mailbox now, with progress in the status bar. */
    public void checkNow() {
        if (!canCheck() || checking.get()) {
            return;
        }
        checking.set(true);
        error.set("");
        info.set("");
        tasks.runWithProgress(messages.get("mailbox.checking"), p -> mailbox.check(user, p), r -> {
            checking.set(false);
            info.set(messages.format("mailbox.result", r.recorded(), r.duplicates(), r.notBounces(), r.broken()));
        }, t -> {
            checking.set(false);
            error.set(String.valueOf(t.getMessage()));
        });
    }

    public boolean canManage() {
        return user.may(Permission.MANAGE_SENDING_DOMAINS);
    }

    public boolean canCheck() {
        return user.may(Permission.IMPORT);
    }

    public String readOnlyReason() {
        return canManage() ? "" : messages.format("settings.readOnlyMailbox", messages.of("role", user.role()));
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    public BooleanProperty tlsProperty() {
        return tls;
    }

    public StringProperty accountProperty() {
        return account;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty folderProperty() {
        return folder;
    }

    public StringProperty everyProperty() {
        return every;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty infoProperty() {
        return info.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }
}
