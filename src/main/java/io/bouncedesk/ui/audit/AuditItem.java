package io.bouncedesk.ui.audit;

import io.bouncedesk.persistence.AuditEntry;

/** One row of the audit table; a placeholder (entry null) until its page is read. */
public record AuditItem(int index, AuditEntry entry) {

    public static AuditItem placeholder(int index) {
        return new AuditItem(index, null);
    }

    public boolean isPlaceholder() {
        return entry == null;
    }
}
