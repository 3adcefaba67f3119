package io.bouncedesk.service;

import io.bouncedesk.domain.EmailAddress;
import io.bouncedesk.domain.Permission;
import io.bouncedesk.domain.User;
import io.bouncedesk.persistence.AddressDao;
import io.bouncedesk.persistence.AddressRow;
import io.bouncedesk.persistence.BounceDao;
import io.bouncedesk.persistence.BounceRow;
import io.bouncedesk.persistence.ContactDao;
import io.bouncedesk.persistence.ContactFilter;
import io.bouncedesk.persistence.ContactRow;
import io.bouncedesk.persistence.EmailDao;
import io.bouncedesk.persistence.GlobalBounceDao;
import io.bouncedesk.persistence.RecipientDao;
import io.bouncedesk.persistence.UnbounceDao;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading contacts and changing their address (domain rules, sections 2 and 8). */
public final class ContactService {

    private final Jdbi jdbi;
    private final ContactDao contacts;
    private final AddressDao addresses;
    private final BounceDao bounces;
    private final GlobalBounceDao globals;
    private final UnbounceDao unbounces;
    private final RecipientDao recipients;
    private final EmailDao emails;
    private final ContactStatusUpdater statuses;
    private final AuditLogger audit;
    private final Clock clock;

    public ContactService(Jdbi jdbi, ContactDao contacts, AddressDao addresses, BounceDao bounces,
                          GlobalBounceDao globals, UnbounceDao unbounces, RecipientDao recipients, EmailDao emails,
                          ContactStatusUpdater statuses, AuditLogger audit, Clock clock) {
        this.jdbi = jdbi;
        this.contacts = contacts;
        this.addresses = addresses;
        this.bounces = bounces;
        this.globals = globals;
        this.unbounces = unbounces;
        this.recipients = recipients;
        this.emails = emails;
        this.statuses = statuses;
        this.audit = audit;
        this.clock = clock;
    }

    public List<ContactRow> list(ContactFilter filter, long afterId, int limit) {
        return jdbi.withHandle(h -> contacts.list(h, filter, afterId, limit));
    }

    public long count(ContactFilter filter) {
        return jdbi.withHandle(h -> contacts.count(h, filter));
    }

    public Optional<ContactRow> findByAddress(String address) {
        String key = EmailAddress.keyOf(address);
        return jdbi.withHandle(h -> contacts.findByAddressKey(h, key));
    }

    public ContactDetails details(long contactId) {
        return jdbi.withHandle(h -> details(h, contactId));
    }

    private ContactDetails details(Handle h, long contactId) {
        ContactRow c = contacts.find(h, contactId)
                .orElseThrow(() -> new NotFoundException("No contact with id " + contactId + "."));
        AddressRow a = c.address();
        Optional<BounceRow> hard = a.hardBounced() ? bounces.find(h, a.hardBounceId()) : Optional.empty();
        Optional<GlobalBounceDao.Entry> global = a.globalBounced() ? globals.find(h, a.key()) : Optional.empty();
        var suppressed = Suppression.check(new Suppression.Facts(a.hardBounced(), a.globalBounced(),
                c.unsubscribedAt() != null, c.spamComplaintAt() != null, c.confirmed(), a.valid(), c.purchasedList()));
        List<ContactDetails.TimelineEntry> timeline = recipients.ofContact(h, contactId).stream()
                .map(r -> new ContactDetails.TimelineEntry(r.emailId(),
                        emails.find(h, r.emailId()).map(e -> e.name()).orElse("?"), r))
                .toList();
        return new ContactDetails(c, hard, global, unbounces.contactUnbouncedBefore(h, contactId), suppressed,
                bounces.historyOfContact(h, contactId), timeline);
    }

    /**
     * Changes the contact's current address. Bounces stay with the old address: a clean new
     * address makes the contact eligible again, a previously bounced one makes it ineligible at once.
     */
    public ContactDetails changeAddress(User user, long contactId, String newAddress) {
        PermissionDeniedException.check(user, Permission.EDIT_CONTACTS);
        EmailAddress address = EmailAddress.parseValid(newAddress);
        return jdbi.inTransaction(h -> {
            ContactRow before = contacts.find(h, contactId)
                    .orElseThrow(() -> new NotFoundException("No contact with id " + contactId + "."));
            if (before.address().key().equals(address.key())) {
                return details(h, contactId);
            }
            long addressId = addresses.getOrCreate(h, address);
            contacts.setAddress(h, contactId, addressId, clock.instant());
            var status = statuses.refresh(h, contactId);
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("address", before.address().address());
            b.put("status", before.status().name());
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("address", address.value());
            a.put("status", status.name());
            audit.record(h, user.username(), "CONTACT_ADDRESS_CHANGED", AuditSubject.contact(contactId), b, a);
            return details(h, contactId);
        });
    }
}
