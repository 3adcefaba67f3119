package io.bouncedesk.ui.settings;

import atlantafx.base.theme.Styles;
import io.bouncedesk.ui.common.Messages;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/** Settings: one tab each for sending domains and IPs, users, the bounce mailbox, and general. */
public final class SettingsView extends BorderPane {

    private final TabPane tabs = new TabPane();

    public SettingsView(DomainsSettingsViewModel domains, UsersSettingsViewModel users,
                        MailboxSettingsViewModel mailbox, GeneralSettingsViewModel general, Messages m) {
        getStyleClass().add("settings-view");
        getStylesheets().add(SettingsView.class.getResource("/io/bouncedesk/ui/settings/settings.css").toExternalForm());
        Label title = new Label(m.get("nav.settings"));
        title.getStyleClass().add(Styles.TITLE_3);
        Label hint = new Label(m.get("settings.hint"));
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        VBox header = new VBox(2, title, hint);
        header.getStyleClass().add("screen-header");
        setTop(header);
        tabs.setId("settingsTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Node domainsNode = new VBox(8, Forms.readOnly(domains.readOnlyReason(), "domainsReadOnly"),
                new DomainsPane(domains, m));
        tabs.getTabs().addAll(tab("settings-tab-domains", m.get("settings.tab.domains"), domainsNode),
                tab("settings-tab-users", m.get("settings.tab.users"), new UsersPane(users, m)),
                tab("settings-tab-mailbox", m.get("settings.tab.mailbox"), new MailboxPane(mailbox, m)),
                tab("settings-tab-general", m.get("settings.tab.general"), new GeneralPane(general, m)));
        setCenter(tabs);
    }

    private static Tab tab(String id, String text, Node content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        Tab t = new Tab(text, scroll);
        t.setId(id);
        return t;
    }

    /** Selects a tab by its id (tests and links from other screens). */
    public void select(String tabId) {
        tabs.getTabs().stream().filter(t -> tabId.equals(t.getId())).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }
}
