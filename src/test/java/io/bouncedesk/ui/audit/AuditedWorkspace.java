package io.bouncedesk.ui.audit;

import io.bouncedesk.domain.RecipientTab;
import io.bouncedesk.domain.Role;
import io.bouncedesk.domain.User;
import io.bouncedesk.persistence.ContactFilter;
import io.bouncedesk.persistence.RecipientQuery;
import io.bouncedesk.persistence.SegmentFilter;
import io.bouncedesk.ui.dashboard.SmallWorkspace;

import java.nio.file.Path;

/** A small workspace whose audit log has entries of many kinds, written by the services themselves. */
final class AuditedWorkspace {

    private AuditedWorkspace() {
    }

    static SmallWorkspace build(Path dir) {
        SmallWorkspace ws = new SmallWorkspace(dir, 200, 1);
        User admin = ws.user("admin");
        var s = ws.services;
        s.settingsAdmin.addDomain(admin, "news.example.com", true, "pass", "missing", "unknown");
        s.settingsAdmin.addIp(admin, "198.51.100.7", "main pool");
        s.settingsAdmin.changeRole(admin, "support", Role.MARKETING_EMAIL);
        s.settingsAdmin.setDisabled(admin, "support", true);
        s.settingsAdmin.resetPassword(admin, "marketer", "another-long-password".toCharArray());
        s.segments.createDynamic(admin, "Everyone \"active\"", SegmentFilter.none());
        long email = s.reports.emails("").get(0).email().id();
        s.segments.createFromRecipients(admin, "Bounced once", RecipientQuery.of(email, RecipientTab.BOUNCED));
        long contact = s.contacts.list(ContactFilter.all(), 0, 1).get(0).id();
        s.contacts.changeAddress(admin, contact, "renamed@example.org");
        return ws;
    }
}
