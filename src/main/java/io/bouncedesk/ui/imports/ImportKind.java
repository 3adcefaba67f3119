package io.bouncedesk.ui.imports;

/** What the import wizard imports; the CSV kinds get a preview and a dry run, all or nothing. */
public enum ImportKind {
    CONTACTS,
    GLOBAL_BOUNCES,
    PROVIDER_EVENTS,
    BOUNCE_MESSAGES;

    /** CSV files imported all or nothing, after a preview and a dry run. */
    public boolean csv() {
        return this == CONTACTS || this == GLOBAL_BOUNCES;
    }
}
