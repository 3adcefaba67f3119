package io.bouncedesk.persistence;

import io.bouncedesk.domain.ContactStatus;

import java.time.Instant;

/** A contact with its current address's bounce state. */
public record ContactRow(long id, String firstName, String lastName, String company, String source,
                         boolean purchasedList, boolean confirmed, Instant unsubscribedAt, Instant spamComplaintAt,
                         ContactStatus status, Instant createdAt, AddressRow address) {

    public String displayName() {
        String name = (firstName + " " + lastName).strip();
        return name.isEmpty() ? address.address() : name;
    }
}
