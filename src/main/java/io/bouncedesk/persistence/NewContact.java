package io.bouncedesk.persistence;

import io.bouncedesk.domain.ContactStatus;

import java.time.Instant;

/** The facts of a contact to insert; the status is derived by the service before insertion. */
public record NewContact(String firstName, String lastName, String company, String source, boolean purchasedList,
                         long addressId, boolean confirmed, Instant unsubscribedAt, Instant spamComplaintAt,
                         ContactStatus status, Instant createdAt) {
}
