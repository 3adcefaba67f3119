package io.bouncedesk.service;

import io.bouncedesk.domain.EmailAddress;
import io.bouncedesk.persistence.AddressDao;
import io.bouncedesk.persistence.GlobalBounceDao;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The platform's global bounce list as a workspace receives it (domain rules, section 6): a
 * globally bounced address is never sent to and cannot be unbounced inside the workspace.
 */
public final class GlobalBounceService {

    private final GlobalBounceDao globals;
    private final AddressDao addresses;
    private final ContactStatusUpdater statuses;
    private final Clock clock;

    public GlobalBounceService(GlobalBounceDao globals, AddressDao addresses, ContactStatusUpdater statuses, Clock clock) {
        this.globals = globals;
        this.addresses = addresses;
        this.statuses = statuses;
        this.clock = clock;
    }

    /** Adds or refreshes entries inside the caller's transaction; returns how many were new. */
    public int apply(Handle h, List<GlobalBounceDao.Entry> entries) {
        int added = 0;
        for (GlobalBounceDao.Entry e : entries) {
            String key = EmailAddress.keyOf(e.addressKey());
            GlobalBounceDao.Entry normalised = new GlobalBounceDao.Entry(key, e.category(), e.reason(), e.firstSeen());
            if (globals.upsert(h, normalised, clock.instant())) {
                added++;
            }
            Optional<Long> addressId = addresses.setGlobal(h, key, true);
            addressId.ifPresent(id -> statuses.refreshForAddress(h, id));
        }
        return added;
    }
}
