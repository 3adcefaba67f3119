package io.bouncedesk.ui.imports;

import io.bouncedesk.service.BounceMessageImportService;
import io.bouncedesk.service.ContactImportService;
import io.bouncedesk.service.EventImportService;
import io.bouncedesk.service.GlobalBounceImportService;

/** The four import use cases the wizard drives; each checks the user's permission itself. */
public record ImportServices(ContactImportService contacts, GlobalBounceImportService globalBounces,
                             EventImportService events, BounceMessageImportService bounceMessages) {

    public static ImportServices of(ContactImportService contacts, GlobalBounceImportService globalBounces,
                                    EventImportService events, BounceMessageImportService bounceMessages) {
        return new ImportServices(contacts, globalBounces, events, bounceMessages);
    }
}
