package io.bouncedesk.ui.settings;

import io.bouncedesk.domain.Permission;
import io.bouncedesk.domain.User;
import io.bouncedesk.persistence.SendingDomainRow;
import io.bouncedesk.service.SettingsService;
import io.bouncedesk.ui.common.BackgroundTasks;
import io.bouncedesk.ui.common.Messages;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * Sending domains (connected state, SPF, DKIM and DMARC as entered) and sending IP addresses (used
 * by the copy-for-IT text). Changing them needs MANAGE_SENDING_DOMAINS; the service enforces it,
 * this view model says why the screen is read-only and surfaces every refusal in words.
 */
public final class DomainsSettingsViewModel {

    /** The states the service accepts for SPF, DKIM and DMARC. */
    public static final List<String> AUTH_STATES = List.of("PASS", "FAIL", "MISSING", "UNKNOWN");

    private final User user;
    private final SettingsService settings;
    private final BackgroundTasks tasks;
    private final Messages messages;
    private final ObservableList<SendingDomainRow> domains = FXCollections.observableArrayList();
    private final ObservableList<String> ips = FXCollections.observableArrayList();
    private final ObjectProperty<SendingDomainRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty domain = new SimpleStringProperty(this, "domain", "");
    private final BooleanProperty connected = new SimpleBooleanProperty(this, "connected", true);
    private final StringProperty spf = new SimpleStringProperty(this, "spf", "UNKNOWN");
    private final StringProperty dkim = new SimpleStringProperty(this, "dkim", "UNKNOWN");
    private final StringProperty dmarc = new SimpleStringProperty(this, "dmarc", "UNKNOWN");
    private final StringProperty ip = new SimpleStringProperty(this, "ip", "");
    private final StringProperty ipLabel = new SimpleStringProperty(this, "ipLabel", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper info = new ReadOnlyStringWrapper(this, "info", "");

    public DomainsSettingsViewModel(User user, SettingsService settings, BackgroundTasks tasks, Messages messages) {
        this.user = user;
        this.settings = settings;
        this.tasks = tasks;
        this.messages = messages;
        // Selecting a domain puts its state in the fields, ready to change and save.
        selected.subscribe(d -> {
            if (d != null) {
                domain.set(d.domain());
                connected.set(d.connected());
                spf.set(d.spf());
                dkim.set(d.dkim());
                dmarc.set(d.dmarc());
            }
        });
    }

    public void load() {
        tasks.run(() -> new Lists(settings.domains(), settings.ips()), l -> {
            domains.setAll(l.domains());
            ips.setAll(l.ips());
        }, this::failed);
    }

    private record Lists(List<SendingDomainRow> domains, List<String> ips) {
    }

    public void addDomain() {
        if (domain.get() == null || domain.get().isBlank()) {
            error.set(messages.get("settings.domainRequired"));
            return;
        }
        String d = domain.get().strip();
        change(() -> settings.addDomain(user, d, connected.get(), spf.get(), dkim.get(), dmarc.get()),
                messages.format("settings.domainAdded", d));
    }

    /** Saves the fields onto the selected domain. */
    public void updateDomain() {
        SendingDomainRow d = selected.get();
        if (d == null) {
            error.set(messages.get("settings.selectDomain"));
            return;
        }
        change(() -> settings.updateDomain(user, d.domain(), connected.get(), spf.get(), dkim.get(), dmarc.get()),
                messages.format("settings.domainSaved", d.domain()));
    }

    public void removeDomain() {
        SendingDomainRow d = selected.get();
        if (d == null) {
            error.set(messages.get("settings.selectDomain"));
            return;
        }
        change(() -> settings.removeDomain(user, d.domain()), messages.format("settings.domainRemoved", d.domain()));
    }

    public void addIp() {
        String v = ip.get() == null ? "" : ip.get().strip();
        if (v.isEmpty()) {
            error.set(messages.get("settings.ipRequired"));
            return;
        }
        change(() -> settings.addIp(user, v, ipLabel.get()), messages.format("settings.ipAdded", v));
    }

    public void removeIp(String address) {
        if (address != null) {
            change(() -> settings.removeIp(user, address), messages.format("settings.ipRemoved", address));
        }
    }

    private void change(Runnable work, String done) {
        if (!canManage()) {
            error.set(readOnlyReason());
            return;
        }
        error.set("");
        info.set("");
        Callable<Boolean> call = () -> {
            work.run();
            return true;
        };
        tasks.run(call, ok -> {
            info.set(done);
            domain.set("");
            ip.set("");
            ipLabel.set("");
            load();
        }, this::failed);
    }

    private void failed(Throwable t) {
        error.set(String.valueOf(t.getMessage()));
    }

    public boolean canManage() {
        return user.may(Permission.MANAGE_SENDING_DOMAINS);
    }

    /** Why the user sees these settings read-only, or empty. */
    public String readOnlyReason() {
        return canManage() ? "" : messages.format("settings.readOnlyDomains", messages.of("role", user.role()));
    }

    /** "Pass", "Fail"... in the user's language. */
    public String authLabel(String state) {
        return messages.get("settings.auth." + (state == null ? "UNKNOWN" : state));
    }

    public ObservableList<SendingDomainRow> domains() {
        return domains;
    }

    public ObservableList<String> ips() {
        return ips;
    }

    public ObjectProperty<SendingDomainRow> selectedProperty() {
        return selected;
    }

    public StringProperty domainProperty() {
        return domain;
    }

    public BooleanProperty connectedProperty() {
        return connected;
    }

    public StringProperty spfProperty() {
        return spf;
    }

    public StringProperty dkimProperty() {
        return dkim;
    }

    public StringProperty dmarcProperty() {
        return dmarc;
    }

    public StringProperty ipProperty() {
        return ip;
    }

    public StringProperty ipLabelProperty() {
        return ipLabel;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty infoProperty() {
        return info.getReadOnlyProperty();
    }
}
