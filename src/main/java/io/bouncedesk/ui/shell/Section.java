package io.bouncedesk.ui.shell;

/** The entries of the navigation; {@link #id()} names the node ({@code #nav-emails}) and the message keys. */
public enum Section {
    DASHBOARD("dashboard"),
    EMAILS("emails"),
    CONTACTS("contacts"),
    SEGMENTS("segments"),
    AUDIT_LOG("audit"),
    SETTINGS("settings");

    private final String id;

    Section(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
