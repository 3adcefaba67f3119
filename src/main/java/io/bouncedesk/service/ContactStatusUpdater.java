package io.bouncedesk.service;

import io.bouncedesk.domain.ContactStatus;
import io.bouncedesk.persistence.AddressRow;
import io.bouncedesk.persistence.ContactDao;
import io.bouncedesk.persistence.ContactRow;
import org.jdbi.v3.core.Handle;

import java.time.Clock;

/**
 * Keeps each contact's stored status equal to the status its facts derive (domain rules,
 * section 2). The status is stored so that lists filter on it by index at a million contacts;
 * every service that changes a fact calls this in the same transaction.
 */
public final class ContactStatusUpdater {

    private final ContactDao contacts;
    private final Clock clock;

    public ContactStatusUpdater(ContactDao contacts, Clock clock) {
        this.contacts = contacts;
        this.clock = clock;
    }

    public static ContactStatus derive(ContactRow c) {
        return derive(c.spamComplaintAt() != null, c.unsubscribedAt() != null, c.address(), c.confirmed());
    }

    public static ContactStatus derive(boolean spam, boolean unsubscribed, AddressRow address, boolean confirmed) {
        return ContactStatus.derive(spam, unsubscribed, address.hardBounced() || address.globalBounced(), confirmed);
    }

    public ContactStatus refresh(Handle h, long contactId) {
        ContactRow c = contacts.find(h, contactId).orElseThrow(() -> new NotFoundException("No contact " + contactId));
        ContactStatus derived = derive(c);
        if (derived != c.status()) {
            contacts.setStatus(h, contactId, derived, clock.instant());
        }
        return derived;
    }

    /** {@link #refreshForAddress} for many addresses at once: one read, the changed statuses as a batch. */
    public void refreshForAddresses(Handle h, java.util.Collection<Long> addressIds) {
        if (addressIds.isEmpty()) {
            return;
        }
        try (var updates = contacts.statusUpdates(h)) {
            for (ContactRow c : contacts.findByAddressIds(h, addressIds)) {
                ContactStatus derived = derive(c);
                if (derived != c.status()) {
                    updates.add(new ContactDao.StatusChange(c.id(), derived, clock.instant()));
                }
            }
        }
    }

    /** After an address's bounce state changed: every contact using it. */
    public void refreshForAddress(Handle h, long addressId) {
        for (ContactRow c : contacts.findByAddressId(h, addressId)) {
            ContactStatus derived = derive(c);
            if (derived != c.status()) {
                contacts.setStatus(h, c.id(), derived, clock.instant());
            }
        }
    }
}
